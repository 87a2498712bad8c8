import ArgumentParser
import Foundation

/// `rapport-bench`: the pieces of `scripts/bench` that need Swift: a synthetic Maildir,
/// a store fixture, and in-process timings. Prints `key=value` lines the script collects.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport-bench",
        abstract: "Benchmark helpers for Rapport (see scripts/bench).",
        subcommands: [GenerateCommand.self, AgentsCommand.self, QueriesCommand.self, FixtureCommand.self,
                      SearchCommand.self, InboxCommand.self, IndexStatsCommand.self, CeilingsCommand.self, SchemaCommand.self])
}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Write a deterministic synthetic Maildir.")
    @Option(help: "Number of messages.") var messages = 100_000
    @Option(help: "Number of customers (default: 20,000, or a fifth of the messages when fewer).") var customers: Int?
    @Option(help: "Seed: the same seed and counts always give the same files.") var seed: UInt64 = 7
    @Option(help: "What the mail looks like: heavy (long bodies, the first benchmark's) or support (short text, quotes, HTML alternatives, delivery headers).")
    var shape: SyntheticMaildir.Shape = .heavy
    @Option(help: "Threads writing files.") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "The Maildir to create (must not exist yet).") var out: String

    func validate() throws {
        if messages < 1 { throw ValidationError("--messages must be at least 1") }
        if FileManager.default.fileExists(atPath: out) { throw ValidationError("\(out) already exists") }
    }

    func run() throws {
        let start = Date()
        let customerCount = customers ?? min(20_000, max(1, messages / 5))
        let plan = MaildirPlan(messageCount: messages, customerCount: customerCount, seed: seed)
        let planned = Date()
        let total = messages
        let summary = try SyntheticMaildir(plan: plan, root: out, shape: shape).write(jobs: max(1, jobs)) { done in
            if isatty(STDERR_FILENO) == 1 {
                FileHandle.standardError.write(Data("\rgenerating \(done)/\(total)".utf8))
            }
        }
        if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\n".utf8)) }
        let sizes = summary.sizes.sorted()
        let seconds = Date().timeIntervalSince(start)
        print("generate_shape=\(shape.rawValue)")
        print("generate_messages=\(summary.files)")
        print("generate_threads=\(plan.threads.count)")
        print("generate_customers=\(plan.customers.count)")
        print("generate_from_agents=\(summary.fromAgents)")
        print("generate_multipart=\(summary.multipart)")
        print("generate_attachments=\(summary.attachments)")
        print("generate_bytes=\(summary.bytes)")
        print("generate_size_median=\(sizes[sizes.count / 2])")
        print("generate_size_p99=\(sizes[min(sizes.count - 1, sizes.count * 99 / 100)])")
        print("generate_size_max=\(sizes.last ?? 0)")
        print("generate_plan_seconds=\(format(planned.timeIntervalSince(start)))")
        print("generate_seconds=\(format(seconds))")
    }
}

struct AgentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents", abstract: "The generated Maildir's agents: login, first, last, email (tab-separated).")

    func run() {
        for agent in MaildirPlan.agents { print("\(agent.login)\t\(agent.first)\t\(agent.last)\t\(agent.email)") }
    }
}

struct QueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries", abstract: "The twenty fixed search queries, one a line.")

    func run() {
        for query in Vocabulary.searchQueries { print(query) }
    }
}

func format(_ value: Double, digits: Int = 3) -> String {
    String(format: "%.\(digits)f", value)
}

extension SyntheticMaildir.Shape: ExpressibleByArgument {}
