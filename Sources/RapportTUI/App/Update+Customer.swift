import RapportCore

/// The customer's page (`c`), its keys, the search count and moving between search results (`n` / `N`).
extension AppState {
    /// The customer's page is showing (or a prompt over it).
    var isOnCustomerPage: Bool {
        switch overlay {
        case .customer: true
        case .prompt(let p):
            switch p.purpose {
            case .firstName, .lastName, .mergeNote, .addAddress, .removeAddress: true
            default: false
            }
        default: false
        }
    }

    /// The customer of the open conversation, else of the list row under the cursor.
    var customerAtHand: CustomerID? {
        thread?.target?.customerID ?? list.selectedRow?.customerID
    }

    mutating func openCustomerPage() -> [Effect] {
        guard let id = customerAtHand else { return [] }
        overlay = .customer(CustomerPageState(customerID: id))
        return [.customers(.openPage(id))]
    }

    /// The search's count, when search results are shown.
    func countSearch() -> [Effect] {
        guard case .search(let text) = list.source, let query = list.source.query(agent: agent.login) else { return [] }
        return [.customers(.countSearch(text: text, query))]
    }

    /// `n` / `N` while search results are shown: the next / previous result; in a conversation opened
    /// from them, that result opens in its place.
    mutating func stepResult(by delta: Int) -> [Effect] {
        let before = list.selectedRow?.id
        var effects = moveCursor(by: delta)
        guard let row = list.selectedRow, row.id != before else {
            message = StatusMessage(delta > 0 ? "No more results below" : "No more results above")
            return effects
        }
        if thread != nil { effects += openSelected() }
        return effects
    }

    mutating func customersReceive(_ msg: CustomersMsg) -> [Effect] {
        switch msg {
        case .pageLoaded(let page):
            guard case .customer(var state) = overlay, state.customerID == page.customer.id else { return [] }
            let chosen = state.selectedConversation?.summary.id
            state.page = page
            state.selected = chosen.flatMap { id in page.conversations.firstIndex { $0.summary.id == id } } ?? 0
            overlay = .customer(state)
        case .pageGone(let id):
            guard case .customer(let state) = overlay, state.customerID == id else { return [] }
            overlay = nil
            message = StatusMessage("That customer is no longer there: merged into another one (c again shows who)")
        case let .searchCounted(text, count):
            guard case .search(let shown) = list.source, shown == text else { return [] }
            searchCount = SearchCount(text: text, count: count)
        case .changed(let text):
            message = StatusMessage(text)
            return refresh()
        }
        return []
    }

    mutating func customerPageKey(_ key: Key, _ state: CustomerPageState) -> [Effect] {
        var state = state
        let rows = state.page?.conversations.count ?? 0
        switch keyMap.action(for: key, in: .customer) {
        case .moveDown: state.selected = min(max(0, rows - 1), state.selected + 1)
        case .moveUp: state.selected = max(0, state.selected - 1)
        case .pageDown: state.scroll += max(1, layout.bodyHeight - 1)
        case .pageUp: state.scroll = max(0, state.scroll - max(1, layout.bodyHeight - 1))
        case .top: state.selected = 0; state.scroll = 0
        case .bottom: state.selected = max(0, rows - 1)
        case .open:
            guard let row = state.selectedConversation else { return [] }
            overlay = nil
            screen = .thread(ThreadState(conversationID: row.summary.id, summary: row.summary))
            return [.openConversation(row.summary.id), .markSeen(row.summary.id)]
        case .editName:
            guard let customer = state.page?.customer else { return [] }
            overlay = .prompt(Prompt(.firstName(state), text: customer.firstName))
            return []
        case .addAddress:
            guard state.page != nil else { return [] }
            overlay = .prompt(Prompt(.addAddress(state)))
            return []
        case .removeAddress:
            guard let customer = state.page?.customer else { return [] }
            guard customer.addresses.count > 1 else {
                message = StatusMessage("\(customer.primaryEmail) is their only address: add another first (+)")
                return []
            }
            overlay = .prompt(Prompt(.removeAddress(state), text: customer.addresses.last ?? ""))
            return []
        case .mergeDuplicate:
            guard let page = state.page, let twin = page.likelyDuplicates.first else {
                message = StatusMessage("No likely duplicate to merge (rapport customer merge joins any two)")
                return []
            }
            overlay = .prompt(Prompt(.mergeNote(state, from: twin)))
            return []
        case .back:
            overlay = nil
            return []
        case .redraw: return [.redraw]
        case .help:
            overlay = .help(scroll: 0)
            return []
        default: return []
        }
        overlay = .customer(state)
        return []
    }
}
