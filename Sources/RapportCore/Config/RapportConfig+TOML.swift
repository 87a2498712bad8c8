import Foundation
import TOMLKit

extension RapportConfig {
    /// The keys the config file may contain, by table; anything else is reported as a likely typo.
    public static let knownKeys: [String: Set<String>] = [
        "policy": ["max_words"],
        "workflows": ["quiet_days", "headsup_lead_days", "after_reply"],
        "mail": ["sendmail", "sent_maildir", "maildirs", "maildir", "retry_delays", "legal_footer", "attachment_limit_mb"],
    ]

    /// Reads the config file (`$XDG_CONFIG_HOME/rapport/config.toml`, else `~/.config/rapport/config.toml`);
    /// defaults when there is none. A file that exists but cannot be used throws `ConfigError`.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RapportConfig {
        let paths = ConfigPaths(environment: environment)
        let file = paths.configFile
        guard FileManager.default.fileExists(atPath: file) else { return defaults(environment: environment) }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: file, message: "cannot be read as UTF-8 text")
        }
        return try parse(text, file: file, environment: environment)
    }

    /// Parses config text; `file` is only used in error messages. Missing keys keep their defaults.
    public static func parse(_ text: String, file: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RapportConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
        }
        let paths = ConfigPaths(environment: environment)
        var config = defaults(environment: environment)

        for key in table.keys {
            guard let allowed = knownKeys[key] else {
                throw ConfigError(file: file, message: "unknown section or key '\(key)' (known sections: \(knownKeys.keys.sorted().joined(separator: ", ")))")
            }
            guard let section = table[key]?.table else {
                throw ConfigError(file: file, message: "'\(key)' must be a section ([\(key)])")
            }
            for inner in section.keys where !allowed.contains(inner) {
                throw ConfigError(file: file, message: "unknown key '\(key).\(inner)' (known: \(allowed.sorted().joined(separator: ", ")))")
            }
        }

        let reader = Reader(table: table, file: file, text: text)
        if let words = try reader.int("policy", "max_words", in: ranges.maxWords) { config.policy.maxWords = words }
        if let days = try reader.int("workflows", "quiet_days", in: ranges.quietDays) { config.quietDays = days }
        if let days = try reader.int("workflows", "headsup_lead_days", in: ranges.headsUpLeadDays) { config.headsUpLeadDays = days }
        if let status = try reader.string("workflows", "after_reply") {
            guard let chosen = ConversationStatus(rawValue: status), chosen != .closed else {
                throw reader.error("workflows", "after_reply", "workflows.after_reply must be \"pending\" or \"open\", not \"\(status)\"")
            }
            config.afterReply = chosen
        }
        if let command = try reader.command("mail", "sendmail") { config.sendmailCommand = command }
        if let path = try reader.string("mail", "sent_maildir") { config.sentMaildir = paths.expandingTilde(path) }
        if let list = try reader.strings("mail", "maildirs") {
            if reader.value("mail", "maildir") != nil {
                throw reader.error("mail", "maildir", "mail.maildir and mail.maildirs are both set; keep mail.maildirs")
            }
            config.maildirs = list.map(paths.expandingTilde)
        } else if let path = try reader.string("mail", "maildir") {
            config.maildirs = [paths.expandingTilde(path)]
        }
        if let delays = try reader.ints("mail", "retry_delays", in: ranges.retryDelay, count: ranges.retries) {
            config.retryDelays = delays
        }
        if let footer = try reader.text("mail", "legal_footer") {
            config.legalFooter = footer
        }
        if let limit = try reader.int("mail", "attachment_limit_mb", in: ranges.attachmentLimitMB) { config.attachmentLimitMB = limit }
        return config
    }

    /// The range of every numeric key (docs/config.md lists them). Bounded above too: a value such as
    /// `headsup_lead_days = 9223372036854775807` would otherwise become a date no calendar can show.
    /// `retry_delays` holds at most `retries` entries, each from 0 seconds to a day.
    public static let ranges = (maxWords: 1...10_000, quietDays: 1...36_500, headsUpLeadDays: 0...365,
                                retryDelay: 0...86_400, retries: 0...20, attachmentLimitMB: 1...100)

    /// Typed access to `[section] key` with messages that say what was expected, and where.
    struct Reader {
        let table: TOMLTable
        let file: String
        let text: String

        func value(_ section: String, _ key: String) -> TOMLValueConvertible? {
            table[section]?.table?[key]
        }

        func int(_ section: String, _ key: String, in range: ClosedRange<Int>) throws -> Int? {
            guard let value = value(section, key) else { return nil }
            guard let number = value.int else {
                throw error(section, key, "\(section).\(key) must be a whole number, not \(value.debugDescription)")
            }
            guard range.contains(number) else {
                throw error(section, key, "\(section).\(key) must be from \(range.lowerBound) to \(range.upperBound), not \(number)")
            }
            return number
        }

        func error(_ section: String, _ key: String, _ message: String) -> ConfigError {
            ConfigError(file: file, line: Self.line(of: key, in: section, text: text), message: message)
        }

        /// The line of `key = …` inside `[section]` (1-based); TOMLKit keeps no positions for values.
        static func line(of key: String, in section: String, text: String) -> Int? {
            var current = ""
            for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("[") {
                    current = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                } else if current == section, line.hasPrefix(key),
                          line.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=") {
                    return index + 1
                }
            }
            return nil
        }

        /// An array of non-empty strings (at least one).
        func strings(_ section: String, _ key: String) throws -> [String]? {
            guard let value = value(section, key) else { return nil }
            guard let array = value.array, !array.isEmpty,
                  case let strings = array.compactMap({ $0.string }), strings.count == array.count,
                  strings.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw error(section, key, "\(section).\(key) must be a list of non-empty strings, like [\"~/Maildir\"]")
            }
            return strings
        }

        /// An array of whole numbers, each in `range`, with a number of entries in `count`.
        func ints(_ section: String, _ key: String, in range: ClosedRange<Int>, count: ClosedRange<Int>) throws -> [Int]? {
            guard let value = value(section, key) else { return nil }
            let shape = "\(section).\(key) must be a list of at most \(count.upperBound) whole numbers of seconds, like [60, 300]"
            guard let array = value.array else { throw error(section, key, shape) }
            let numbers = array.compactMap { $0.int }
            guard numbers.count == array.count, count.contains(numbers.count) else { throw error(section, key, shape) }
            if let wrong = numbers.first(where: { !range.contains($0) }) {
                throw error(section, key, "\(section).\(key): each must be from \(range.lowerBound) to \(range.upperBound), not \(wrong)")
            }
            return numbers
        }

        /// A string kept as it is (it may hold several lines); an empty one counts as not set.
        func text(_ section: String, _ key: String) throws -> String? {
            guard let value = value(section, key) else { return nil }
            guard let text = value.string else {
                throw error(section, key, "\(section).\(key) must be a string (use \"\"\"…\"\"\" for several lines)")
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }

        func string(_ section: String, _ key: String) throws -> String? {
            guard let value = value(section, key) else { return nil }
            guard let text = value.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw error(section, key, "\(section).\(key) must be a non-empty string")
            }
            return text
        }

        /// A command as an array of strings, or as one string split on spaces (no shell quoting).
        func command(_ section: String, _ key: String) throws -> [String]? {
            guard let value = value(section, key) else { return nil }
            var parts: [String]?
            if let text = value.string {
                parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            } else if let array = value.array {
                let strings = array.compactMap { $0.string }
                parts = strings.count == array.count ? strings : nil
            }
            guard let parts, !parts.isEmpty else {
                throw error(section, key, "\(section).\(key) must be a command: a string like \"msmtp -t\" or an array like [\"/usr/sbin/sendmail\", \"-t\", \"-oi\"]")
            }
            return parts
        }
    }
}
