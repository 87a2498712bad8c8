import Foundation
import RapportCore
import Testing

@Suite struct PresenceRuleTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func mark(_ agent: String, _ conversation: ConversationID = 1, _ activity: PresenceActivity = .viewing,
              ago seconds: TimeInterval = 0) -> PresenceMark {
        PresenceMark(agent: agent, conversationID: conversation, activity: activity, at: t0.addingTimeInterval(-seconds))
    }

    @Test func aMarkIsInForceForThirtySecondsAndOnlyTheOthersAreShown() {
        let marks = [mark("sam", ago: 29.9), mark("priya", ago: 30), mark("lee", ago: 2), mark("me", ago: 0)]
        #expect(PresenceRule.others(marks, agent: "me", now: t0).map(\.agent) == ["lee", "sam"])
    }

    @Test func theInboxBeatsWhenWhereItIsChangesOrTheMarkIsTenSecondsOld() {
        let viewing = mark("me", 1, .viewing)
        #expect(PresenceRule.needsBeat(viewing, last: nil, now: t0))
        #expect(!PresenceRule.needsBeat(viewing, last: mark("me", 1, .viewing, ago: 9.9), now: t0))
        #expect(PresenceRule.needsBeat(viewing, last: mark("me", 1, .viewing, ago: 10), now: t0))
        #expect(PresenceRule.needsBeat(viewing, last: mark("me", 2, .viewing, ago: 1), now: t0), "another conversation")
        #expect(PresenceRule.needsBeat(mark("me", 1, .replying), last: mark("me", 1, .viewing, ago: 1), now: t0),
                "began replying")
        #expect(!PresenceRule.needsBeat(nil, last: viewing, now: t0), "leaving is said by clearing, not by a beat")
    }

    @Test func theTextNamesWhoIsReplyingFirst() {
        let name: (String) -> String = { $0.capitalized }
        #expect(PresenceRule.text([], name: name) == nil)
        #expect(PresenceRule.text([mark("sam")], name: name) == "Sam is viewing")
        #expect(PresenceRule.text([mark("sam", 1, .replying)], name: name) == "Sam is replying")
        #expect(PresenceRule.text([mark("sam"), mark("priya"), mark("lee")], name: name) == "Sam, Priya and Lee are viewing")
        #expect(PresenceRule.text([mark("sam"), mark("priya", 1, .replying)], name: name)
                == "Priya is replying, Sam is viewing")
    }
}
