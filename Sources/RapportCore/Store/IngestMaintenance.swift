import Foundation

/// Housekeeping a store may do when an ingest run has finished. `MailIngester` requires it and
/// calls it after the last batch; a store with nothing to do returns at once.
public protocol IngestMaintenance: Sendable {
    /// `stored` messages were added by the run that just ended.
    func ingestFinished(stored: Int) throws
}
