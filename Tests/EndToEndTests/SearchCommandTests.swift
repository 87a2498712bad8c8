import Foundation
import Testing

/// `rapport search`: the inbox's search for scripts, through the real binary and a real Maildir.
@Suite("rapport search")
struct SearchCommandTests {
    /// Three messages from two customers ingested from a Maildir; Dana's conversation owned by sam.
    func store(_ backend: Backend = .sqlite) throws -> RapportBinary {
        let cli = try RapportBinary.withTeam(backend)
        let maildir = try cli.makeMaildir("Maildir")
        let mails = [
            ("dana@example.org", "Dana Whitfield", "Parcel", "a@x", "The kettle arrived dented."),
            ("lee@example.org", "Lee Park", "Invoice", "b@x", "Please resend the kettle invoice."),
            ("lee@example.org", "Lee Park", "Refund", "c@x", "Still waiting for my refund."),
        ]
        for (index, (address, name, subject, id, text)) in mails.enumerated() {
            let message = """
                From: \(name) <\(address)>
                To: sam@example.com
                Subject: \(subject)
                Date: Mon, 6 Nov 2023 1\(index):00:00 +0000
                Message-ID: <\(id)>

                \(text)

                """
            try Data(message.utf8).write(to: URL(fileURLWithPath: "\(maildir)/new/\(index).test"))
        }
        let ingested = try cli.run(["ingest", maildir])
        #expect(ingested.status == 0, "\(ingested.stderr)")
        #expect(try cli.run(["assign", "dana@example.org", "sam", "--agent", "sam"]).status == 0)
        return cli
    }

    func subjects(_ cli: RapportBinary, _ arguments: [String]) throws -> [String] {
        let result = try cli.run(["search", "--agent", "sam", "--json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(result.json as? [[String: Any]], "\(result.stdout)")
        return rows.compactMap { $0["subject"] as? String }
    }

    @Test("every word must match, the last as a prefix; owner and status filter; newest first",
          arguments: Backend.available)
    func findsAndFilters(_ backend: Backend) throws {
        let cli = try store(backend)
        #expect(try subjects(cli, ["kettle"]) == ["Invoice", "Parcel"])
        #expect(try subjects(cli, ["kettle", "inv"]) == ["Invoice"])
        #expect(try subjects(cli, ["KETT"]) == ["Invoice", "Parcel"])
        #expect(try subjects(cli, ["kettle", "--owner", "sam"]) == ["Parcel"])
        #expect(try subjects(cli, ["kettle", "--status", "closed"]) == [])
        #expect(try subjects(cli, ["kettle", "--limit", "1"]) == ["Invoice"])
        let lines = try cli.run(["search", "--agent", "sam", "refund"])
        #expect(lines.status == 0 && lines.stdout.contains("\topen\t—\tLee Park\tRefund"), "\(lines.stdout)")
    }

    @Test("an unknown owner is refused with the known agents; no words is bad usage")
    func refusals() throws {
        let cli = try store()
        let unknown = try cli.run(["search", "--agent", "sam", "--owner", "nobody", "kettle"])
        #expect(unknown.status == 1 && unknown.stderr.contains("nobody"), "\(unknown.stderr)")
        #expect(try cli.run(["search", "--agent", "sam"]).status == 2)
        #expect(try cli.run(["search", "--agent", "sam", "--status", "snoozing", "kettle"]).status == 2)
    }
}
