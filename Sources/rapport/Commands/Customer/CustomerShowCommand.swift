import ArgumentParser
import Foundation
import RapportApp
import RapportCore

extension CustomerCommand {
    /// `rapport customer show EMAIL [--json]`: the customer's page, as the inbox's `c` shows it.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A customer's page: addresses, owner, every conversation, the assignment log, referrals, heads-ups, \"same person\" figures.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Any of the customer's addresses.") var email: String
        @OptionGroup var output: ListingOutput

        func run() throws {
            let store = try global.openStore()
            let me = try global.currentAgent(store)
            let customers = Customers(store: store)
            let page = try customers.page(customer: try customers.find(email: email).id, agent: me.login)
            if output.json { return printJSON(try CustomerPageJSON(page, customers: customers)) }
            for line in CustomerPageText.lines(page) { say(SafeText.safe(line, keepNewlines: true)) }
        }
    }
}

/// The plain-text page `rapport customer show` prints.
enum CustomerPageText {
    static func lines(_ page: CustomerPage) -> [String] {
        let c = page.customer, p = page.profile
        var out = ["\(c.fullName)\(c.nameIsGuess ? " (name guessed)" : "")  \(c.isExisting ? "existing" : "new") customer since \(day(c.created))",
                   "addresses: \(c.addresses.joined(separator: ", "))",
                   "owner: \(p.owner.map { "\($0.fullName) (\($0.login))" } ?? "nobody (Unassigned)")"]
        if let by = p.referredBy { out.append("referred by: \(by.fullName) <\(by.primaryEmail)>") }
        else if let source = c.referralSource { out.append("heard of us: \(source)") }
        for r in p.referrals { out.append("referred: \(r.referredName) on \(day(r.recorded))\(r.thanked ? ", thanked" : ", not yet thanked")") }
        for e in p.upcomingEvents { out.append("heads-up: \(e.kind) from \(day(e.effectiveDate))\(e.told ? ", told" : ", due \(day(e.due))")") }
        if let h = p.health {
            out.append("same person: \(h.sameOwnerShare.map { "\(Int(($0 * 100).rounded()))% of our messages by the owner" } ?? "we never wrote")"
                       + ", \(h.ownerChangesLastYear) owner change\(h.ownerChangesLastYear == 1 ? "" : "s") this year"
                       + (h.daysSinceWeWrote.map { ", \($0) days since we wrote" } ?? ""))
        }
        for d in page.likelyDuplicates { out.append("likely the same person: \(d.fullName) <\(d.primaryEmail)> (rapport customer merge)") }
        out.append("")
        out.append("conversations (\(page.conversations.count), newest first):")
        for row in page.conversations {
            let s = row.summary
            out.append("  \(s.id)\t\(s.status.rawValue)\t\(day(s.lastActivity))\t\(writer(row.lastWriter))\t\(s.subject)")
        }
        out.append("")
        out.append("assignment log:")
        for a in page.assignments {
            out.append("  \(day(a.at))  \(a.from ?? "—") → \(a.to ?? "—")  by \(a.by)\(a.note.map { "  “\($0)”" } ?? "")")
        }
        return out
    }

    static func writer(_ w: CustomerConversation.LastWriter) -> String {
        switch w {
        case .nobody: "—"
        case .customer: "customer wrote last"
        case .agent(let login?): "\(login) wrote last"
        case .agent(nil): "not sent by Rapport"
        }
    }

    static func day(_ date: Date) -> String { date.formatted(.iso8601.year().month().day()) }
}

/// `rapport customer show --json` (README, "JSON fields": customer page).
struct CustomerPageJSON: Encodable {
    let customer: CustomerJSON
    let conversations: [Row]
    let assignments: [AssignmentJSON]
    let referred: [Referred]
    let headsUps: [HeadsUp]
    let samePerson: SamePerson
    let likelyDuplicates: [String]

    struct Row: Encodable {
        let id: Int64
        let subject, status: String
        let lastActivity: Date
        let messages: Int
        let unread: Bool
        @EncodedAsNull var waitingSince: Date?
        /// "customer", an agent's login, or null (no message yet, or mail only claiming an agent's address).
        @EncodedAsNull var lastWriter: String?
    }
    struct Referred: Encodable {
        let name: String
        let recorded: Date
        let thanked: Bool
    }
    struct HeadsUp: Encodable {
        let kind: String
        let effectiveDate, due: Date
        let told: Bool
    }
    struct SamePerson: Encodable {
        @EncodedAsNull var ownerShare: Double?
        let ownerChangesLastYear: Int
        @EncodedAsNull var daysSinceWeWrote: Int?
    }

    init(_ page: CustomerPage, customers: Customers) throws {
        let c = page.customer, p = page.profile
        customer = try CustomerJSON(c, in: customers)
        conversations = page.conversations.map { row in
            let s = row.summary
            let writer: String? = switch row.lastWriter {
            case .nobody: nil
            case .customer: "customer"
            case .agent(let login): login
            }
            return Row(id: s.id, subject: s.subject, status: s.status.rawValue, lastActivity: s.lastActivity,
                       messages: s.messageCount, unread: s.unread, waitingSince: s.waitingOnUsSince, lastWriter: writer)
        }
        assignments = page.assignments.map {
            AssignmentJSON(customer: c.primaryEmail, from: $0.from, to: $0.to, by: $0.by, note: $0.note, at: $0.at)
        }
        referred = p.referrals.map { Referred(name: $0.referredName, recorded: $0.recorded, thanked: $0.thanked) }
        headsUps = p.upcomingEvents.map { HeadsUp(kind: $0.kind, effectiveDate: $0.effectiveDate, due: $0.due, told: $0.told) }
        samePerson = SamePerson(ownerShare: p.health?.sameOwnerShare, ownerChangesLastYear: p.health?.ownerChangesLastYear ?? 0,
                                daysSinceWeWrote: p.health?.daysSinceWeWrote)
        likelyDuplicates = page.likelyDuplicates.map(\.primaryEmail)
    }
}
