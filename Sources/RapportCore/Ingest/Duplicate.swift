import Foundation

/// Whether a message is already stored, so a second copy (the same mail in two Maildirs, a file
/// delivered twice, our own sent mail coming back) adds nothing.
public enum Duplicate {
    /// Already stored: the same Message-ID in any message (ours or ingested), or, whatever its
    /// Message-ID, the same dedup key as a file seen before ("mid:<Message-ID>", or the hash of a
    /// file without one). One question to the store: a batch asks it for every message.
    public static func isDuplicate(_ mail: IncomingMail, facts: some IngestFacts) throws -> Bool {
        try facts.isStoredOrSeen(messageID: mail.messageID, dedupKey: mail.dedupKey)
    }
}
