import Foundation

/// A refused action: the store or a rule said no, and nothing was written.
/// The CLI maps these to exit status 1.
public enum RapportError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownAgent(String, known: [String])
    case unknownCustomer(String)
    case unknownConversation(ConversationID)
    case duplicateAgent(String)
    case addressTaken(String, byCustomer: String)
    case handoffNoteRequired(customer: String, owner: String)
    case alreadyOwner(customer: String, owner: String)
    case notOwner(customer: String, owner: String?)
    case noReplyAddress(String)
    /// The customer can only be reached at a no-reply address: no human address to answer.
    case noHumanAddress(customer: String, address: String)
    case invalid(String)
    /// A reply that does not pass the reply policy; the violations say why (at least one blocks).
    case replyPolicy([Violation])
    case notARapportStore(String)
    /// Another process held the store's write lock for longer than we wait. Not a refusal: the same
    /// command may succeed a moment later (exit status 75, EX_TEMPFAIL).
    case storeBusy(seconds: Double)
    /// SQLite read the store file as damaged; nothing was changed.
    case storeDamaged(String)

    public var description: String {
        switch self {
        case let .unknownAgent(login, known):
            let list = known.isEmpty ? "none yet (add one with `rapport agent add`)" : known.joined(separator: ", ")
            return "unknown agent '\(login)'; known agents: \(list)"
        case let .unknownCustomer(who):
            return "unknown customer '\(who)'"
        case let .unknownConversation(id):
            return "unknown conversation \(id)"
        case let .duplicateAgent(login):
            return "an agent with login '\(login)' already exists"
        case let .addressTaken(address, who):
            return "the address \(address) already belongs to \(who)"
        case let .handoffNoteRequired(customer, owner):
            return "\(customer) is looked after by \(owner); taking them over needs a handoff note"
        case let .alreadyOwner(customer, owner):
            return "\(customer) is already looked after by \(owner)"
        case let .notOwner(customer, owner):
            if let owner { return "\(customer) is looked after by \(owner); only the owner may write to them" }
            return "\(customer) has no owner yet; take them first"
        case let .noReplyAddress(address):
            return "\(address) looks like a no-reply address; every message must come from someone the customer can answer"
        case let .noHumanAddress(customer, address):
            return "no human address to answer: \(customer) wrote only from \(address), a no-reply address, and named no one "
                + "in Reply-To. Add their real address with `rapport customer import`: a row with the no-reply address as email "
                + "and the real one as email2"
        case let .invalid(why):
            return why
        case let .replyPolicy(violations):
            let reasons = violations.filter(\.blocks).map { "line \($0.line): [\($0.rule.rawValue)] \($0.message)" }
            return "reply not queued: it does not pass the reply policy (\(reasons.joined(separator: "; ")))"
        case let .notARapportStore(path):
            return "\(path) is not a Rapport store (left untouched)"
        case let .storeDamaged(reason):
            return "the store file is damaged (\(reason)); nothing was changed. `rapport store check` lists what is wrong; restore the file from a backup"
        case let .storeBusy(seconds):
            return "the store is busy: another process kept it locked for \(seconds.formatted()) s; nothing was changed, try again"
        }
    }
}
