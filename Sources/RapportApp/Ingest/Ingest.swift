import Foundation
import RapportCore
import RapportMail

/// `Ingest.file`: new mail from Maildirs into the store, each message filed by the ingest rules
/// (`IngestRules`: duplicate, identity, threading). The command line and the demo call this;
/// `MailIngester` lists and parses the files, the store answers the rules' questions and writes.
public struct Ingest: Sendable {
    public var store: any MailIngester.Store
    public var rules: IngestRules

    public init(store: any MailIngester.Store, rules: IngestRules = .standard) {
        self.store = store
        self.rules = rules
    }

    /// Reads every file of `maildirs` that no earlier run handled, `batchSize` files per transaction.
    public func file(maildirs: [String], batchSize: Int = 1_000,
                     progress: (IngestProgress) -> Void = { _ in }) throws -> IngestSummary {
        try MailIngester(store: store, batchSize: batchSize, rules: rules).run(maildirs: maildirs, progress: progress)
    }

    /// Files one parsed message on its own (one transaction): what a batch does to each of its messages.
    public func file(_ mail: IncomingMail) throws -> IngestOutcome {
        try store.ingest([.mail(mail)], rules: rules)[0]
    }
}
