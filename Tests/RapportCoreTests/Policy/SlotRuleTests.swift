import Testing
import RapportCore

@Suite("template slots and the slot rule")
struct SlotRuleTests {
    @Test("slots are found with their offsets, label and line; brackets that are no slot are left alone")
    func finding() {
        let text = "Hi [[name]],\nWhat happened: [[ what went wrong ]] and [[]]\n[[not\nclosed]] [x] [[a]b]]"
        let slots = TemplateSlot.all(in: text)
        #expect(slots.map(\.label) == ["name", "what went wrong", ""])
        #expect(slots.map(\.line) == [1, 2, 2])
        #expect(slots[0].range == 3..<11)
        #expect(String(Array(text)[slots[1].range]) == "[[ what went wrong ]]")
        #expect(TemplateSlot.all(in: "[[" + String(repeating: "x", count: 81) + "]]").isEmpty, "a long run is no slot")
    }

    @Test("an unfilled slot blocks sending, for every customer, on its line")
    func blocks() {
        for customer in [Fixtures.dana, Fixtures.customer("Dana", "Whitfield", existing: false, source: "radio")] {
            let v = Fixtures.violations("Hi Dana,\n\nWhat happened: [[what went wrong]]\n\nSam", to: customer)
            #expect(v.map(\.rule) == [.slot])
            #expect(v.first?.line == 3 && v.first?.blocks == true)
            #expect(v.first?.message == "\"what went wrong\" is still to be written: replace the [[…]] with your words, or delete it.")
        }
    }

    @Test("a slot in the quoted message is not ours to fill")
    func quotedSlotsDoNotCount() {
        let v = Fixtures.violations("Hi Dana,\n\nDone.\n\nSam\n\n> Sam wrote:\n> [[what went wrong]]", to: Fixtures.dana)
        #expect(!v.contains { $0.rule == .slot })
    }
}
