import Foundation
import RapportCore

/// Cover while away: `rapport away` / `back`, the inbox's `A`. The rule (`CoverRule`) runs here on
/// this use case's clock; the store keeps the absences and the cover log.
public struct Cover: StoreUseCase {
    public let ports: Ports<any ConversationStore>

    public init(ports: Ports<any ConversationStore>) {
        self.ports = ports
    }

    /// Records that `login` is away until `until` (the moment they are back), with `cover` looking after
    /// their customers. Replaces an absence they already had.
    @discardableResult
    public func away(_ login: String, until: Date, cover: String, by agent: String) throws -> Absence {
        for name in [login, cover, agent] where try store.agent(login: name) == nil {
            throw RapportError.unknownAgent(name, known: try store.agents().map(\.login))
        }
        let others = try store.absences().filter { $0.login != login }
        try CoverRule.check(login: login, until: until, cover: cover, absences: others, now: clock())
        let absence = Absence(login: login, until: until, cover: cover, setBy: agent, since: clock())
        try store.setAbsence(absence)
        return absence
    }

    /// Ends `login`'s absence now; refused when they are not away.
    @discardableResult
    public func back(_ login: String) throws -> Absence {
        guard let ended = try store.endAbsence(login: login), ended.until > clock() else {
            throw RapportError.invalid("\(login) is not away")
        }
        return ended
    }

    /// The absences in force now, by login.
    public func current() throws -> [Absence] {
        CoverRule.active(try store.absences(), now: clock())
    }

    /// The absences `coverer` covers now: those agents' customers show in the coverer's Mine.
    public func covered(by coverer: String) throws -> [Absence] {
        CoverRule.covered(by: coverer, in: try store.absences(), now: clock())
    }

    /// The absence that lets `agent` answer a customer of `owner` now, if any.
    public func covering(owner: String?, agent: String) throws -> Absence? {
        CoverRule.covering(owner: owner, agent: agent, in: try store.absences(), now: clock())
    }

    /// What a cover reply must tell the customer about `absence` (the owner's first name, the day back).
    public func note(_ absence: Absence, timeZone: TimeZone = .current) throws -> CoverNote {
        CoverNote(absence: absence, owner: try store.agent(login: absence.login), timeZone: timeZone)
    }

    /// The replies written to the customer while covering, oldest first.
    public func log(customer: CustomerID) throws -> [CoverEntry] {
        try store.coverLog(customer: customer)
    }

    /// The start of the day `text` names (YYYY-MM-DD) in `timeZone`: when someone away is back.
    public static func backDay(_ text: String, timeZone: TimeZone = .current) throws -> Date {
        try CoverRule.backDay(text, timeZone: timeZone)
    }
}
