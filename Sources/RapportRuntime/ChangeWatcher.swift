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
    /// False while the store cannot be read (a PostgreSQL server restarting, a network cut).
    public private(set) var isReachable = true
    /// `isReachable` as the inbox was last told it.
    private var reported = true

    /// Starts from the store as it is now: what was written before is already on screen.
    public init(feed: any ChangeFeed) {
        self.feed = feed
        token = try? feed.changeToken()   // read before the sequence, so a write in between is seen later
        lastSeen = (try? feed.latestChange()) ?? 0
    }

    /// True when another store instance (another process, or another agent's session) has written
    /// since the last check, or when the log no longer reaches back that far. A failed read is
    /// not a change (it makes the store unreachable until a read succeeds); the next check tries again
    /// and then reads everything since the last change seen, so nothing of the outage is missed.
    public func othersWrote() -> Bool {
        do {
            let now = try feed.changeToken()
            guard now != token else { isReachable = true; return false }
            let news = try feed.changes(since: lastSeen)
            isReachable = true
            token = now
            lastSeen = news.latest
            return news.includesOthers(than: feed.origin)
        } catch {
            isReachable = false
            return false
        }
    }

    /// `.storeChanged` when another writer changed the store, and `.storeReachable` when the store was
    /// lost or is back: the loop's `Program.Sources.storeChanges`.
    public func messages() -> [AppMsg] {
        var messages: [AppMsg] = othersWrote() ? [.storeChanged] : []
        if isReachable != reported {
            reported = isReachable
            messages.append(.storeReachable(isReachable))
        }
        return messages
    }
}
