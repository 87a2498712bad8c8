import Foundation
import RapportApp
import RapportCore
import RapportMail
import RapportStore

/// Fills a store with the demo's agents, customers and conversations.
/// The content is the same on every machine (a fixed seed); dates are placed relative to `now`
/// so that ages in the inbox look like a real working week.
struct DemoSeeder {
    let store: SQLiteStore
    let now: Date
    private let content = DemoContent.bundled
    private var random = SplitMix64(seed: 20_261_122)

    init(store: SQLiteStore, now: Date) {
        self.store = store
        self.now = now
    }

    struct Summary { var agents = 0, customers = 0, conversations = 0, messages = 0, unassigned = 0 }

    /// Seeds an empty store; a store that already has agents is left as it is.
    mutating func seedIfEmpty() throws -> Summary? {
        guard try Agents(store: store).list().isEmpty else { return nil }
        return try seed()
    }

    private mutating func seed() throws -> Summary {
        var summary = Summary()
        for agent in content.agents { try Agents(store: store).add(agent) }
        summary.agents = content.agents.count
        let agents = content.agents
        var customers: [Customer] = []
        for (index, person) in content.customers.enumerated() {
            // Every sixth customer is new and waits in Unassigned; the rest are spread over the team.
            let isNew = index % 6 == 5
            let owner = isNew ? nil : agents[index % agents.count].login
            let created = day(-random.int(120...900))
            var customer = try Customers(store: store).add(
                NewCustomer(firstName: person.firstName, lastName: person.lastName, email: person.email, owner: owner,
                            isExisting: !isNew, created: created), by: owner)
            if let second = person.secondEmail {
                try Customers(store: store).addAddress(second, to: customer.id)
                customer.addresses.append(second)
            }
            customers.append(customer)
            if isNew { summary.unassigned += 1 }
        }
        summary.customers = customers.count
        try handOverSome(customers)
        for (index, customer) in customers.enumerated() {
            let count = customer.isExisting ? random.int(2...4) : random.int(1...2)
            for n in 0..<count {
                let topic = content.topics[(index * 5 + n * 3) % content.topics.count]
                summary.messages += try converse(customer, topic: topic, isNew: !customer.isExisting)
                summary.conversations += 1
            }
        }
        try recordReferrals(customers)
        try planHeadsUps(customers)
        // The team has read everything up to this morning; what came in since shows as unread.
        for agent in agents { try store.markAllSeen(agent: agent.login, at: now.addingTimeInterval(-6 * 3600)) }
        return summary
    }

    /// Writes this morning's mail into a Maildir beside the store and ingests it through the real path:
    /// new customers' first messages and replies into existing threads.
    func deliverMorningMail(to root: String) throws -> IngestSummary {
        var threads: [(customer: Customer, subject: String, lastMessageID: String?)] = []
        let all = try Customers(store: store).list(owner: .anyone).filter(\.isExisting).sorted { $0.id < $1.id }
        for customer in [0, 3, 7, 12, 20, 26].compactMap({ all.indices.contains($0) ? all[$0] : nil }) {
            let page = try store.conversations(ConversationQuery(owner: customer.owner.map { .agent($0) } ?? .anyone),
                                               from: nil, direction: .after, limit: 200, agent: "")
            guard let conversation = page.first(where: { $0.customerID == customer.id }) else { continue }
            let last = try store.messages(conversation: conversation.id).last { $0.direction != .note }
            // Recent threads are answered by subject alone (the 30-day subject rule threads them); older ones by headers.
            let byHeaders = now.timeIntervalSince(conversation.lastActivity) > 20 * 86_400 || threads.count % 2 == 0
            threads.append((customer, conversation.subject, byHeaders ? last?.messageID : nil))
        }
        try DemoMaildir(root: root, now: now).write(replyingTo: threads)
        return try Ingest(store: store).file(maildirs: [root])
    }

    /// A few customers changed hands, with a handoff note, so the log and the sidebar have history.
    private func handOverSome(_ customers: [Customer]) throws {
        let notes = [
            "Priya is on leave until June; Dana's renewal is due in May.",
            "Moving Tom to Mei: she knows the plumbing-trade policies best.",
            "Grace asked for someone who works mornings.",
        ]
        for (offset, index) in [0, 3, 4].enumerated() {
            let customer = customers[index]
            guard let from = customer.owner else { continue }
            let to = content.agents[(content.agents.firstIndex { $0.login == from }! + 1) % content.agents.count].login
            let ownership = Ownership(store: store)
            try ownership.assign(customer: customer.id, to: to, by: from, note: notes[offset])
            let name = content.agents.first { $0.login == from }?.firstName ?? from
            try ownership.assign(customer: customer.id, to: from, by: to, note: "Back to \(name) — thanks for covering.")
        }
    }

    /// One conversation following a topic's script; returns how many messages it wrote.
    private mutating func converse(_ customer: Customer, topic: DemoTopic, isNew: Bool) throws -> Int {
        let owner = customer.owner.flatMap { login in content.agents.first { $0.login == login } }
        // New customers have only written to us; existing ones have some back and forth.
        let turns = isNew ? 1 : random.int(1...min(8, topic.turns.count))
        var at = now.addingTimeInterval(-Double(random.int(1...(isNew ? 48 : 24 * 60))) * 3600)
        let conversation = try store.startConversation(customer: customer.id, subject: topic.subject, at: at)
        var lastMessageID: String?
        var references: [String] = []
        for turn in 0..<turns {
            let fromCustomer = turn % 2 == 0
            let author = fromCustomer ? nil : (random.chance(85) ? owner : content.agents[random.int(0...4)])
            let text = topic.turns[turn]
                .replacingOccurrences(of: "{first}", with: customer.firstName)
                .replacingOccurrences(of: "{agent}", with: author?.firstName ?? "Sam")
            let address = fromCustomer
                ? (customer.addresses.count > 1 && random.chance(40) ? customer.addresses[1] : customer.primaryEmail)
                : author?.email ?? content.agents[0].email
            let messageID = "demo-\(conversation.id)-\(turn)@harborlane.example"
            try store.appendMessage(NewMessage(
                conversationID: conversation.id, direction: fromCustomer ? .inbound : .outbound,
                author: author?.login, from: address,
                to: [fromCustomer ? (owner?.email ?? "hello@harborlane.example") : customer.primaryEmail],
                subject: turn == 0 ? topic.subject : Subject.reply(to: topic.subject), text: text,
                messageID: messageID, inReplyTo: lastMessageID, references: references, date: at))
            if let lastMessageID { references.append(lastMessageID) }
            lastMessageID = messageID
            at = min(now, at.addingTimeInterval(Double(random.int(1...30)) * 3600))
        }
        if !isNew, turns >= 2, random.chance(25), let owner {
            try store.appendMessage(NewMessage(
                conversationID: conversation.id, direction: .note, author: owner.login, from: owner.email,
                subject: topic.subject, text: "\(customer.firstName) prefers a call after 5pm for anything urgent.",
                date: at))
        }
        // Last word ours: waiting on the customer, or done. Last word theirs: open.
        if turns % 2 == 0 {
            try Conversations(store: store).setStatus(random.chance(50) ? .pending : .closed, of: conversation.id)
        }
        return turns
    }

    private mutating func recordReferrals(_ customers: [Customer]) throws {
        // (referred, referrer, coupon) by index into the cast; each referrer's owner gets a thank-you draft.
        for (referred, referrer, coupon) in [(5, 0, "THANKS-DANA"), (11, 0, nil), (17, 8, nil), (23, 15, "FRIEND10"),
                                             (29, 4, nil)] as [(Int, Int, String?)] {
            let at = day(-random.int(2...20))
            try Referrals(store: store, clock: { at })
                .record(customer: customers[referred].id, referrer: customers[referrer].id, source: nil, coupon: coupon)
        }
        let radio = day(-3)
        try Referrals(store: store, clock: { radio }).record(customer: customers[35].id, referrer: nil, source: "local radio")
    }

    private func planHeadsUps(_ customers: [Customer]) throws {
        let events: [(Int, String, Int, String)] = [
            (1, "rate-increase", 12, "Home insurance premiums rise 6% at renewal because rebuilding costs went up."),
            (2, "rate-increase", 12, "Home insurance premiums rise 6% at renewal because rebuilding costs went up."),
            (7, "fee", 20, "A 2 monthly paper-statement fee starts; e-statements stay free."),
            (13, "overdraft", 5, "The arranged overdraft rate moves from 15.9% to 17.9%."),
            (19, "policy-change", 30, "Windscreen repairs no longer count as a claim."),
            (10, "rate-increase", 3, "Contents insurance premiums rise 4% at renewal."),
        ]
        let rows = events.enumerated().map { line, event in
            HeadsUpImport.Row(line: line + 2, email: customers[event.0].primaryEmail, kind: event.1,
                              effectiveDate: day(event.2), details: event.3, leadDays: 7)
        }
        try HeadsUps(store: store, clock: { now }).import(rows)
    }

    private func day(_ offset: Int) -> Date {
        let start = Calendar(identifier: .gregorian).startOfDay(for: now)
        return start.addingTimeInterval(Double(offset) * 86_400 + 9 * 3600)
    }
}

