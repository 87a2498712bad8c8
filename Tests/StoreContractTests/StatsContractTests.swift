import Foundation
import RapportCore
import Testing

/// Team figures over a period: first replies of conversations opened in it, our messages written in it.
@Suite struct StatsContractTests {
    @Test(arguments: StoreFactories.all)
    func aPeriodLimitsFirstRepliesAndTheSamePersonShareButNotTheCurrentFigures(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer("Dana", owner: "sam")
        let day = 86_400.0
        let early = try s.conversation(with: dana, subject: "Early", at: ContractStore.t0)
        // Priya answered while covering (a message she wrote, filed as sent).
        try s.store.appendMessage(NewMessage(conversationID: early.id, direction: .outbound, author: "priya",
                                             from: ContractStore.priya.email, to: [dana.primaryEmail], subject: "Re: Early",
                                             text: "Hi Dana,\n\nOn it.\n\nPriya", date: ContractStore.t0.addingTimeInterval(3_600)))
        let late = try s.conversation(with: dana, subject: "Late", at: ContractStore.t0.addingTimeInterval(10 * day))
        _ = try queueOutboxItem(s.store, conversation: late.id, agent: "sam", text: "Hi Dana,\n\nDone.\n\nSam",
                                at: ContractStore.t0.addingTimeInterval(10 * day + 7_200))
        let now = ContractStore.t0.addingTimeInterval(20 * day)
        func sam(_ period: DateInterval?) throws -> AgentStats {
            try #require(try s.store.teamStats(now: now, period: period).agents.first { $0.login == "sam" })
        }
        let all = try s.store.teamStats(now: now, period: nil)
        #expect(all.team.medianFirstReplySeconds == 5_400)
        #expect(try sam(nil).samePersonShare == 0.5)
        let second = DateInterval(start: ContractStore.t0.addingTimeInterval(5 * day), end: ContractStore.t0.addingTimeInterval(15 * day))
        let limited = try s.store.teamStats(now: now, period: second)
        #expect(limited.team.medianFirstReplySeconds == 7_200)
        #expect(try sam(second).samePersonShare == 1.0, "only Sam's own reply was written in the period")
        #expect(try sam(second).customersOwned == 1, "customers owned: as of now")
        let empty = DateInterval(start: ContractStore.t0.addingTimeInterval(30 * day), end: ContractStore.t0.addingTimeInterval(31 * day))
        #expect(try s.store.teamStats(now: now, period: empty).team.medianFirstReplySeconds == nil)
        #expect(try sam(empty).samePersonShare == nil)
    }

    @Test(arguments: StoreFactories.all)
    func openConversationCountsAreByOwnerForOpenConversationsOnly(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let dana = try s.customer("Dana", owner: "sam")
        let eli = try s.customer("Eli", owner: "sam")
        let farah = try s.customer("Farah", owner: "priya")
        let nobody = try s.customer("Gus")
        try s.conversation(with: dana)
        try s.conversation(with: eli)
        let closed = try s.conversation(with: eli, subject: "Done")
        try s.store.setStatus(.closed, conversation: closed.id)
        let pending = try s.conversation(with: farah)
        try s.store.setStatus(.pending, conversation: pending.id)
        try s.conversation(with: nobody)
        #expect(try s.store.openConversationCounts() == ["sam": 2])
    }
}
