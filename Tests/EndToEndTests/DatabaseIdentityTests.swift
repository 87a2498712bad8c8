import Foundation
import Testing

/// On PostgreSQL the database vouches for who is acting: the connected role is the agent of the same
/// login, `--agent` cannot make it someone else, an administrator role may; the database's triggers
/// refuse the same things when the client is bypassed. Roles are the test server's (cluster-wide), made
/// idempotently so tests running beside each other share them.
@Suite(.enabled(if: Backend.server != nil, "needs RAPPORT_TEST_POSTGRES"))
struct DatabaseIdentityTests {
    /// Runs SQL with psql on the test's database, as `user` (the server's superuser by default).
    @discardableResult
    func psql(_ cli: RapportBinary, as user: String? = nil, _ sql: String) throws -> RapportBinary.Result {
        try #require(cli.database).psql(sql, as: user)
    }

    /// Login roles in the agents' group (made by `rapport init` as the superuser), made once per server.
    func makeRoles(_ cli: RapportBinary, _ names: [String]) throws {
        for name in names {
            let made = try psql(cli, """
                DO $$ BEGIN
                    CREATE ROLE \(name) LOGIN IN ROLE rapport_agent;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END $$
                """)
            #expect(made.status == 0, "\(made.stderr)")
        }
    }

    /// The test's database, connected to as `role`.
    func store(_ cli: RapportBinary, as role: String) throws -> String {
        let database = try #require(cli.database)
        return "postgres://\(role)@\(database.server.host):\(database.server.port)/\(database.name)?sslmode=disable"
    }

    @Test func anAgentsRoleActsAsItselfAndOnlyAnAdministratorActsAsAnother() throws {
        let cli = try RapportBinary.withTeam(.postgres)
        try makeRoles(cli, ["sam", "priya"])
        let sam = try store(cli, as: "sam")
        #expect(try cli.run(["customer", "add", "--first", "Ann", "--email", "ann@example.org"]).status == 0)
        #expect(try cli.run(["customer", "add", "--first", "Bob", "--email", "bob@example.org"]).status == 0)

        // As sam, --agent priya (or RAPPORT_AGENT=priya) is refused; nothing is written.
        for (arguments, extra) in [(["assign", "ann@example.org", "priya", "--agent", "priya"], [String: String]()),
                                   (["assign", "ann@example.org", "priya"], ["RAPPORT_AGENT": "priya"])] {
            let refused = try cli.run(arguments + ["--store", sam], environment: extra)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("connected to the database as sam: only an administrator role may act as priya"),
                    "\(refused.stderr)")
        }
        #expect((try cli.run(["log", "ann@example.org", "--json"]).json as? [[String: Any]])?.isEmpty == true)

        // Without --agent (and whatever $USER says), sam acts as sam; --agent sam is sam too.
        let took = try cli.run(["assign", "ann@example.org", "sam", "--store", sam], environment: ["USER": "priya"])
        #expect(took.status == 0, "\(took.stderr)")
        let handed = try cli.run(["assign", "bob@example.org", "priya", "--agent", "sam", "--store", sam])
        #expect(handed.status == 0, "\(handed.stderr)")
        for email in ["ann@example.org", "bob@example.org"] {
            let log = try #require(try cli.run(["log", email, "--json"]).json as? [[String: Any]])
            #expect(log.map { $0["by"] as? String } == ["sam"], "\(email): \(log)")
        }

        // The superuser (an administrator) may act as priya, and the log says priya.
        let admin = try cli.run(["assign", "ann@example.org", "priya", "--note", "she asked", "--agent", "priya"])
        #expect(admin.status == 0, "\(admin.stderr)")
        let log = try #require(try cli.run(["log", "ann@example.org", "--json"]).json as? [[String: Any]])
        #expect(log.map { $0["by"] as? String } == ["sam", "priya"])
    }

    @Test func theDatabaseRefusesAnAgentsRoleWritingAsAnother() throws {
        let cli = try RapportBinary.withTeam(.postgres)
        try makeRoles(cli, ["sam", "priya"])
        #expect(try cli.run(["customer", "add", "--first", "Ann", "--email", "ann@example.org"]).status == 0)
        let id = try psql(cli, "SELECT id FROM customer WHERE first_name = 'Ann'").stdout

        let forged = try psql(cli, as: "sam", """
            INSERT INTO assignment (customer_id, from_owner, to_owner, by_agent, note, at) VALUES (\(id), NULL, 'priya', 'priya', NULL, 0)
            """)
        #expect(forged.status != 0)
        #expect(forged.stderr.contains("connected to the database as sam: only an administrator role may act as priya"),
                "\(forged.stderr)")
        let own = try psql(cli, as: "sam", """
            INSERT INTO assignment (customer_id, from_owner, to_owner, by_agent, note, at) VALUES (\(id), NULL, 'sam', 'sam', NULL, 0)
            """)
        #expect(own.status == 0, "\(own.stderr)")
        let rewritten = try psql(cli, as: "sam", "UPDATE assignment SET by_agent = 'priya' WHERE customer_id = \(id)")
        #expect(rewritten.status != 0, "an entry cannot be re-signed either")

        // A message under another agent's name is refused; the superuser (administrator) may.
        let conversation = try psql(cli, """
            INSERT INTO conversation (customer_id, subject, normalized_subject, status, created, last_activity)
            VALUES (\(id), 'Hi', 'hi', 'open', 0, 0) RETURNING id
            """)
        #expect(conversation.status == 0, "\(conversation.stderr)")
        let message = { (author: String) in """
            INSERT INTO message (conversation_id, direction, author, from_address, subject, text, date)
            VALUES (\(conversation.stdout), 'note', '\(author)', 'x@example.com', 'Hi', 'a note', 0)
            """ }
        #expect(try psql(cli, as: "sam", message("priya")).status != 0)
        #expect(try psql(cli, as: "sam", message("sam")).status == 0)
        #expect(try psql(cli, message("priya")).status == 0)
        #expect(try psql(cli, "SELECT count(*) FROM assignment").stdout == "1")
    }

    @Test func aMailHostsRoleIngestsButCannotActAsAnAgent() throws {
        let cli = try RapportBinary.withTeam(.postgres)
        let host = "rapport_mailhost"
        try makeRoles(cli, [host])
        let store = try store(cli, as: host)
        let maildir = try cli.makeMaildir("Maildir")
        let mail = """
            From: Ann Lee <ann.lee@lee.example>\r
            To: sam@example.com\r
            Subject: Invoice\r
            Message-ID: <one@lee.example>\r
            Date: Tue, 1 Dec 2026 09:00:00 +0000\r
            \r
            Hello, my invoice is wrong.\r

            """
        try mail.write(toFile: maildir + "/new/one", atomically: true, encoding: .utf8)
        let ingested = try cli.run(["ingest", maildir, "--store", store])
        #expect(ingested.status == 0, "\(ingested.stderr)")
        #expect(try psql(cli, "SELECT count(*) FROM message").stdout == "1")

        let acting = try cli.run(["assign", "ann.lee@lee.example", "sam", "--store", store])
        #expect(acting.status == 1)
        #expect(acting.stderr.contains("connected to the database as \(host), which is no agent's login"), "\(acting.stderr)")
        let asSam = try cli.run(["assign", "ann.lee@lee.example", "sam", "--agent", "sam", "--store", store])
        #expect(asSam.stderr.contains("connected to the database as \(host): only an administrator role may act as sam"),
                "\(asSam.stderr)")
        let id = try psql(cli, "SELECT id FROM customer").stdout
        let forged = try psql(cli, as: host, """
            INSERT INTO assignment (customer_id, from_owner, to_owner, by_agent, note, at) VALUES (\(id), NULL, 'sam', 'sam', NULL, 0)
            """)
        #expect(forged.status != 0)
    }
}
