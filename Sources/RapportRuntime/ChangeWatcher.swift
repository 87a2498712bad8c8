import Foundation
import RapportCore
import RapportTUI

/// Decides when the inbox must read the store again: when someone else wrote since the last
/// change it saw. Its own writes never count — `update` already put them on screen and asked
/// for what it needs — so a key that writes reads its page and counts once, not twice.
///
/// Cheap when idle: the change log is read only after the store's wake-up token moved.
public final class ChangeWatcher {
    public let feed: any ChangeFeed
    private var token: Int?
    /// The last change sequence seen.
    public private(set) var lastSeen: Int64

    /// Starts from the store as it is now: what was written before is already on screen.
    public init(feed: any ChangeFeed) {
        self.feed = feed
        token = try? feed.changeToken()   // read before the sequence, so a write in between is seen later
        lastSeen = (try? feed.latestChange()) ?? 0
    }

    /// True when another store instance (another process, or another agent's session) has written
    /// since the last check, or when the log no longer reaches back that far. A failed read is
    /// not a change; the next check tries again.
    public func othersWrote() -> Bool {
        guard let now = try? feed.changeToken(), now != token else { return false }
        guard let news = try? feed.changes(since: lastSeen) else { return false }
        token = now
        lastSeen = news.latest
        return news.includesOthers(than: feed.origin)
    }

    /// `.storeChanged` when another writer changed the store: the loop's `Program.Sources.storeChanges`.
    public func messages() -> [AppMsg] {
        othersWrote() ? [.storeChanged] : []
    }
}
