import Foundation

/// The one port the application layer reads and writes through: plain data access, one
/// transaction per call, no business decisions. Split by concern into the protocols it
/// refines; an adapter (SQLite, PostgreSQL) implements all of them, so nothing needs to
/// discover a capability with `as?`.
public protocol StorePort: WorkflowStore, OutboxStore, MailIngestStore, IngestFolderStamps, IngestMaintenance,
                           ChangeFeed, PresenceStore {}
