import RapportCore
import RapportTUI

/// Tells the loop when another process has committed to the store, by comparing the store's
/// change token (SQLite's `PRAGMA data_version`) with the one seen last.
///
/// The loop only knows a `() -> [AppMsg]` hook (`Program.Sources.storeChanges`), so a change feed
/// can take this one's place without touching the loop.
public final class StoreChangePoll {
    private let token: () throws -> Int
    private var last: Int?

    public init(_ store: any ConversationStore) {
        token = { try store.changeToken() }
        last = try? token()
    }

    /// `.storeChanged` when the token moved since the last call, else nothing.
    public func changes() -> [AppMsg] {
        guard let now = try? token(), now != last else { return [] }
        last = now
        return [.storeChanged]
    }
}
