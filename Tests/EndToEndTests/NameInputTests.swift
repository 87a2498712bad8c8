import Foundation
import Testing

/// A name is one line: a CR or LF typed or imported into one would end a header line in every message
/// we send that person. Refused at every entry point, and nothing is written.
@Suite struct NameInputTests {
    @Test func namesWithLineBreaksAreRefusedEverywhere() throws {
        let cli = try RapportBinary.withTeam()
        let agent = try cli.run(["agent", "add", "--login", "eve", "--first", "Eve\r\nBcc: all@example.com", "--last", "M",
                                 "--email", "eve@example.com"])
        #expect(agent.status == 1)
        #expect(agent.stderr.contains("first name contains a line break"), "\(agent.stderr)")
        let customer = try cli.run(["customer", "add", "--first", "Dana", "--last", "W\nX", "--email", "dana@x.org"])
        #expect(customer.status == 1)
        #expect(customer.stderr.contains("last name contains a line break"), "\(customer.stderr)")

        let csv = (cli.store as NSString).deletingLastPathComponent + "/book.csv"
        try "first_name,last_name,email,owner,existing\n\"Lee\u{85}\",Park,lee@x.org,,no\nAda,Obi,ada@x.org,,no\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try cli.run(["customer", "import", csv, "--agent", "sam"])
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("line 2") && imported.stderr.contains("first_name contains"), "\(imported.stderr)")

        let list = try #require(try cli.run(["customer", "list", "--json"]).json as? [Any])
        #expect(list.isEmpty, "nothing was written")
        #expect((try #require(try cli.run(["agent", "list", "--json"]).json as? [Any])).count == 2)
    }
}
