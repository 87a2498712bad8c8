import Foundation
import Testing

/// `--store postgres://…` through the real binary: `rapport init` makes or migrates a store, a database
/// that is not Rapport's is refused untouched, a password never travels in the address, sslmode is honoured.
@Suite(.enabled(if: Backend.server != nil, "needs RAPPORT_TEST_POSTGRES"))
struct PostgresStoreCommandTests {
    /// Runs SQL on the scratch database with psql (the server's own client), as a person would.
    func psql(_ database: ScratchDatabase, _ sql: String) throws -> String {
        let result = try database.psql(sql)
        #expect(result.status == 0, "psql \(sql): \(result.stderr)")
        return result.stdout
    }

    @Test func initMakesAnEmptyDatabaseAStoreAndOnlyInitDoes() throws {
        let cli = RapportBinary(.postgres)
        let before = try cli.run(["agent", "list"])
        #expect(before.status == 1 && before.stderr.contains("rapport init"), "\(before.stderr)")
        let made = try cli.run(["init"])
        #expect(made.status == 0 && made.stdout.contains("Rapport store ready at postgres://"), "\(made.stderr)")
        #expect(try cli.run(["init"]).status == 0, "init again on a store only migrates it")
        #expect(try cli.run(["agent", "add", "--login", "sam", "--first", "Sam", "--email", "sam@example.com"]).status == 0)
        #expect(try cli.run(["agent", "list"]).stdout.contains("sam"))
    }

    @Test func aDatabaseThatIsNotRapportsIsRefusedUntouched() throws {
        let cli = RapportBinary(.postgres)
        let database = try #require(cli.database)
        _ = try psql(database, "CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (7)")
        for arguments in [["init"], ["agent", "list"]] {
            let refused = try cli.run(arguments)
            #expect(refused.status == 1 && refused.stderr.contains("is not a Rapport store (left untouched)"), "\(refused.stderr)")
        }
        #expect(try psql(database, "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'") == "invoices")
        #expect(try psql(database, "SELECT id FROM invoices") == "7")
    }

    @Test func aPasswordInTheAddressIsRefusedWithoutBeingRepeated() throws {
        let cli = RapportBinary(.postgres)
        let address = cli.store.replacingOccurrences(of: "postgres://\(Backend.server!.user)@",
                                                     with: "postgres://\(Backend.server!.user):hunter2secret@")
        #expect(address.contains("hunter2secret"))
        for arguments in [["init", "--store", address], ["agent", "list", "--store", address]] {
            let refused = try cli.run(arguments)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("PGPASSWORD") && refused.stderr.contains(".pgpass"), "\(refused.stderr)")
            #expect(!refused.stderr.contains("hunter2secret") && !refused.stdout.contains("hunter2secret"))
        }
        let viaQuery = try cli.run(["init", "--store", cli.store + "&password=hunter2secret"])
        #expect(viaQuery.status == 1 && !viaQuery.stderr.contains("hunter2secret"))
    }

    @Test func sslmodeIsHonoured() throws {
        let cli = RapportBinary(.postgres)
        let plain = cli.store.replacingOccurrences(of: "sslmode=disable", with: "")
        // The test server has no certificate: `require` must not fall back to plain text, `prefer` may.
        let required = try cli.run(["init", "--store", plain + "sslmode=require"])
        #expect(required.status == 1 && required.stderr.contains("cannot open the PostgreSQL store"), "\(required.stderr)")
        #expect(try cli.run(["init", "--store", plain + "sslmode=prefer"]).status == 0)
        let unknown = try cli.run(["init", "--store", plain + "sslmode=sometimes"])
        #expect(unknown.status == 1 && unknown.stderr.contains("sslmode must be one of disable, prefer, require"))
    }
}
