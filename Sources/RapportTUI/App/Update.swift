import Foundation
import RapportCore

/// The only place the inbox's state changes: applies one message and returns the work
/// (effects) the runner should do. Pure: no I/O, no clock, no terminal.
public func update(_ state: inout AppState, _ msg: AppMsg) -> [Effect] {
    let effects = state.receive(msg)
    // A thread read ahead is as fresh as the last change heard of: a change or a write forgets it.
    if msg.mayChangeThreads || effects.contains(where: \.mayChangeThreads) { state.readAhead.forget() }
    return effects
}

extension AppState {
    var layout: Layout { Layout(width: width, height: height) }
    /// Rows of the list on screen at the current size.
    var visibleRows: Int { layout.bodyHeight }

    mutating func receive(_ msg: AppMsg) -> [Effect] {
        switch msg {
        case .start:
            nextSnoozeCheck = now.addingTimeInterval(Self.snoozeCheckSeconds)
            // The agents (with the absences Mine depends on) and the first page before the first frame;
            // the counts and waking the snoozes that are due follow it (a conversation woken then reloads the list).
            return [.loadAgents, loadPage(.top(visible: visibleRows)), .loadCounts, .wakeSnoozes]

        case .key(let key):
            message = nil
            defer { refreshComposerChecks() }
            return handleKey(key)

        case let .resize(w, h):
            width = max(0, w)
            height = max(0, h)
            list.scrollToCursor(visible: visibleRows)
            if case .thread(var t) = screen {
                t.wrap(toWidth: ThreadLayout.textWidth(t, state: self))
                t.scroll = min(t.scroll, ThreadLayout.maxScroll(t, state: self))
                screen = .thread(t)
            }
            scrollComposer()
            return list.prefetch(visible: visibleRows).map(loadPage)

        case .tick(let date):
            now = date
            if let shown = message, let since = messageShownAt, date.timeIntervalSince(since) >= shown.lifetime {
                message = nil
            }
            return snoozeTick() + composerTick() + presenceTick()

        case .storeChanged:
            // Another inbox may have begun or ended a cover: the absences come with the agents.
            return refresh() + [.loadAgents]

        case .storeReachable(let reachable):
            storeUnreachable = !reachable
            // A failure said while the store was away ("Draft not saved: …") is over: say so.
            if reachable, message?.isError == true { message = StatusMessage("Connected to the store again") }
            return reachable ? refresh() : []

        case let .pageLoaded(request, page):
            // A page for a list we have left since asking is of no use.
            guard request.source == list.source else { return [] }
            list.apply(page, placement: request.placement, visible: visibleRows)
            return list.prefetch(visible: visibleRows).map(loadPage)

        case .countsLoaded(let c):
            counts = c
            return []

        case .agentsLoaded(let a):
            agents = a
            return []

        case .presenceLoaded(let marks):
            presence = marks
            return []

        case .agentLoadsLoaded(let loads):
            agentLoads = loads
            return []
        case .absencesLoaded(let a):
            return absencesLoaded(a)

        case .threadLoaded(let data):
            threadLoaded(data)
            return composerThreadLoaded()

        case .idle:
            return readAhead.ask(for: readAheadTarget).map { [$0] } ?? []

        case .threadReadAhead(let data):
            return threadReadAhead(data)

        case .assigned(let assignment):
            if var batch = assignBatch {
                batch.done.append(batch.names[assignment.customerID] ?? customerName(assignment.customerID))
                batch.made.append(assignment)
                finish(batch)
            } else {
                let name = customerName(assignment.customerID)
                lastChange = UndoableChange(.owners([assignment]), at: now, label: name)
                message = StatusMessage("\(name) → \(firstName(of: assignment.to) ?? "nobody")")
            }
            return []

        case let .assignFailed(customer, reason):
            if var batch = assignBatch {
                batch.failed.append("\(batch.names[customer] ?? customerName(customer)): \(reason)")
                finish(batch)
            } else {
                message = StatusMessage(reason, isError: true)
            }
            return []

        case let .customersFound(text, found):
            customersFound(text, found)
            return []

        case .referralRecorded(let text):
            message = StatusMessage(text)
            return refresh()

        case let .statusSet(id, status):
            statusSet(id, status)
            return []

        case .undone(let text):
            message = StatusMessage(text)
            return refresh()

        case .notice(let text):
            message = StatusMessage(text)
            return []

        case .failed(let reason):
            message = StatusMessage(reason, isError: true)
            return []

        case .composer(let msg):
            return composerReceive(msg)

        case .customers(let msg):
            return customersReceive(msg)
        }
    }

    // MARK: - Keys

    mutating func handleKey(_ key: Key) -> [Effect] {
        switch overlay {
        case .help(let scroll): return helpKey(key, scroll: scroll)
        case .picker(let picker): return pickerKey(key, picker)
        case .referral(let picker): return referralKey(key, picker)
        case .prompt(let prompt): return promptKey(key, prompt)
        case .delivery(let choice): return deliveryChoiceKey(key, choice)
        case .customer(let page): return customerPageKey(key, page)
        case nil: break
        }
        if let effects = composerKey(key) { return effects }
        let context: KeyContext = thread == nil ? .list : .thread
        if case .search = list.source, let action = keyMap.action(for: key, in: .searchResults) {
            return perform(action)
        }
        guard let action = keyMap.action(for: key, in: context) else {
            if case .paste = key { return [] }
            message = StatusMessage("no action for \(key.label) — ? for help")
            return []
        }
        return perform(action)
    }

    mutating func perform(_ action: Action) -> [Effect] {
        if thread != nil, let effects = performInThread(action) { return effects }
        switch action {
        case .moveDown: return moveCursor(by: 1)
        case .moveUp: return moveCursor(by: -1)
        case .pageDown: return moveCursor(by: max(1, visibleRows - 1))
        case .pageUp: return moveCursor(by: -max(1, visibleRows - 1))
        case .top: return cursorToTop()
        case .bottom: return cursorToBottom()
        case .open:
            // A heads-up or a thank-you is a draft waiting to be finished: open it in the composer.
            if case .view(let v) = list.source, v == .headsUp || v == .thankYou { return openComposer(.reply) }
            return openSelected()
        case .back: return back()
        case .quit:
            if list.source.isDetour { return back() }
            return [.quit]
        case .nextView: return cycleView(by: 1)
        case .previousView: return cycleView(by: -1)
        case .showView(let v): return show(v)
        case .assign: return openPicker()
        case .take: return choose(owner: agent, for: assignTargets())
        case .toggleMark: return toggleMark()
        case .cycleStatus: return cycleStatus()
        case .undo: return undoLastChange()
        case .search:
            overlay = .prompt(Prompt(.search))
            return []
        case .help:
            overlay = .help(scroll: 0)
            return []
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .toggleSidebar: return []
        case .markUnread: return markUnread()
        case .listOwner: return openOwnerPicker()
        case .snooze: return openSnoozePrompt()
        case .saveAttachment: return chooseAttachment(open: false)
        case .openAttachment: return chooseAttachment(open: true)
        case .nextConversation, .previousConversation: return []
        case .reply: return openComposer(.reply)
        case .note: return openComposer(.note)
        case .recordReferral: return openReferralPicker()
        case .newMessage: return openNewMessage()
        case .away: return startAway()
        case .decideDelivery: return openDeliveryChoice()
        case .openCustomer: return openCustomerPage()
        case .nextResult: return stepResult(by: 1)
        case .previousResult: return stepResult(by: -1)
        case .editName, .mergeDuplicate, .addAddress, .removeAddress: return []
        case .confirm, .cancel, .edit, .composer, .retryDelivery, .markDelivered: return []
        }
    }

    mutating func helpKey(_ key: Key, scroll: Int) -> [Effect] {
        let page = HelpOverlay.page(layout)
        let maxScroll = HelpOverlay.maxScroll(keyMap, layout)
        switch keyMap.action(for: key, in: .help) {
        case .moveDown: overlay = .help(scroll: min(maxScroll, scroll + 1))
        case .moveUp: overlay = .help(scroll: max(0, scroll - 1))
        case .pageDown: overlay = .help(scroll: min(maxScroll, scroll + page))
        case .pageUp: overlay = .help(scroll: max(0, scroll - page))
        case .back: overlay = nil
        case .redraw: return [.redraw]
        default: break
        }
        return []
    }

    // MARK: - Live updates

    /// Reads again what is on screen, after a change by us or by another process.
    mutating func refresh() -> [Effect] {
        var effects: [Effect] = [loadPage(list.reloadPlacement(visible: visibleRows)), .loadCounts]
        if let t = thread { effects.append(.openConversation(t.conversationID)) }
        if case .customer(let page) = overlay { effects.append(.customers(.openPage(page.customerID))) }
        effects += countSearch()
        return effects
    }

    func loadPage(_ placement: PageRequest.Placement) -> Effect {
        var query = list.source.query(agent: agent.login) ?? ConversationQuery()
        // Mine also holds the customers of the agents this one covers for while they are away.
        if list.source == .view(.mine) { query.alsoOwners = covering.map(\.login) }
        return .loadPage(PageRequest(source: list.source, query: query, placement: placement, limit: ListWindow.pageSize))
    }

    func customerName(_ id: CustomerID) -> String {
        if let row = list.rows.first(where: { $0.customerID == id }) { return row.customerName }
        if let t = thread?.target, t.customerID == id { return t.customerName }
        return "customer #\(id)"
    }
}
