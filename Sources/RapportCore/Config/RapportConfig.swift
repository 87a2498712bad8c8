import Foundation

/// The settings a team may change, read from `$XDG_CONFIG_HOME/rapport/config.toml`.
/// Every field has a default, so Rapport runs without a config file. Keys are documented in docs/config.md.
public struct RapportConfig: Sendable, Hashable {
    /// `[policy]`: the reply policy's limits (`max_words`).
    public var policy: PolicyLimits = .standard
    /// `[workflows] quiet_days`: a customer we have not written to for longer appears in their owner's Quiet list.
    public var quietDays = 90
    /// `[workflows] headsup_lead_days`: how many days before the effective date a heads-up is due.
    public var headsUpLeadDays = 7
    /// `[workflows] after_reply`: what a conversation becomes once we have answered, "pending" (on the
    /// customer: the default) or "open".
    public var afterReply = ConversationStatus.pending
    /// `[mail] sendmail`: the sendmail-compatible command, as program and arguments (run without a shell).
    public var sendmailCommand = ["/usr/sbin/sendmail", "-t", "-oi"]
    /// `[mail] sent_maildir`: where copies of sent mail are written (a Maildir); `~` is expanded.
    public var sentMaildir: String
    /// `[mail] maildirs`: the Maildirs inbound mail is read from (`rapport sync`, `rapport ingest` without
    /// a folder); `~` is expanded. The older one-folder key `maildir` is read as a list of one.
    public var maildirs: [String] = []
    /// `[mail] retry_delays`: seconds `rapport sync` waits before each automatic retry of a delivery the
    /// mail system did not take; after the last one the item stays failed until a person decides.
    public var retryDelays: [Int] = [60, 300, 1_800, 7_200]
    /// `[mail] legal_footer`: text appended to every outgoing email below a `-- ` line, when set.
    public var legalFooter: String?
    /// `[mail] attachment_limit_mb`: the most a reply's attached files may weigh together, in megabytes.
    public var attachmentLimitMB = 20

    /// The settings used when there is no config file.
    public static func defaults(environment: [String: String] = ProcessInfo.processInfo.environment) -> RapportConfig {
        RapportConfig(sentMaildir: ConfigPaths(environment: environment).dataDirectory + "/sent")
    }
}

/// Where Rapport's own files live, following the XDG base directory convention.
public struct ConfigPaths: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    var home: String { environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() }

    /// `$XDG_CONFIG_HOME/rapport`, else `~/.config/rapport`.
    public var configDirectory: String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/rapport" }
        return home + "/.config/rapport"
    }

    /// `$XDG_DATA_HOME/rapport`, else `~/.local/share/rapport`.
    public var dataDirectory: String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/rapport" }
        return home + "/.local/share/rapport"
    }

    public var configFile: String { configDirectory + "/config.toml" }

    /// The user's own templates, which override shipped ones by name.
    public var userTemplatesDirectory: String { configDirectory + "/templates" }

    /// `~/x` → `$HOME/x`.
    public func expandingTilde(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }
}

/// A config file that cannot be used; the message names the file, and the line when it is known.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
