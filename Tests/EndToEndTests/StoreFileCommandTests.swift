import Foundation
import Testing

/// What `--store` may point at, and what a damaged file gives: a clear message, never a hang,
/// a trap or a file made into a store behind the user's back.
@Suite struct StoreFileCommandTests {
    @Test func aFIFOOrADeviceIsRefusedAtOnce() throws {
        let cli = RapportBinary()
        let fifo = (cli.store as NSString).deletingLastPathComponent + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        for target in [fifo, "/dev/null"] {
            let result = try cli.run(["customer", "list", "--store", target])
            #expect(result.status == 1)
            #expect(result.stderr.contains("is not a regular file"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal"))
    }

    @Test func readingCommandsNeverMakeAnEmptyFileAStore() throws {
        let cli = RapportBinary()
        #expect(FileManager.default.createFile(atPath: cli.store, contents: nil, attributes: [.posixPermissions: 0o644]))
        for arguments in [["customer", "list"], ["conversations"], ["stats"], ["agent", "list"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("is empty, not a Rapport store"), "\(arguments): \(result.stderr)")
        }
        #expect((try FileManager.default.attributesOfItem(atPath: cli.store))[.size] as? Int == 0)
        // `rapport init` is the one command that makes it a store.
        #expect(try cli.run(["init"]).status == 0)
        #expect(try cli.run(["customer", "list"]).status == 0)
    }

    @Test func aDamagedStoreIsReportedClearlyAndStoreCheckSaysWhat() throws {
        let cli = RapportBinary()
        #expect(try cli.run(["demo", "--seed-only", "--store", cli.store]).status == 0)
        let check = try cli.run(["store", "check"])
        #expect(check.status == 0 && check.stdout.hasPrefix("ok: "), "\(check.stderr)")

        // Garbage over the schema page after the 100-byte file header (the demo's last run checkpointed
        // its WAL into the file): SQLite can no longer read the schema.
        #expect((try? FileManager.default.attributesOfItem(atPath: cli.store + "-wal"))?[.size] as? Int ?? 0 == 0)
        let handle = try #require(FileHandle(forUpdatingAtPath: cli.store))
        try handle.seek(toOffset: 100)
        handle.write(Data(repeating: 0xA5, count: 3_996))
        try handle.close()
        let listed = try cli.run(["customer", "list"])
        #expect(listed.status == 1)
        #expect(listed.stderr.contains("the store file is damaged") && listed.stderr.contains("rapport store check"), "\(listed.stderr)")
        let damaged = try cli.run(["store", "check"])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("the store is damaged"), "\(damaged.stderr)")
    }
}
