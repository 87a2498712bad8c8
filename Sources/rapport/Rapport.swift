import ArgumentParser
import Foundation
import RapportCore
import RapportStore
import RapportTerminal

/// `rapport`: with no subcommand, opens the inbox.
struct Rapport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "A terminal inbox where every customer has one person who looks after them.",
        version: RapportVersion.current,
        subcommands: [
            InboxCommand.self, InitCommand.self, DemoCommand.self, AgentCommand.self, CustomerCommand.self,
            AssignCommand.self, UnassignCommand.self, AwayCommand.self, BackCommand.self, ForYouCommand.self, ConversationsCommand.self, SearchCommand.self, ShowCommand.self, AttachmentCommand.self, UnreadCommand.self, SnoozeCommand.self, SnoozedCommand.self, LogCommand.self,
            ReferralCommand.self, HeadsUpCommand.self, StatsCommand.self, QuietCommand.self, LintCommand.self,
            ParseCommand.self, IngestCommand.self, ReplyCommand.self, NoteCommand.self, ComposeCommand.self, SendCommand.self, OutboxCommand.self, SyncCommand.self, TemplatesCommand.self, StoreCommand.self,
        ],
        defaultSubcommand: InboxCommand.self)
}

/// Entry point: maps errors to the exit statuses of the command-line contract (1 for a refused
/// action, 2 for bad usage, 75 for a store kept busy by another process) and writes them to stderr.
@main
enum Main {
    static func main() {
        // A sendmail that exits without reading its input must give a write error, not kill us mid-delivery.
        signal(SIGPIPE, SIG_IGN)
        // A file-size limit reached (a quota, `ulimit -f`) must be a write error the store reports,
        // as a full disk is, not a signal that kills us between a delivery and its record.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try Rapport.parseAsRoot()
            do { try command.run() } catch { throw SQLiteStore.translate(error) }
        } catch let error as TerminalError {
            complain("rapport: \(error)")
            exit(1)
        } catch let error as RapportError {
            complain("rapport: \(error)")
            if case .storeBusy = error { exit(75) }
            exit(1)
        } catch {
            let code = Rapport.exitCode(for: error)
            if code == .success { Rapport.exit(withError: error) }
            let message = Rapport.fullMessage(for: error)
            if !message.isEmpty { complain("rapport: \(message)") }
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
