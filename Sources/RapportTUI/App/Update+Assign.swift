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

    mutating func openPicker() -> [Effect] {
        let targets = assignTargets()
        guard !targets.isEmpty else {
            message = StatusMessage("Nothing to assign here")
            return []
        }
        overlay = .picker(AgentPicker(targets: targets))
        return agents.isEmpty ? [.loadAgents] : []
    }

    mutating func pickerKey(_ key: Key, _ picker: AgentPicker) -> [Effect] {
        var picker = picker
        let matches = picker.matches(agents)
        switch keyMap.action(for: key, in: .picker) {
        case .moveUp:
            picker.selected = max(0, picker.selected - 1)
        case .moveDown:
            picker.selected = min(max(0, matches.count - 1), picker.selected + 1)
        case .confirm:
            guard matches.indices.contains(picker.selected) else {
                message = StatusMessage("No agent matches “\(picker.filter)”", isError: true)
                return []
            }
            overlay = nil
            return choose(owner: matches[picker.selected], for: picker.targets)
        case .cancel:
            overlay = nil
            return []
        case .deleteBackward:
            if !picker.filter.isEmpty { picker.filter.removeLast() }
            picker.selected = 0
        case .clearLine:
            picker.filter = ""
            picker.selected = 0
        case .redraw:
            return [.redraw]
        default:
            guard let typed = key.typedText else { return [] }   // a character, or a pasted line
            picker.filter += typed
            picker.selected = 0
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

    /// Sends the assignments, then reads the screen again.
    mutating func commit(_ pending: PendingAssignment, note: String?) -> [Effect] {
        let handedOver = Set(pending.handovers.map(\.customerID))
        let effects: [Effect] = pending.targets.map { target in
            .assign(customer: target.customerID, to: pending.to.login,
                    note: handedOver.contains(target.customerID) ? note : nil)
        }
        assignBatch = AssignBatch(to: pending.to, targets: pending.targets)
        marks = [:]
        return effects + refresh()
    }

    /// Reports a batch once every result is in.
    mutating func finish(_ batch: AssignBatch) {
        guard batch.isComplete else {
            assignBatch = batch
            return
        }
        assignBatch = nil
        let who = batch.to.login == agent.login ? "you" : batch.to.firstName
        if batch.failed.isEmpty {
            message = StatusMessage(batch.done.count == 1
                ? "\(batch.done[0]) is now looked after by \(who)"
                : "\(batch.done.count) customers are now looked after by \(who)")
        } else {
            let done = batch.done.isEmpty ? "" : "\(batch.done.count) assigned; "
            message = StatusMessage(done + "refused: " + batch.failed.joined(separator: "; "), isError: true)
        }
    }
}
