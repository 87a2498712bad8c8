import RapportCore

/// Ownership: the agent picker (`a`), take (`t`), the handoff note, bulk assignment.
extension AppState {
    /// The customers an assignment applies to: in a conversation, its customer; on the list,
    /// every marked row's customer, else the row under the cursor.
    func assignTargets() -> [AssignTarget] {
        if let t = thread { return t.target.map { [$0] } ?? [] }
        if !marks.isEmpty {
            var seen = Set<CustomerID>()
            return marks.values
                .sorted { ($0.customerName, $0.customerID) < ($1.customerName, $1.customerID) }
                .filter { seen.insert($0.customerID).inserted }
        }
        return list.selectedRow.map { [AssignTarget($0)] } ?? []
    }

    /// `o`: the agent picker, to list one agent's open and pending conversations.
    mutating func openOwnerPicker() -> [Effect] {
        overlay = .picker(AgentPicker(.listOwner))
        return (agents.isEmpty ? [.loadAgents] : []) + [.loadAgentLoads]
    }

    mutating func openPicker() -> [Effect] {
        let targets = assignTargets()
        guard !targets.isEmpty else {
            message = StatusMessage("Nothing to assign here")
            return []
        }
        overlay = .picker(AgentPicker(.assign(targets)))
        return (agents.isEmpty ? [.loadAgents] : []) + [.loadAgentLoads]
    }

    mutating func pickerKey(_ key: Key, _ picker: AgentPicker) -> [Effect] {
        var picker = picker
        let matches = picker.matches(agents), noMatch = "No agent matches “\(picker.filter)”"
        switch overlayPickerKey(key, &picker, choices: matches, noChoice: noMatch) {
        case .chosen(let agent):
            switch picker.purpose {
            case .assign(let targets): return choose(owner: agent, for: targets)
            case .listOwner:
                return switchList(to: .owner(login: agent.login, name: agent.fullName.isEmpty ? agent.login : agent.fullName),
                                  keepingCursor: nil)
            case .cover(let until): return goAway(until: until, cover: agent)
            }
        case .done(let effects): return effects
        case .moved: break
        }
        overlay = .picker(picker)
        return []
    }

    /// Gives `owner` the targets. Customers another agent looks after are a handover,
    /// which waits for a handoff note.
    mutating func choose(owner: Agent, for targets: [AssignTarget]) -> [Effect] {
        guard !targets.isEmpty else {
            message = StatusMessage("Nothing to assign here")
            return []
        }
        let pending = PendingAssignment(targets: targets.filter { $0.ownerLogin != owner.login }, to: owner)
        guard !pending.targets.isEmpty else {
            let already = owner.login == agent.login ? "already yours" : "already with \(owner.firstName)"
            message = StatusMessage(targets.count == 1 ? "\(targets[0].customerName) is \(already)"
                                                       : "All \(targets.count) are \(already)")
            return []
        }
        if !pending.handovers.isEmpty {
            overlay = .prompt(Prompt(.handoffNote(pending)))
            return []
        }
        return commit(pending, note: nil)
    }

    /// Shows the new owner at once, sends the assignments, then reads the screen again. The store has
    /// the last word: a refused assignment is reported and the reload puts the real owner back.
    mutating func commit(_ pending: PendingAssignment, note: String?) -> [Effect] {
        let handedOver = Set(pending.handovers.map(\.customerID))
        let effects: [Effect] = pending.targets.map { target in
            .assign(customer: target.customerID, to: pending.to.login,
                    note: handedOver.contains(target.customerID) ? note : nil)
        }
        showOwner(pending.to, of: Set(pending.targets.map(\.customerID)))
        assignBatch = AssignBatch(to: pending.to, targets: pending.targets)
        message = StatusMessage(AssignBatch.doneText(pending.targets.map(\.customerName), to: ownerWord(pending.to)))
        marks = [:]
        return effects + refresh()
    }

    /// The owner of these customers on the rows and the open thread, before the store confirms it.
    mutating func showOwner(_ owner: Agent, of customers: Set<CustomerID>) {
        for i in list.rows.indices where customers.contains(list.rows[i].customerID) {
            list.rows[i].ownerLogin = owner.login
            list.rows[i].ownerFirstName = owner.firstName
        }
        if case .thread(var t) = screen, let id = t.target?.customerID, customers.contains(id) {
            t.summary?.ownerLogin = owner.login
            t.summary?.ownerFirstName = owner.firstName
            t.profile?.customer.owner = owner.login
            t.profile?.owner = owner
            screen = .thread(t)
        }
    }

    func ownerWord(_ owner: Agent) -> String {
        owner.login == agent.login ? "you" : owner.firstName
    }

    /// Reports a batch once every result is in.
    mutating func finish(_ batch: AssignBatch) {
        guard batch.isComplete else {
            assignBatch = batch
            return
        }
        assignBatch = nil
        if !batch.made.isEmpty {
            let label = batch.made.count == 1 ? batch.names[batch.made[0].customerID] ?? customerName(batch.made[0].customerID)
                                              : "\(batch.made.count) customers"
            lastChange = UndoableChange(.owners(batch.made), at: now, label: label)
        }
        if batch.failed.isEmpty {
            message = StatusMessage(AssignBatch.doneText(batch.done, to: ownerWord(batch.to)))
        } else {
            let done = batch.done.isEmpty ? "" : "\(batch.done.count) assigned; "
            message = StatusMessage(done + "refused: " + batch.failed.joined(separator: "; "), isError: true)
        }
    }
}
