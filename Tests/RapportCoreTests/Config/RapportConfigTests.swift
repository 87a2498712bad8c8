import Foundation
import Testing
import RapportCore

@Suite("config file")
struct RapportConfigTests {
    let env = ["HOME": "/home/sam", "XDG_DATA_HOME": "/data", "XDG_CONFIG_HOME": "/conf"]

    @Test func defaultsWhenThereIsNoFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-config-\(UUID())").path
        let config = try RapportConfig.load(environment: ["HOME": "/home/sam", "XDG_CONFIG_HOME": dir])
        #expect(config.policy.maxWords == 120)
        #expect(config.quietDays == 90)
        #expect(config.headsUpLeadDays == 7)
        #expect(config.sendmailCommand == ["/usr/sbin/sendmail", "-t", "-oi"])
        #expect(config.sentMaildir == "/home/sam/.local/share/rapport/sent")
        #expect(config.maildirs == [])
        #expect(config.retryDelays == [60, 300, 1_800, 7_200])
        #expect(config.legalFooter == nil)
    }

    @Test func fileLocationFollowsXDG() {
        #expect(ConfigPaths(environment: env).configFile == "/conf/rapport/config.toml")
        #expect(ConfigPaths(environment: ["HOME": "/home/sam"]).configFile == "/home/sam/.config/rapport/config.toml")
        #expect(ConfigPaths(environment: env).userTemplatesDirectory == "/conf/rapport/templates")
    }

    @Test func everyKeyIsRead() throws {
        let toml = #"""
        [policy]
        max_words = 90

        [workflows]
        quiet_days = 30
        headsup_lead_days = 10

        [mail]
        sendmail = "msmtp -t --account work"
        sent_maildir = "~/Maildir/.Sent"
        maildirs = ["/var/mail/acme", "~/Maildir/support"]
        retry_delays = [10, 20]
        legal_footer = """
        Acme GmbH · Hauptstraße 1, 10115 Berlin
        HRB 12345 · Geschäftsführer: A. Muster
        """
        """#
        let config = try RapportConfig.parse(toml, file: "config.toml", environment: env)
        #expect(config.policy.maxWords == 90)
        #expect(config.quietDays == 30)
        #expect(config.headsUpLeadDays == 10)
        #expect(config.sendmailCommand == ["msmtp", "-t", "--account", "work"])
        #expect(config.sentMaildir == "/home/sam/Maildir/.Sent")
        #expect(config.maildirs == ["/var/mail/acme", "/home/sam/Maildir/support"])
        #expect(config.retryDelays == [10, 20])
        #expect(config.legalFooter == "Acme GmbH · Hauptstraße 1, 10115 Berlin\nHRB 12345 · Geschäftsführer: A. Muster")
    }

    @Test func partialFileKeepsOtherDefaults() throws {
        let config = try RapportConfig.parse("[mail]\nsendmail = [\"/usr/bin/msmtp\", \"-t\"]\n", file: "c.toml", environment: env)
        #expect(config.sendmailCommand == ["/usr/bin/msmtp", "-t"])
        #expect(config.policy.maxWords == 120)
        #expect(config.sentMaildir == "/data/rapport/sent")
    }

    @Test func brokenTOMLNamesFileAndLine() {
        #expect {
            try RapportConfig.parse("[policy]\nmax_words = = 3\n", file: "/conf/rapport/config.toml", environment: env)
        } throws: { error in
            let e = error as? ConfigError
            return e?.file == "/conf/rapport/config.toml" && e?.line == 2
                && e?.description.hasPrefix("/conf/rapport/config.toml:2: not valid TOML") == true
        }
    }

    @Test("wrong values and typos are reported with the file name", arguments: [
        ("[policy]\nmax_words = \"many\"", "config.toml:2: policy.max_words must be a whole number, not \"many\""),
        ("[policy]\nmax_words = 0", "config.toml:2: policy.max_words must be from 1 to 10000, not 0"),
        ("# limits\n[workflows]\nquiet_days = 30\nheadsup_lead_days = 9223372036854775807",
         "config.toml:4: workflows.headsup_lead_days must be from 0 to 365, not 9223372036854775807"),
        ("[workflows]\nquiet_days = -1", "config.toml:2: workflows.quiet_days must be from 1 to 36500, not -1"),
        ("[workflows]\nafter_reply = \"closed\"", "config.toml:2: workflows.after_reply must be \"pending\" or \"open\", not \"closed\""),
        ("[policy]\nmax_word = 100", "config.toml: unknown key 'policy.max_word' (known: max_words)"),
        ("[polcy]\nmax_words = 100", "config.toml: unknown section or key 'polcy' (known sections: mail, policy, workflows)"),
        ("[mail]\nsendmail = []", "config.toml:2: mail.sendmail must be a command: a string like \"msmtp -t\" or an array like [\"/usr/sbin/sendmail\", \"-t\", \"-oi\"]"),
        ("[mail]\nmaildirs = \"~/Maildir\"", "config.toml:2: mail.maildirs must be a list of non-empty strings, like [\"~/Maildir\"]"),
        ("[mail]\nmaildirs = []", "config.toml:2: mail.maildirs must be a list of non-empty strings, like [\"~/Maildir\"]"),
        ("[mail]\nmaildirs = [\"a\", 3]", "config.toml:2: mail.maildirs must be a list of non-empty strings, like [\"~/Maildir\"]"),
        ("[mail]\nmaildir = \"a\"\nmaildirs = [\"b\"]", "config.toml:2: mail.maildir and mail.maildirs are both set; keep mail.maildirs"),
        ("[mail]\nretry_delays = 60", "config.toml:2: mail.retry_delays must be a list of at most 20 whole numbers of seconds, like [60, 300]"),
        ("[mail]\nretry_delays = [60, \"5m\"]", "config.toml:2: mail.retry_delays must be a list of at most 20 whole numbers of seconds, like [60, 300]"),
        ("[mail]\nretry_delays = [60, 100000]", "config.toml:2: mail.retry_delays: each must be from 0 to 86400, not 100000"),
        ("[mail]\nretry_delays = [-1]", "config.toml:2: mail.retry_delays: each must be from 0 to 86400, not -1"),
        ("[mail]\nlegal_footer = 3", "config.toml:2: mail.legal_footer must be a string (use \"\"\"…\"\"\" for several lines)"),
    ])
    func badValues(toml: String, message: String) {
        #expect(throws: ConfigError.self) { try RapportConfig.parse(toml, file: "config.toml", environment: env) }
        do {
            _ = try RapportConfig.parse(toml, file: "config.toml", environment: env)
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func afterReplyIsReadAndDefaultsToPending() throws {
        #expect(try RapportConfig.parse("", file: "c.toml", environment: env).afterReply == .pending)
        #expect(try RapportConfig.parse("[workflows]\nafter_reply = \"open\"", file: "c.toml", environment: env).afterReply == .open)
    }

    @Test func theOneFolderMaildirKeyIsAListOfOne() throws {
        let config = try RapportConfig.parse("[mail]\nmaildir = \"~/Maildir\"", file: "c.toml", environment: env)
        #expect(config.maildirs == ["/home/sam/Maildir"])
    }

    @Test func noRetriesAndABlankFooterAreAllowed() throws {
        let config = try RapportConfig.parse("[mail]\nretry_delays = []\nlegal_footer = \"  \"", file: "c.toml", environment: env)
        #expect(config.retryDelays == [])
        #expect(config.legalFooter == nil)
    }

    @Test func loadReadsTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-config-\(UUID())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("rapport"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[workflows]\nquiet_days = 45\n".write(to: dir.appendingPathComponent("rapport/config.toml"), atomically: true, encoding: .utf8)
        let config = try RapportConfig.load(environment: ["HOME": "/home/sam", "XDG_CONFIG_HOME": dir.path])
        #expect(config.quietDays == 45)
    }
}

@Suite("config template")
struct ConfigTemplateTests {
    @Test("the file rapport init --config writes parses to the defaults, and names every known key")
    func templateIsTheDefaults() throws {
        let env = ["HOME": "/home/sam", "XDG_DATA_HOME": "/data"]
        let parsed = try RapportConfig.parse(RapportConfig.commentedTemplate, file: "config.toml", environment: env)
        #expect(parsed == RapportConfig.defaults(environment: env))
        for (section, keys) in RapportConfig.knownKeys {
            #expect(RapportConfig.commentedTemplate.contains("[\(section)]"))
            for key in keys where key != "maildir" {
                #expect(RapportConfig.commentedTemplate.contains("\(key) ="), "\(section).\(key) is not in the template")
            }
        }
    }

    @Test("its commented examples are valid when uncommented")
    func examplesParse() throws {
        let uncommented = RapportConfig.commentedTemplate.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            for key in ["# maildirs =", "# sent_maildir =", "# legal_footer =", "# Example Ltd", "# Registered", "# \"\"\""]
            where line.hasPrefix(key) { return String(line.dropFirst(2)) }
            return String(line)
        }.joined(separator: "\n")
        let config = try RapportConfig.parse(uncommented, file: "config.toml", environment: ["HOME": "/home/sam"])
        #expect(config.maildirs == ["/home/sam/Maildir/support"])
        #expect(config.legalFooter == "Example Ltd · 1 High Street, Bristol BS1 1AA\nRegistered in England and Wales No. 01234567")
    }
}
