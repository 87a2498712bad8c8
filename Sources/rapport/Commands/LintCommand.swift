import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport lint`: checks a draft reply with the same policy as the composer.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a draft reply against the reply policy, exactly as the composer does.",
        discussion: """
        Exit status: 0 when nothing blocks sending (warnings may remain), 1 when something does, \
        2 for bad usage, an unknown customer or agent, or a broken config file. \
        The signing agent is --agent (or $RAPPORT_AGENT); without either, the customer's owner, \
        since only the owner may reply; else $USER. When that agent covers for the customer's owner \
        (rapport away), the cover rule applies too: a reply to an existing customer says whose customer \
        they are and when that person is back.
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Any of the customer's addresses.") var customer: String
    @Flag(help: "Print {\"ok\", \"existing\", \"violations\": [{\"rule\", \"line\", \"severity\", \"message\"}]}.") var json = false
    @Argument(help: "The draft file, or - for standard input.") var file: String

    func run() throws {
        let text = try readDraft()
        let config: RapportConfig
        do { config = try RapportConfig.load() } catch let error as ConfigError { throw usage("\(error)") }

        let store = try global.openStore()
        guard let customer = try? Customers(store: store).find(email: customer) else {
            throw usage("unknown customer '\(self.customer)'")
        }
        let agent = try signingAgent(store, owner: customer.owner)

        let covers = Cover(store: store)
        let cover = try covers.covering(owner: customer.owner, agent: agent.login).map { try covers.note($0) }
        let violations = ReplyPolicy.check(text, customer: customer, agent: agent, isExisting: customer.isExisting,
                                           limits: config.policy, cover: cover)
        if json {
            printJSON(LintJSON(ok: !violations.blocksSending, existing: customer.isExisting,
                               violations: violations.map(LintJSON.Item.init)))
        } else {
            let name = file == "-" ? "<stdin>" : file
            for v in violations {
                say("\(name):\(v.line): \(v.severity.rawValue) [\(v.rule.rawValue)] \(v.message)")
            }
            if violations.isEmpty { say("\(name): ok") }
        }
        if violations.blocksSending { throw ExitCode(1) }
    }

    /// Exit status 2 with a plain message (no usage text: the usage was fine, the input was not).
    func usage(_ message: String) -> ExitCode {
        complain("rapport lint: \(message)")
        return ExitCode(2)
    }

    func readDraft() throws -> String {
        if file == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw usage("cannot read draft file '\(file)'")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The agent the draft is signed by: explicit --agent/$RAPPORT_AGENT, else the owner, else $USER.
    func signingAgent(_ store: some WorkflowStore, owner: String?) throws -> Agent {
        let agents = Agents(store: store)
        let explicit = [global.agent, global.environment["RAPPORT_AGENT"]].compactMap { $0 }.first { !$0.isEmpty }
        let candidates = explicit.map { [$0] } ?? [owner, global.environment["USER"]].compactMap { $0 }
        for login in candidates {
            if let agent = try agents.find(login: login) { return agent }
        }
        let known = try agents.list().map(\.login)
        let asked = candidates.first ?? "(none)"
        throw usage("unknown agent '\(asked)'; known agents: \(known.isEmpty ? "none" : known.joined(separator: ", ")) (use --agent)")
    }
}

/// The documented JSON of `rapport lint --json`.
struct LintJSON: Encodable {
    struct Item: Encodable {
        let rule: String
        let line: Int
        let severity, message: String
        init(_ v: Violation) { rule = v.rule.rawValue; line = v.line; severity = v.severity.rawValue; message = v.message }
    }
    let ok: Bool
    let existing: Bool
    let violations: [Item]
}
