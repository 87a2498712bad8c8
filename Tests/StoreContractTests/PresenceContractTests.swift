import Foundation
import RapportCore
import Testing

/// Presence: one mark per agent, replaced by each heartbeat, seen by every other instance.
@Suite struct PresenceContractTests {
    @Test(arguments: StoreFactories.all)
    func eachAgentHasOneMarkThatAnotherInstanceReads(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let other = try s.secondInstance()
        let t0 = ContractStore.t0
        try s.store.recordPresence(PresenceMark(agent: "sam", conversationID: 7, activity: .viewing, at: t0))
        try s.store.recordPresence(PresenceMark(agent: "sam", conversationID: 9, activity: .replying, at: t0 + 10))
        try other.recordPresence(PresenceMark(agent: "priya", conversationID: 9, activity: .viewing, at: t0 + 5))
        #expect(try other.presence(since: t0) == [
            PresenceMark(agent: "priya", conversationID: 9, activity: .viewing, at: t0 + 5),
            PresenceMark(agent: "sam", conversationID: 9, activity: .replying, at: t0 + 10),
        ])
        // Older marks are not read; a cleared mark is gone.
        #expect(try s.store.presence(since: t0 + 6).map(\.agent) == ["sam"])
        try s.store.clearPresence(agent: "sam")
        #expect(try other.presence(since: t0).map(\.agent) == ["priya"])
    }

    @Test(arguments: StoreFactories.all)
    func aHeartbeatIsNotAChangeOtherInboxesReloadFor(_ factory: StoreFactory) throws {
        let s = try ContractStore(factory)
        let other = try s.secondInstance()
        let before = try other.latestChange()
        try s.store.recordPresence(PresenceMark(agent: "sam", conversationID: 1, activity: .viewing, at: ContractStore.t0))
        #expect(try other.changes(since: before).includesOthers(than: other.origin) == false)
    }
}
