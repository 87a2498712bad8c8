import Foundation
import RapportCore

/// Who writes what to whom and when, for every message of the synthetic Maildir, decided before
/// any file is written (cheap: a few numbers per message). Each message's text is then generated
/// from its own random stream, so files can be written in parallel and still be identical run to run.
struct MaildirPlan: Sendable {
    struct Customer: Sendable {
        var first, last, address: String
        /// The writer's UTC offset in minutes.
        var offsetMinutes: Int
        /// The agent who answers this customer (index into `agents`).
        var agent: Int
    }

    struct Thread: Sendable {
        var customer: Int32
        var topic: Int16
        var number: Int32
        /// Index of the thread's first message in `messages`.
        var first: Int32
        var length: Int16
    }

    struct Message: Sendable {
        var thread: Int32
        var position: Int16
        var fromAgent: Bool
        var date: Int64
    }

    static let agents: [(login: String, first: String, last: String, email: String)] = [
        ("ana", "Ana", "Silva", "ana@support.example"),
        ("ben", "Ben", "Okafor", "ben@support.example"),
        ("chloe", "Chloé", "Martin", "chloe@support.example"),
        ("dmitri", "Dmitri", "Volkov", "dmitri@support.example"),
        ("emma", "Emma", "Lindqvist", "emma@support.example"),
        ("farid", "Farid", "Haddad", "farid@support.example"),
    ]

    /// 2023-01-01T00:00:00Z: threads start within the two years after it.
    static let epoch: Int64 = 1_672_531_200

    let seed: UInt64
    var customers: [Customer] = []
    var threads: [Thread] = []
    var messages: [Message] = []

    init(messageCount: Int, customerCount: Int, seed: UInt64) {
        self.seed = seed
        var random = SplitMix64(seed: seed)
        let offsets = [-480, -300, -240, 0, 0, 60, 60, 120, 330, 540]
        for index in 0..<max(1, customerCount) {
            let first = random.pick(Vocabulary.firstNames), last = random.pick(Vocabulary.lastNames)
            let local = Self.ascii(first) + "." + Self.ascii(last) + String(index)
            customers.append(Customer(first: first, last: last,
                                      address: local.lowercased() + "@" + random.pick(Vocabulary.domains),
                                      offsetMinutes: random.pick(offsets), agent: index % Self.agents.count))
        }
        messages.reserveCapacity(messageCount)
        while messages.count < messageCount {
            // Lengths 1…30, mean about 4.5: most threads short, a few long back-and-forths.
            var length = 1
            while length < 30 && random.chance(0.78) { length += 1 }
            length = min(length, messageCount - messages.count)
            // A fifth of the threads come from the most active twentieth of the customers.
            let customer = random.chance(0.2) ? random.below(max(1, customers.count / 20)) : random.below(customers.count)
            let thread = Thread(customer: Int32(customer), topic: Int16(random.below(Vocabulary.topics.count)),
                                number: Int32(1000 + random.below(99_000)), first: Int32(messages.count),
                                length: Int16(length))
            var date = Self.epoch + Int64(random.below(730 * 86_400))
            var fromAgent = false
            for position in 0..<length {
                messages.append(Message(thread: Int32(threads.count), position: Int16(position), fromAgent: fromAgent,
                                        date: date))
                // Agents answer within hours; customers come back within days. Replies usually alternate.
                date += 60 + Int64(random.exponential(mean: fromAgent ? 36 * 3600 : 5 * 3600))
                fromAgent = random.chance(0.85) ? !fromAgent : fromAgent
            }
            threads.append(thread)
        }
    }

    /// Letters of a name without accents, for an email address.
    static func ascii(_ name: String) -> String {
        String(name.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.isASCII && ($0.properties.isAlphabetic) }.map(Character.init))
    }
}
