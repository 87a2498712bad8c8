import Foundation
import TOMLKit

extension RapportConfig {
    /// The keys the config file may contain, by table; anything else is reported as a likely typo.
    static let knownKeys: [String: Set<String>] = [
        "policy": ["max_words"],
        "workflows": ["quiet_days", "headsup_lead_days"],
        "mail": ["sendmail", "sent_maildir", "maildir"],
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

        let reader = Reader(table: table, file: file)
        if let words = try reader.int("policy", "max_words", atLeast: 1) { config.policy.maxWords = words }
        if let days = try reader.int("workflows", "quiet_days", atLeast: 1) { config.quietDays = days }
        if let days = try reader.int("workflows", "headsup_lead_days", atLeast: 0) { config.headsUpLeadDays = days }
        if let command = try reader.command("mail", "sendmail") { config.sendmailCommand = command }
        if let path = try reader.string("mail", "sent_maildir") { config.sentMaildir = paths.expandingTilde(path) }
        if let path = try reader.string("mail", "maildir") { config.inboxMaildir = paths.expandingTilde(path) }
        return config
    }

    /// Typed access to `[section] key` with messages that say what was expected.
    struct Reader {
        let table: TOMLTable
        let file: String

        func value(_ section: String, _ key: String) -> TOMLValueConvertible? {
            table[section]?.table?[key]
        }

        func int(_ section: String, _ key: String, atLeast minimum: Int) throws -> Int? {
            guard let value = value(section, key) else { return nil }
            guard let number = value.int else {
                throw ConfigError(file: file, message: "\(section).\(key) must be a whole number, not \(value.debugDescription)")
            }
            guard number >= minimum else {
                throw ConfigError(file: file, message: "\(section).\(key) must be at least \(minimum), not \(number)")
            }
            return number
        }

        func string(_ section: String, _ key: String) throws -> String? {
            guard let value = value(section, key) else { return nil }
            guard let text = value.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ConfigError(file: file, message: "\(section).\(key) must be a non-empty string")
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
                throw ConfigError(file: file, message: "\(section).\(key) must be a command: a string like \"msmtp -t\" or an array like [\"/usr/sbin/sendmail\", \"-t\", \"-oi\"]")
            }
            return parts
        }
    }
}
