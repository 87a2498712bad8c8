/// What a store counts for `teamStats`, as plain numbers; `assembled()` turns them into the figures, so the
/// arithmetic (medians, shares, team totals) is one rule for every adapter and testable without a database.
public struct TeamStatsFacts: Sendable, Hashable {
    /// A conversation's first reply: when the customer first wrote, when we first answered (seconds since 1970).
    public struct FirstReply: Sendable, Hashable {
        public var author: String?
        public var asked, replied: Double

        public init(author: String?, asked: Double, replied: Double) {
            self.author = author
            self.asked = asked
            self.replied = replied
        }
    }

    /// Of our messages to an owner's customers, how many there were and how many the owner wrote.
    public struct Share: Sendable, Hashable {
        public var total, same: Int

        public init(total: Int, same: Int) {
            self.total = total
            self.same = same
        }
    }

    /// Every agent, in the order the figures list them.
    public var logins: [String]
    /// Customers per owner.
    public var owned: [String: Int] = [:]
    /// Open conversations waiting on us, per owner of the customer.
    public var waiting: [String: Int] = [:]
    public var firstReplies: [FirstReply] = []
    /// Per owner of the customer.
    public var share: [String: Share] = [:]

    public init(logins: [String]) {
        self.logins = logins
    }

    public func assembled() -> TeamStats {
        var replyTimes: [String: [Double]] = [:]
        var teamReplyTimes: [Double] = []
        for reply in firstReplies {
            let seconds = reply.replied - reply.asked
            if let author = reply.author { replyTimes[author, default: []].append(seconds) }
            teamReplyTimes.append(seconds)
        }
        let agents = logins.map { login in
            AgentStats(login: login, customersOwned: owned[login] ?? 0, waitingOnUs: waiting[login] ?? 0,
                       medianFirstReplySeconds: Median.of(replyTimes[login] ?? []), samePersonShare: Self.ratio(share[login]))
        }
        let totals = share.values.reduce(Share(total: 0, same: 0)) { Share(total: $0.total + $1.total, same: $0.same + $1.same) }
        let team = AgentStats(login: "team", customersOwned: owned.values.reduce(0, +), waitingOnUs: waiting.values.reduce(0, +),
                              medianFirstReplySeconds: Median.of(teamReplyTimes), samePersonShare: Self.ratio(totals))
        return TeamStats(agents: agents, team: team)
    }

    /// nil when there were no messages at all, so "no data" never reads as 0%.
    private static func ratio(_ share: Share?) -> Double? {
        guard let share, share.total > 0 else { return nil }
        return Double(share.same) / Double(share.total)
    }
}
