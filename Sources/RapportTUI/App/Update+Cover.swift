import Foundation
import RapportCore

/// Cover while away: `A` for one's own absence, and Mine following the absences as they load.
extension AppState {
    /// `A`: asks the day one is back (then who covers), or, while away, whether one is back.
    mutating func startAway() -> [Effect] {
        if let mine = CoverRule.absence(of: agent.login, in: absences, now: now) {
            overlay = .prompt(Prompt(.back(mine, coverName: firstName(of: mine.cover) ?? mine.cover)))
        } else {
            overlay = .prompt(Prompt(.awayUntil))
        }
        return []
    }

    /// The day typed: the picker for the coverer follows (only agents who are here).
    mutating func awayUntilTyped(_ text: String) -> [Effect] {
        let until: Date
        do {
            until = try CoverRule.backDay(text, timeZone: timeZone)
            guard until > now else { throw RapportError.invalid("the day you are back must be in the future") }
        } catch {
            message = StatusMessage("\((error as? RapportError)?.description ?? "\(error)") (Esc cancels)", isError: true)
            return []
        }
        overlay = .picker(AgentPicker(.cover(until: until)))
        return agents.isEmpty ? [.loadAgents] : []
    }

    mutating func goAway(until: Date, cover: Agent) -> [Effect] {
        guard cover.login != agent.login else {
            message = StatusMessage("Choose someone else to cover for you", isError: true)
            return []
        }
        let day = CoverNote(ownerName: "", back: until, timeZone: timeZone).backDay
        message = StatusMessage("Away until \(day): \(cover.firstName) looks after your customers")
        return [.goAway(until: until, cover: cover.login)]
    }

    /// New absences: when whom this agent covers for changed, Mine is read again with them.
    mutating func absencesLoaded(_ loaded: [Absence]) -> [Effect] {
        let before = covering.map(\.login)
        absences = loaded
        guard covering.map(\.login) != before else { return [] }
        var effects: [Effect] = [.loadCounts]
        if list.source == .view(.mine) { effects.append(loadPage(list.reloadPlacement(visible: visibleRows))) }
        return effects
    }

    /// "covering for Sam" on a row of a customer whose owner this agent covers for.
    func coverMark(_ row: ConversationSummary) -> String? {
        guard let owner = row.ownerLogin, owner != agent.login, covering.contains(where: { $0.login == owner }) else {
            return nil
        }
        return "covering for \(firstName(of: owner) ?? owner)"
    }
}
