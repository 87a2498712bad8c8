import ArgumentParser
import RapportStore

/// `rapport-bench schema`: prints docs/schema.md, the schema of a new store (see `scripts/schema-doc`).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print docs/schema.md: a new store's tables, indexes and triggers.")

    func run() throws {
        print(try SchemaDocument.forNewStore(), terminator: "")
    }
}
