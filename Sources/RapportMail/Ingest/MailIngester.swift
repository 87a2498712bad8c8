import Foundation
import RapportCore

/// What an ingest run did. Its JSON form is the contract of `rapport ingest --json`.
public struct IngestSummary: Sendable, Hashable, Encodable {
    public struct FailedFile: Sendable, Hashable, Encodable {
        public var file: String
        public var error: String
    }

    public var ingested = 0
    public var duplicates = 0
    public var failed: [FailedFile] = []
    /// Files an earlier run already handled (not part of the JSON contract).
    public var alreadySeen = 0

    public init() {}

    enum CodingKeys: String, CodingKey { case ingested, duplicates, failed }
}

/// Where a run is, for the progress bar.
public struct IngestProgress: Sendable, Hashable {
    public var done: Int
    public var total: Int
    public var elapsed: TimeInterval
}

/// Reads Maildirs into the store: lists files, skips those seen before, parses the rest and hands
/// them to the store a batch at a time (one transaction per batch).
public struct MailIngester: Sendable {
    public var store: any MailIngestStore
    public var batchSize: Int
    public var limits: ParseLimits
    /// A reply more than this long after the last activity starts a new conversation (unless its headers say otherwise).
    public var threadWindow: TimeInterval

    public init(store: any MailIngestStore, batchSize: Int = 250, limits: ParseLimits = .standard,
                threadWindow: TimeInterval = 30 * 24 * 3600) {
        self.store = store
        self.batchSize = max(1, batchSize)
        self.limits = limits
        self.threadWindow = threadWindow
    }

    public func run(maildirs: [String], progress: (IngestProgress) -> Void = { _ in }) throws -> IngestSummary {
        let start = Date()
        var entries: [(root: String, entry: MaildirEntry)] = []
        for root in maildirs {
            let maildir = Maildir(root: root)
            entries += try maildir.entries().map { (maildir.root, $0) }
        }
        var summary = IngestSummary()
        var done = 0
        progress(IngestProgress(done: 0, total: entries.count, elapsed: 0))
        for batchStart in stride(from: 0, to: entries.count, by: batchSize) {
            let slice = entries[batchStart..<min(batchStart + batchSize, entries.count)]
            let keyed = slice.map { (key: Self.seenKey(root: $0.root, entry: $0.entry), entry: $0.entry) }
            let seen = try store.seenKeys(keyed.map(\.key))
            let fresh = keyed.filter { !seen.contains($0.key) }
            summary.alreadySeen += keyed.count - fresh.count
            let items = parseAll(fresh)
            let outcomes = try store.ingest(items, threadWindow: threadWindow)
            for (item, outcome) in zip(items, outcomes) {
                switch outcome {
                case .ingested: summary.ingested += 1
                case .duplicate: summary.duplicates += 1
                case let .failed(reason): summary.failed.append(.init(file: item.path, error: reason))
                }
            }
            done += slice.count
            progress(IngestProgress(done: done, total: entries.count, elapsed: Date().timeIntervalSince(start)))
        }
        return summary
    }

    /// Parses a batch on every core (GMime objects are never shared between threads), keeping order.
    func parseAll(_ files: [(key: String, entry: MaildirEntry)]) -> [IngestItem] {
        let results = ParsedBatch(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, read(files[index].entry, seenKey: files[index].key))
        }
        return results.items()
    }

    static func seenKey(root: String, entry: MaildirEntry) -> String {
        root + "/" + entry.uniqueName
    }

    /// Parses one file into what the store keeps, or the reason it cannot be kept.
    func read(_ entry: MaildirEntry, seenKey: String) -> IngestItem {
        let message: ParsedMessage
        do {
            message = try MessageParser.parse(file: entry.path, limits: limits)
        } catch {
            return .unreadable(seenKey: seenKey, path: entry.path, reason: error.reason)
        }
        guard let from = message.from?.address, from.contains("@") else {
            return .unreadable(seenKey: seenKey, path: entry.path, reason: "no sender address (From)")
        }
        let dedupKey: String
        if let id = message.messageID {
            dedupKey = "mid:" + id
        } else if let digest = FileDigest.sha256(path: entry.path) {
            dedupKey = "sha256:" + digest
        } else {
            return .unreadable(seenKey: seenKey, path: entry.path, reason: "cannot read the file to hash it")
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: entry.path)[.modificationDate]) as? Date
        return .mail(IncomingMail(
            seenKey: seenKey, path: entry.path, dedupKey: dedupKey, fromAddress: from, fromName: message.from?.name,
            to: (message.to + message.cc).compactMap(\.address), subject: message.subject ?? "",
            text: message.text ?? "", messageID: message.messageID, inReplyTo: message.inReplyTo,
            references: message.references, date: message.date ?? modified ?? Date(),
            attachments: message.attachments))
    }
}

extension IngestItem {
    var path: String {
        switch self {
        case let .mail(mail): mail.path
        case let .unreadable(_, path, _): path
        }
    }
}

/// Slots filled from several threads, each index by exactly one of them.
private final class ParsedBatch: @unchecked Sendable {
    private var slots: [IngestItem?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ item: IngestItem) {
        lock.lock()
        slots[index] = item
        lock.unlock()
    }

    func items() -> [IngestItem] {
        slots.map { $0! }
    }
}
