import Foundation
import RapportCore
import Testing

/// How the counts a store hands over become the team figures: per-agent rows, medians, shares and totals.
@Suite struct TeamStatsFactsTests {
    @Test func everyAgentGetsARowEvenWithNothingCounted() {
        let stats = TeamStatsFacts(logins: ["priya", "sam"]).assembled()
        #expect(stats.agents.map(\.login) == ["priya", "sam"])
        #expect(stats.agents.allSatisfy { $0.customersOwned == 0 && $0.waitingOnUs == 0
            && $0.medianFirstReplySeconds == nil && $0.samePersonShare == nil })
        #expect(stats.team == AgentStats(login: "team", customersOwned: 0, waitingOnUs: 0, medianFirstReplySeconds: nil,
                                         samePersonShare: nil))
    }

    @Test func countsAreSummedForTheTeamIncludingOwnersNoLongerAgents() {
        var facts = TeamStatsFacts(logins: ["priya", "sam"])
        facts.owned = ["priya": 3, "sam": 1, "gone": 2]
        facts.waiting = ["priya": 1, "gone": 4]
        let stats = facts.assembled()
        #expect(stats.agents.map(\.customersOwned) == [3, 1])
        #expect(stats.agents.map(\.waitingOnUs) == [1, 0])
        #expect(stats.team.customersOwned == 6 && stats.team.waitingOnUs == 5)
    }

    @Test func firstRepliesGiveMediansPerAuthorAndForTheWholeTeam() {
        var facts = TeamStatsFacts(logins: ["priya", "sam"])
        facts.firstReplies = [.init(author: "priya", asked: 100, replied: 160), .init(author: "priya", asked: 0, replied: 20),
                              .init(author: "sam", asked: 50, replied: 150), .init(author: nil, asked: 0, replied: 1000)]
        let stats = facts.assembled()
        #expect(stats.agents.map(\.medianFirstReplySeconds) == [40, 100], "priya: 20 and 60; sam: 100")
        #expect(stats.team.medianFirstReplySeconds == 80, "20, 60, 100, 1000: a reply with no author counts for the team")
    }

    @Test func theSamePersonShareIsNilWithoutMessagesAndPooledForTheTeam() {
        var facts = TeamStatsFacts(logins: ["priya", "sam", "lee"])
        facts.share = ["priya": .init(total: 4, same: 3), "sam": .init(total: 0, same: 0), "gone": .init(total: 4, same: 1)]
        let stats = facts.assembled()
        #expect(stats.agents.map(\.samePersonShare) == [0.75, nil, nil], "no messages is no figure, not 0%")
        #expect(stats.team.samePersonShare == 0.5, "4 of 8 messages, not the mean of the shares")
    }
}
