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
/// them to the store a batch at a time (one transaction per batch), with the rules that file each
/// message (`IngestRules`: the store looks up what they ask and writes what they decide).
///
/// Two stages run at once: a producer checks seen records and parses the next batch while the
/// caller's thread writes the current one, so parsing and SQLite's single writer overlap. Parsing
/// uses one thread fewer than there are cores (at least one): the writer has a core of its own.
/// At most two parsed batches wait between them, and a batch is cut early once its files reach
/// `batchBytes`, so memory stays bounded whatever the Maildir holds.
public struct MailIngester: Sendable {
    /// What ingest needs of a store, stated in the type (no capability is discovered at run time):
    /// seen records and batches, folder stamps, and the housekeeping after a run.
    public typealias Store = MailIngestStore & IngestFolderStamps & IngestMaintenance

    public var store: any Store
    public var batchSize: Int
    /// Files per batch are cut at this many bytes (as listed), however few they are.
    public var batchBytes: Int
    public var limits: ParseLimits
    /// Duplicates, identity and threading: the store files each message as these rules decide.
    public var rules: IngestRules
    /// Threads parsing while the writer writes. Every core for parsing made three busy threads on two
    /// cores: the writer, the one stage that cannot be split, got two thirds of one (DECISIONS.md,
    /// "Parsing leaves the writer a core").
    public var parseThreads = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)

    public init(store: any Store, batchSize: Int = 1_000, batchBytes: Int = 32 << 20,
                limits: ParseLimits = .standard, rules: IngestRules = .standard) {
        self.store = store
        self.batchSize = max(1, batchSize)
        self.batchBytes = max(1, batchBytes)
        self.limits = limits
        self.rules = rules
    }

    public func run(maildirs: [String], progress: (IngestProgress) -> Void = { _ in }) throws -> IngestSummary {
        let start = Date()
        var summary = IngestSummary()
        let (batches, listed) = try plan(maildirs, summary: &summary)
        let total = batches.total
        var done = 0
        progress(IngestProgress(done: 0, total: total, elapsed: 0))

        let handoff = BatchHandoff(capacity: 2)
        let producer = Thread { [self, batches] in
            for index in batches.slices.indices {
                guard !handoff.isCancelled else { break }
                let entries = batches.entries(index)
                handoff.put(.parsed(files: entries.count, items: parseAll(entries, threads: parseThreads)))
            }
            handoff.put(.finished)
        }
        producer.stackSize = 1 << 20
        producer.start()
        defer { handoff.cancel() }

        while true {
            switch handoff.take() {
            case .finished:
                try store.ingestFinished(stored: summary.ingested)
                try recordStamps(listed)
                return summary
            case let .parsed(files, items):
                let outcomes = try store.ingest(items, rules: rules)
                for (item, outcome) in zip(items, outcomes) {
                    switch outcome {
                    case .ingested: summary.ingested += 1
                    case .duplicate: summary.duplicates += 1
                    case let .failed(reason): summary.failed.append(.init(file: item.path, error: reason))
                    }
                }
                done += files
                progress(IngestProgress(done: done, total: total, elapsed: Date().timeIntervalSince(start)))
            }
        }
    }

    /// The fresh files of a run in the batches it writes them in: oldest delivery first, ties (one
    /// clock tick) as their paths sort (Maildir, cur/ before new/, name), cut by `batchSize` and `batchBytes`.
    struct Batches: Sendable {
        var fresh: [FreshFile]
        var slices: [Range<Int>]
        var roots: [Maildir]
        var total: Int { fresh.count }

        func entries(_ index: Int) -> [MaildirEntry] {
            fresh[slices[index]].map { $0.entry(in: roots[$0.root]) }
        }
    }

    func plan(_ maildirs: [String], summary: inout IngestSummary) throws -> (Batches, listed: [String: FolderStamp]) {
        var (fresh, listed) = try freshFiles(maildirs, summary: &summary)
        fresh.sort { ($0.modified, $0.root, $0.folder, $0.name) < ($1.modified, $1.root, $1.folder, $1.name) }
        let slices = Self.slices(fresh.map(\.size), count: batchSize, bytes: batchBytes)
        return (Batches(fresh: fresh, slices: slices, roots: maildirs.map(Maildir.init(root:))), listed)
    }

    /// A file to ingest, as small as possible: a million of them wait in memory while earlier ones
    /// are parsed (a full `MaildirEntry` each took ~300 bytes; this takes ~100).
    struct FreshFile: Sendable {
        var modified: Int64
        var size: Int
        /// Index of its Maildir in the run's list.
        var root: Int
        /// 0 for cur/, 1 for new/: files delivered in the same clock tick sort as their paths do.
        var folder: UInt8
        var name: String

        func entry(in maildir: Maildir) -> MaildirEntry {
            maildir.entry(folder: folder == 0 ? .cur : .new, name: name, size: size, modifiedNanoseconds: modified)
        }
    }

    /// The files no earlier run has handled, and the stamps of the folders listed to find them.
    ///
    /// A folder whose modification time is the one recorded after a complete run is not listed at
    /// all (its files count as already seen). Others are read with readdir in chunks; each chunk's
    /// seen keys are looked up at once, and only unseen files are stat'ed, so a million known files
    /// cost a directory read and a million key lookups, never a parse, a hash or a stat.
    func freshFiles(_ maildirs: [String], summary: inout IngestSummary)
        throws -> (files: [FreshFile], listed: [String: FolderStamp]) {
        var fresh: [FreshFile] = []
        var listed: [String: FolderStamp] = [:]
        for (rootIndex, root) in maildirs.enumerated() {
            let maildir = Maildir(root: root)
            guard maildir.isMaildir else {
                throw MaildirError("\(maildir.root) is not a Maildir (it needs cur/ and new/ folders)")
            }
            let folders = [MaildirEntry.Folder.new, .cur]
            let paths = folders.map { maildir.root + "/" + $0.rawValue }
            let stamps = try store.folderStamps(paths)
            for (folder, path) in zip(folders, paths) {
                // Read before listing: a file that arrives while we list changes it again.
                let modified = maildir.modification(of: folder)
                if let modified, let stamp = stamps[path], stamp.modified == modified {
                    summary.alreadySeen += stamp.files
                    continue
                }
                var names: [String] = []
                var count = 0
                func lookUp() throws {
                    let keys = names.map { maildir.root + "/" + MaildirEntry.uniqueName(of: $0) }
                    let seen = try store.seenKeys(keys)
                    for (name, key) in zip(names, keys) {
                        if seen.contains(key) {
                            summary.alreadySeen += 1
                        } else if let (size, modified) = maildir.sizeAndModification(folder: folder, name: name) {
                            fresh.append(FreshFile(modified: modified, size: size, root: rootIndex,
                                                   folder: folder == .cur ? 0 : 1, name: name))
                        }
                    }
                    names.removeAll(keepingCapacity: true)
                }
                try maildir.forEachName(in: folder) { name in
                    count += 1
                    names.append(name)
                    if names.count == 2_000 { try lookUp() }
                }
                try lookUp()
                if let modified { listed[path] = FolderStamp(modified: modified, files: count) }
            }
        }
        return (fresh, listed)
    }

    /// After a complete run every listed file is handled: remember the folders, except one changed
    /// in the last two seconds (a coarse file system clock could hide a delivery in that second).
    func recordStamps(_ listed: [String: FolderStamp]) throws {
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        try store.recordFolderStamps(listed.filter { now - $0.value.modified >= 2_000_000_000 })
    }

    /// Consecutive ranges of at most `count` files and (unless one file alone is bigger) `bytes` bytes.
    static func slices(_ sizes: [Int], count: Int, bytes: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0, total = 0
        for (index, size) in sizes.enumerated() {
            if index > start && (index - start >= count || total + size > bytes) {
                result.append(start..<index)
                start = index
                total = 0
            }
            total += size
        }
        if start < sizes.count { result.append(start..<sizes.count) }
        return result
    }

    /// Parses a batch on `threads` threads, each taking the next file as it finishes one (GMime
    /// objects are never shared between threads), keeping order.
    func parseAll(_ files: [MaildirEntry], threads: Int) -> [IngestItem] {
        guard threads > 1 else { return files.map { read($0, seenKey: Self.seenKey(of: $0)) } }
        let results = ParsedBatch(count: files.count)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = results.claim() {
                results.set(index, read(files[index], seenKey: Self.seenKey(of: files[index])))
            }
        }
        return results.items()
    }

    /// Identifies a file across runs: its Maildir root and unique name (stable when it moves to cur/).
    static func seenKey(of entry: MaildirEntry) -> String {
        entry.root + "/" + entry.uniqueName
    }

    /// Parses one file into what the store keeps, or the reason it cannot be kept.
    func read(_ entry: MaildirEntry, seenKey: String) -> IngestItem {
        let message: ParsedMessage
        do {
            message = try MessageParser.parse(file: entry.path, limits: limits)
        } catch {
            return .unreadable(seenKey: seenKey, path: entry.path, reason: error.reason)
        }
        // A byte test: String's contains(String) is Foundation's range search (~6,000 instructions).
        guard let from = message.from?.address, from.utf8.contains(UInt8(ascii: "@")) else {
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
        // Without a Date header, the delivery time (the file's modification time when listed) dates it.
        let modified = entry.modified == .distantPast ? nil : entry.modified
        return .mail(IncomingMail(
            seenKey: seenKey, path: entry.path, dedupKey: dedupKey, fromAddress: from, fromName: message.from?.name,
            to: message.to.compactMap(\.address), cc: message.cc.compactMap(\.address),
            replyTo: message.replyTo.compactMap { box in box.address.map { NamedAddress(name: box.name, address: $0) } },
            subject: message.subject ?? "",
            text: message.text ?? "", messageID: message.messageID, inReplyTo: message.inReplyTo,
            references: message.references, date: message.date ?? modified ?? Date(),
            attachments: message.attachments))
    }
}

/// What the producer hands the writer.
private enum ParsedBatchEvent: Sendable {
    case parsed(files: Int, items: [IngestItem])
    case finished
}

/// A bounded queue between the parsing thread and the writing thread.
private final class BatchHandoff: @unchecked Sendable {
    // @unchecked: every field is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [ParsedBatchEvent] = []
    private let capacity: Int
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Waits while the queue is full (unless the consumer has gone away).
    func put(_ event: ParsedBatchEvent) {
        condition.lock()
        while queue.count >= capacity && !cancelled { condition.wait() }
        if !cancelled { queue.append(event) }
        condition.broadcast()
        condition.unlock()
    }

    func take() -> ParsedBatchEvent {
        condition.lock()
        while queue.isEmpty { condition.wait() }
        let event = queue.removeFirst()
        condition.broadcast()
        condition.unlock()
        return event
    }

    /// The consumer stops (finished, or threw): the producer's next `put` returns at once.
    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
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

    private var claimed = 0

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// The next slot no thread has taken, or nil when all are.
    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard claimed < slots.count else { return nil }
        claimed += 1
        return claimed - 1
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
