import Testing
import RapportCore

/// Expects `text` to break the sign-off rule and no other, with `message` for `line` first.
func expectOnlySignOffViolation(_ text: String, line: Int, message: String,
                                sourceLocation: SourceLocation = #_sourceLocation) {
    let v = Fixtures.violations(text)
    #expect(v.map(\.rule) == [.signoff], sourceLocation: sourceLocation)
    #expect(v[0].line == line, sourceLocation: sourceLocation)
    #expect(v[0].message == message, sourceLocation: sourceLocation)
}

@Suite("signoff rule")
struct SignOffRuleTests {
    static let opening = "Hi Dana,\n\nI've moved your payment date to the 15th as you asked.\n\n"

    @Test("first name alone, optionally under a short closing line", arguments: [
        "Sam", "Thanks,\nSam", "Cheers,\nSam", "Talk soon,\nSam", "— Sam", "-Sam", "Sam.", "Best regards,\nSam",
        "Speak Monday,\nSam", "Thanks!\n\nSam",
    ])
    func passes(signOff: String) {
        #expect(Fixtures.rules(Self.opening + signOff) == [])
    }

    @Test func fullNameBlocks() {
        expectOnlySignOffViolation(Self.opening + "Thanks,\nSam Ortiz", line: 6,
                                   message: "Signed with your full name; sign with your first name alone: \"Sam\".")
    }

    @Test("a title, team or company in the sign-off blocks", arguments: [
        "Thanks,\nThe Acme Team", "From all of us at Acme", "Warm regards,\nCustomer Care",
        "Thanks,\nSam\nAccount Manager", "Thanks, Sam", "Best regards, Sam Ortiz",
    ])
    func corporateSignOffs(signOff: String) {
        #expect(Fixtures.rules(Self.opening + signOff).contains("signoff"))
    }

    @Test func missingSignOff() {
        expectOnlySignOffViolation(Self.opening + "Let me know if the 15th does not suit.", line: 5,
                                   message: "End with your first name alone on the last line: \"Sam\".")
    }

    @Test func nothingMayFollowTheName() {
        let v = Fixtures.violations(Self.opening + "Thanks,\nSam\nAccount Manager")
        #expect(v.first { $0.rule == .signoff }?.message == "\"Sam\" must be the last line; cut what follows it (title, company, contact details).")
        #expect(v.first { $0.rule == .signoff }?.line == 7)
    }

    @Test("a sign-off followed by quoted text is still the last line of the reply")
    func signOffBeforeQuotedText() {
        let quoted = """
        Hi Dana,

        Done — the new date is the 15th.

        Thanks,
        Sam

        On Tue, 4 Mar 2025 at 09:12, Dana Whitfield <dana@example.com> wrote:
        > Hi Sam, could you move my payment date?
        > Thanks, Dana Whitfield
        > Senior Buyer, Whitfield Holdings Ltd
        > +44 20 7946 0958
        """
        #expect(Fixtures.rules(quoted) == [])

        let wrapped = "Hi Dana,\n\nDone.\n\nSam\n\nOn Tue, 4 Mar 2025 at 09:12, Dana Whitfield\n<dana@example.com> wrote:\n\n> Could you move it?\n> -- \n> Dana"
        #expect(Fixtures.rules(wrapped) == [])

        // Some mail programs quote without ">"; everything after the attribution is still theirs.
        let unprefixed = "Hi Dana,\n\nDone.\n\nSam\n\nOn Tue, 4 Mar 2025, Dana Whitfield wrote:\nCould you move it?\nDana Whitfield | Whitfield Holdings Ltd | +44 20 7946 0958"
        #expect(Fixtures.rules(unprefixed) == [])

        let outlook = "Hi Dana,\n\nDone.\n\nSam\n\nFrom: Dana Whitfield <dana@example.com>\nSent: Tuesday, March 4, 2025 9:12 AM\nTo: Sam Ortiz\nSubject: payment date\n\nCould you move it?\n\nKind regards,\nDana Whitfield\nWhitfield Holdings Ltd"
        #expect(Fixtures.rules(outlook) == [])
    }

    @Test func inlineRepliesBetweenQuotedLines() {
        let inline = "Hi Dana,\n\n> Can you move my payment date?\nYes, it is now the 15th.\n\n> And the address?\nUpdated too.\n\nSam"
        #expect(Fixtures.rules(inline) == [])
    }

    @Test func agentWithACommonWordName() {
        let will = Agent(login: "will", firstName: "Will", lastName: "Park", email: "will@acme.example")
        #expect(Fixtures.rules(Self.opening + "Will", from: will) == [])
        #expect(Fixtures.rules(Self.opening + "Thanks,\nWill Park", from: will) == ["signoff"])
        #expect(Fixtures.rules(Self.opening + "I will call you Friday.", from: will) == ["signoff"])
    }
}

@Suite("signoff rule: personal touches")
struct SignOffPersonalTouchTests {
    static let opening = "Hi Dana,\n\nAll done.\n\n"

    @Test("a smile after the name is still the name", arguments: ["Cheers,\nSam :)", "Sam 🙂", "Thanks!\nSam ;-)"])
    func smiles(signOff: String) {
        #expect(Fixtures.rules(Self.opening + signOff) == [])
    }

    @Test func postscriptAfterTheNameIsRefusedWithAPlainReason() {
        expectOnlySignOffViolation(Self.opening + "Sam\n\nP.S. Say hi to Ana!", line: 7,
                                   message: "Move the P.S. above your name: \"Sam\" must be the last line.")
        #expect(Fixtures.rules("Hi Dana,\n\nAll done.\n\nP.S. Say hi to Ana!\n\nSam") == [])
    }

    @Test func companyNamesInSentencesAreContent() {
        #expect(Fixtures.rules("Hi Dana,\n\nI called Northwind Inc. about your claim and they will pay it this week.\n\nSam") == [])
        #expect(Fixtures.rules(Self.opening + "Sam\nAcme Holdings Inc.").contains("signature"))
    }
}
