import Foundation
import RapportCore
import Testing

/// Text from customers never reaches the user's terminal unsanitised, from the CLI either.
@Suite struct HostileTextTests {
    @Test func escapeSequencesInANameArePrintedAsPictures() throws {
        let cli = try RapportBinary.withTeam()
        let maildir = try cli.makeMaildir("hostile")
        // An OSC title-setting sequence and a bidi override, hidden in an RFC 2047 display name and subject.
        let message = """
            From: =?UTF-8?Q?Eve=1B]0;pwned=07_Mallory?= <eve@x.org>
            To: sam@example.com
            Subject: =?UTF-8?Q?Invoice_=E2=80=AEfdp.exe?=
            Message-ID: <hostile-1@x.org>
            Date: Sun, 22 Nov 2026 10:00:00 +0000

            Hello\u{1B}[2J there

            """
        try message.write(toFile: maildir + "/new/1.eml", atomically: true, encoding: .utf8)
        #expect(try cli.run(["ingest", maildir]).status == 0)
        for args in [["customer", "list"], ["conversations", "--agent", "sam"]] {
            let out = try cli.run(args).stdout
            #expect(!out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(args)")
            #expect(out.contains("Eve␛]0") && out.contains("pwned␇"), "\(args): \(out)")
        }
        // JSON keeps the stored text exactly (escaped by the encoder), for scripts.
        let json = try #require(try cli.run(["customer", "list", "--json"]).json as? [[String: Any]])
        #expect(json.contains { ($0["first_name"] as? String)?.contains("\u{1B}") == true })
    }

    @Test func rapportReplyAppliesTheReplyPolicyLikeTheComposer() throws {
        let cli = RapportBinary()
        #expect(try cli.run(["demo", "--seed-only", "--store", cli.store]).status == 0)
        let rows = try #require(try cli.run(["conversations", "--mine", "--agent", "sam", "--json"]).json as? [[String: Any]])
        let dana = try #require(rows.first { $0["customer_name"] as? String == "Dana Whitfield" })
        let id = try #require(dana["id"] as? Int)
        let formal = "Dear Mrs. Whitfield,\n\nWe have received your request.\n\nBest regards,\nSam Ortiz\nAccount Manager\n"
        let refused = try cli.run(["reply", String(id), "--agent", "sam", "--text", formal])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("[greeting]") && refused.stderr.contains("not queued"))
        let personal = "Hi Dana,\n\nYes, the bike in the shed is covered.\n\nSam\n"
        #expect(try cli.run(["reply", String(id), "--agent", "sam", "--text", personal]).status == 0)
    }

    /// A 100 MB Subject took 17.6 s and 1.19 GB to ingest and grew the store by 640 MB. Header
    /// fields are cut to 64 KiB as the file is read and the Subject to 1,000 characters, marked "…".
    @Test func aHundredMegabyteSubjectIngestsInBoundedMemory() throws {
        let cli = try RapportBinary.withTeam()
        let maildir = try cli.makeMaildir("huge")
        let path = maildir + "/new/1.eml"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.write(Data("From: Ann Lee <ann@lee.example>\nTo: sam@example.com\nSubject: ".utf8))
        let block = Data(String(repeating: "spam ", count: 200_000).utf8)   // 1 MB
        for _ in 0..<100 { handle.write(block) }
        handle.write(Data("\nMessage-ID: <huge-1@lee.example>\nDate: Sun, 22 Nov 2026 10:00:00 +0000\n\nHello Sam\n".utf8))
        try handle.close()
        let sizeBefore = try storeBytes(cli)

        let ingested = try cli.run(["ingest", maildir])
        #expect(ingested.status == 0, "\(ingested.stderr)")
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)   // the largest child so far, in KiB: the ingest above
        #expect(usage.ru_maxrss < 200 * 1024, "peak \(usage.ru_maxrss / 1024) MB")
        #expect(try storeBytes(cli) - sizeBefore < 8 << 20)

        let rows = try #require(try cli.run(["conversations", "--agent", "sam", "--json"]).json as? [[String: Any]])
        let subject = try #require(rows.first?["subject"] as? String)
        #expect(subject.count == 1_001 && subject.hasPrefix("spam spam") && subject.hasSuffix("…"))
        #expect(rows.first?["customer_name"] as? String == "Ann Lee")
        // The headers after the cut one are still read: the message threads and dedups by its Message-ID.
        #expect(try cli.run(["ingest", maildir]).status == 0)
        #expect(try cli.run(["conversations", "--agent", "sam", "--json"]).json.map { ($0 as? [Any])?.count } == 1)
    }

    func storeBytes(_ cli: RapportBinary) throws -> Int {
        ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: cli.store + suffix))?[.size] as? Int ?? 0)
        }
    }
}

/// Emoji the terminal cannot place in one cell — a ZWJ family, a ZWJ rainbow flag, a country flag —
/// never shift the grid: the sidebar's separator stays in its column and nothing is left behind.
@Suite(.enabled(if: TmuxScreen.isAvailable, "needs tmux"), .serialized)
struct EmojiGridTests {
    @Test func zwjSequencesAndFlagsKeepTheSeparatorInItsColumn() throws {
        let cli = RapportBinary()
        #expect(try cli.run(["demo", "--seed-only", "--store", cli.store]).status == 0)
        let maildir = (cli.store as NSString).deletingLastPathComponent + "/family"
        for sub in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true)
        }
        try """
            From: Dana Whitfield <dana@whitfieldbakery.example>
            To: sam@example.com
            Subject: Family photo
            Message-ID: <family-1@x.org>
            Date: \(DateFormatter.utc("EEE, dd MMM yyyy HH:mm:ss Z", locale: "en_US_POSIX").string(from: Date()))
            Content-Type: text/plain; charset=utf-8

            Here we are \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466} all of us \u{1F3F3}\u{FE0F}\u{200D}\u{1F308} and flags \u{1F1E9}\u{1F1EA} end

            """.write(toFile: maildir + "/new/1.eml", atomically: true, encoding: .utf8)
        // Dated now, so it is the newest row of Mine whatever the hour (the demo's dates follow the clock).
        #expect(try cli.run(["ingest", maildir]).status == 0)

        let screen = try TmuxScreen(cli, ["inbox", "--agent", "sam"], width: 100, height: 16)
        try screen.waitFor("Family photo")
        try screen.send("Enter")
        let thread = try screen.waitFor("the thread with its sidebar") { lines in
            lines.contains { $0.contains("Here we are") } && lines.filter { $0.contains("│") }.count >= 10
        }
        // The separator's column, counting the family emoji as the two columns it takes.
        func column(_ line: String) -> Int? {
            var x = 0
            for character in line {
                if character == "│" { return x }
                x += character == "\u{1F468}" ? 2 : 1
            }
            return nil
        }
        let columns = thread.dropFirst().dropLast(2).compactMap(column)
        #expect(columns.count >= 10 && Set(columns).count == 1, "\(columns)\n\(thread.joined(separator: "\n"))")
        let text = try #require(thread.first { $0.contains("Here we are") })
        #expect(text.contains("Here we are \u{1F468} all of us \u{FFFD}  and flags DE end"), "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value == 0x200D || (0x1F1E6...0x1F1FF).contains($0.value) })

        try screen.send("q")
        let list = try screen.waitFor("· Mine ·")
        #expect(!list.joined().unicodeScalars.contains { $0.value == 0x200D || $0.value >= 0x1F300 }, "\(list.joined(separator: "\n"))")
    }
}
