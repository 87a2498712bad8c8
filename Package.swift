// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way:
// RapportCore ← RapportStore, RapportMail ← RapportApp ← RapportRuntime (with RapportTUI) ← rapport;
// RapportTUI ← RapportTerminal ← rapport. The Screen protocol is in RapportTUI, so the ncurses Terminal
// implements it and RapportRuntime's Program runs on it without knowing ncurses.
let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
        .executable(name: "rapport-bench", targets: ["rapport-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        // MARK: - C edges
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses",
                       providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CGMime", path: "Sources/CGMime", pkgConfig: "gmime-3.0",
                       providers: [.apt(["libgmime-3.0-dev"])]),
        .target(name: "MimeShim", dependencies: ["CGMime"], path: "Sources/MimeShim"),
        // The SQLite switch GRDB does not reach (a variadic C call), on the same system libsqlite3.
        .target(name: "SQLiteSwitches", path: "Sources/SQLiteSwitches", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The search index's tokenizer (quoted lines left out), registered on every SQLite connection.
        .target(name: "SearchTokenizer", path: "Sources/SearchTokenizer", linkerSettings: [.linkedLibrary("sqlite3")]),

        // MARK: - Swift modules
        .target(name: "RapportCore", dependencies: [
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "RapportStore", dependencies: [
            "RapportCore", "SQLiteSwitches", "SearchTokenizer",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The PostgreSQL adapter: the same StorePort over postgres-nio, for teams on several machines.
        .target(name: "RapportPostgres", dependencies: [
            "RapportCore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .target(name: "RapportMail", dependencies: ["RapportCore", "MimeShim"]),
        .target(name: "RapportTUI", dependencies: ["RapportCore"]),
        .target(name: "RapportTerminal", dependencies: ["RapportTUI", "CNCurses"]),
        // The use cases: the only callers of the store (see DESIGN.md, "Shape").
        .target(name: "RapportApp", dependencies: ["RapportCore", "RapportMail"]),
        // The inbox's effect interpreter and loop (Program, InMemoryScreen), shared by the executable, the
        // benchmark and the in-memory loop tests.
        .target(name: "RapportRuntime", dependencies: ["RapportCore", "RapportApp", "RapportMail", "RapportTUI"]),
        .executableTarget(name: "rapport", dependencies: [
            "RapportCore", "RapportApp", "RapportStore", "RapportPostgres", "RapportMail", "RapportTUI", "RapportTerminal",
            "RapportRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], resources: [.copy("Resources/demo.json")],
        // mimalloc in place of glibc's malloc for the whole process (DECISIONS.md, "mimalloc").
        linkerSettings: [.linkedLibrary("mimalloc")]),

        // Benchmark helpers for scripts/bench (synthetic Maildir, store fixture, in-process timings).
        .executableTarget(name: "rapport-bench", dependencies: [
            "RapportCore", "RapportApp", "RapportStore", "RapportPostgres", "RapportTUI", "RapportRuntime",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [.linkedLibrary("mimalloc")]),

        // MARK: - Tests
        .testTarget(name: "RapportCoreTests", dependencies: ["RapportCore"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "RapportStoreTests", dependencies: ["RapportStore", "RapportApp", "RapportCore", "TestSupport"]),
        .testTarget(name: "RapportMailTests", dependencies: [
            "RapportMail", "RapportApp", "RapportCore", "RapportStore", "RapportPostgres", "TestSupport", "MimeShim",
        ]),
        .testTarget(name: "RapportAppTests", dependencies: ["RapportApp", "RapportCore", "RapportStore", "TestSupport"]),
        .testTarget(name: "RapportTUITests", dependencies: ["RapportTUI", "RapportCore"]),
        .testTarget(name: "RapportTerminalTests", dependencies: ["RapportTerminal", "RapportTUI"]),
        // The store contract: written once against StorePort, run against every adapter (StoreFactories.swift).
        .testTarget(name: "StoreContractTests", dependencies: [
            "RapportCore", "RapportApp", "RapportStore", "RapportPostgres", "TestSupport",
        ]),
        // The inbox's loop in memory, on a real store file: the tmux scenarios without tmux, the change
        // watcher and what a key reads.
        .testTarget(name: "RapportRuntimeTests", dependencies: [
            "RapportRuntime", "RapportTUI", "RapportCore", "RapportStore", "RapportPostgres", "RapportMail", "TestSupport",
        ]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "RapportCore", "RapportStore", "RapportPostgres", "rapport", "TestSupport",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
