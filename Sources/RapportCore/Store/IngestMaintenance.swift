import Foundation

/// Housekeeping a store may do when an ingest run has finished (kept apart from `MailIngestStore`
/// so a store without any still conforms to that). `MailIngester` calls it after the last batch.
public protocol IngestMaintenance: Sendable {
    /// `stored` messages were added by the run that just ended.
    func ingestFinished(stored: Int) throws
}
