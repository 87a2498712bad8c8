import Foundation
import RapportCore

/// One agent's relationship work: heads-ups to send, referrers to thank, quiet customers to check in on.
public struct Worklists: StoreUseCase {
    public let ports: Ports<any WorkflowStore>

    public init(ports: Ports<any WorkflowStore>) {
        self.ports = ports
    }

    /// The agent's heads-up drafts not yet sent, by due date.
    public func headsUps(agent: String) throws -> [HeadsUpItem] {
        try store.headsUpQueue(agent: agent)
    }

    /// Referrers to thank: the agent's own, and those with no owner yet (everyone's to see: taking one
    /// brings the draft along), oldest referral first. `owned` tells which are the agent's.
    public func thankYous(agent: String) throws -> [(item: ThankYouItem, owned: Bool)] {
        let mine = try store.thankYouQueue(agent: agent).map { (item: $0, owned: true) }
        let unowned = try store.thankYouQueue(agent: "").map { (item: $0, owned: false) }
        return (mine + unowned).sorted { $0.item.oldest < $1.item.oldest }
    }

    /// The agent's customers we have not written to for more than `days` days (or never), longest first.
    public func quiet(agent: String, days: Int) throws -> [QuietCustomer] {
        try store.quietCustomers(agent: agent, days: days, now: clock())
    }
}
