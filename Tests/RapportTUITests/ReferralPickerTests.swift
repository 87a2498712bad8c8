import Foundation
import RapportCore
import Testing
@testable import RapportTUI

@Suite("R: how a customer heard about us")
struct ReferralPickerTests {
    let dana = Customer(id: 70, firstName: "Dana", lastName: "Whitfield", owner: "maria", addresses: ["dana@x.org"],
                        created: now, isExisting: true)
    let danny = Customer(id: 71, firstName: "Danny", lastName: "Ocean", owner: nil, addresses: ["danny@x.org"],
                         created: now, isExisting: false)

    func opened() -> AppState {
        var state = loadedState([row(1, customer: 50, name: "Marcus Lee")])
        _ = update(&state, .key(.char("R")))
        return state
    }

    @Test func typingAsksTheStoreAndAStaleAnswerIsDropped() {
        var state = opened()
        guard case .referral(let picker) = state.overlay else { Issue.record("no picker"); return }
        #expect(picker.customerID == 50 && picker.customerName == "Marcus Lee")
        #expect(update(&state, .key(.char("d"))) == [.findCustomers("d")])
        #expect(update(&state, .key(.char("a"))) == [.findCustomers("da")])
        _ = update(&state, .customersFound("d", [dana, danny]))        // typed over since: ignored
        guard case .referral(let stale) = state.overlay else { return }
        #expect(stale.matches.isEmpty)
        _ = update(&state, .customersFound("da", [dana, danny]))
        guard case .referral(let fresh) = state.overlay else { return }
        #expect(fresh.choices == [.customer(dana), .customer(danny), .source("da")])
    }

    @Test func enterRecordsTheChosenReferrer() {
        var state = opened()
        for key in typing("da") { _ = update(&state, .key(key)) }
        _ = update(&state, .customersFound("da", [dana, danny]))
        _ = update(&state, .key(.down))
        #expect(update(&state, .key(.enter)) == [.recordReferral(customer: 50, referrer: 71, source: nil)])
        #expect(state.overlay == nil)
    }

    @Test func aTypedSourceIsRecordedWhenNoCustomerIsChosen() {
        var state = opened()
        for key in typing("local radio") { _ = update(&state, .key(key)) }
        _ = update(&state, .customersFound("local radio", []))
        #expect(update(&state, .key(.enter)) == [.recordReferral(customer: 50, referrer: nil, source: "local radio")])
    }

    @Test func aCustomerCannotBeTheirOwnReferrerAndEscCancels() {
        var state = opened()
        let marcus = Customer(id: 50, firstName: "Marcus", lastName: "Lee", owner: nil, addresses: ["m@x.org"],
                              created: now, isExisting: false)
        for key in typing("m") { _ = update(&state, .key(key)) }
        _ = update(&state, .customersFound("m", [marcus]))
        guard case .referral(let picker) = state.overlay else { return }
        #expect(picker.choices == [.source("m")])
        #expect(update(&state, .key(.escape)).isEmpty)
        #expect(state.overlay == nil)
    }

    @Test func theOverlayDrawsChoicesAndSanitisesText() {
        var state = opened()
        for key in typing("da") { _ = update(&state, .key(key)) }
        _ = update(&state, .customersFound("da", [dana]))
        var buffer = CellBuffer(width: 80, height: 12)
        render(state, into: &buffer)
        let text = buffer.lines().joined(separator: "\n")
        #expect(text.contains("How did Marcus Lee hear about us?"))
        #expect(text.contains("referred by Dana Whitfield  dana@x.org"))
        #expect(text.contains("source: “da”"))
    }
}
