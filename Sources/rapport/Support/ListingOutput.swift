import ArgumentParser

/// `--json`, as every listing command takes it (DESIGN.md's command-line contract): one JSON
/// document on stdout, its fields documented in the README.
struct ListingOutput: ParsableArguments {
    @Flag(help: "Print one JSON document on stdout (its fields: README, \"JSON fields\").") var json = false
}
