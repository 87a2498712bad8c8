import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportMail

/// `rapport ingest [MAILDIR...] [--json]`: reads new mail into the store (by default from the config's Maildirs).
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read Maildirs (new/ and cur/) into the store; files seen before are skipped.",
        discussion: """
            Files are never moved or changed. A file that cannot be read is listed with its reason and the run goes on. \
            With no folder named, reads the config's [mail] maildirs. `rapport sync` does this by itself as mail arrives.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Maildir folders, each with cur/ and new/ (default: the config's [mail] maildirs).") var maildirs: [String] = []
    @Option(help: "Messages per transaction (fewer when their files pass 32 MB).") var batch: Int = 1_000
    @Flag(help: "Print {\"ingested\", \"duplicates\", \"failed\": [{\"file\", \"error\"}]} as JSON.") var json = false
    @Flag(help: "Write a line to stderr after each committed batch.") var verbose = false

    func validate() throws {
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
        let folders = try folders()
        if folders.isEmpty {
            throw ValidationError("name at least one Maildir, or set [mail] maildirs in \(ConfigPaths(environment: global.environment).configFile)")
        }
        for root in folders where !Maildir(root: root).isMaildir {
            throw ValidationError("\(root) is not a Maildir (it needs cur/ and new/ folders)")
        }
    }

    /// The folders named, else the config's `[mail] maildirs`.
    func folders() throws -> [String] {
        maildirs.isEmpty ? try global.config().maildirs : maildirs
    }

    func run() throws {
        let maildirs = try folders()
        let store = try global.openStore()
        let bar = isatty(STDERR_FILENO) == 1 && !json ? ProgressBar() : nil
        let summary = try Ingest(store: store).file(maildirs: maildirs, batchSize: batch) { progress in
            bar?.draw(progress)
            if verbose && progress.done > 0 {
                complain("committed \(progress.done)/\(progress.total)")
            }
        }
        bar?.finish()
        if json { return printJSON(summary) }
        for failure in summary.failed {
            complain("rapport: \(failure.file): \(failure.error)")
        }
        say("ingested \(summary.ingested), duplicates \(summary.duplicates), failed \(summary.failed.count), already seen \(summary.alreadySeen)")
    }
}

/// One line on stderr redrawn in place: count, rate and time left.
final class ProgressBar {
    private let width = 30

    func draw(_ progress: IngestProgress) {
        let fraction = progress.total == 0 ? 1 : Double(progress.done) / Double(progress.total)
        let filled = Int(fraction * Double(width))
        let rate = progress.elapsed > 0 ? Double(progress.done) / progress.elapsed : 0
        let left = rate > 0 ? Double(progress.total - progress.done) / rate : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let line = String(format: "\r%@ %d/%d  %.0f msg/s  ETA %@ ", bar, progress.done, progress.total, rate,
                          Self.clock(left))
        StandardStream.error.write(line)
    }

    func finish() {
        StandardStream.error.write("\n")
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return String(format: "%d:%02d", total / 60, total % 60)
    }
}
