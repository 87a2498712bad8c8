import Foundation
import GRDB
import RapportCore
@testable import RapportStore
import TestSupport

/// A real store file in a fresh temporary folder, with two agents.
struct TemporaryStore {
    /// Removed once the last copy of this value is gone.
    let folder: TemporaryDirectory
    var directory: URL { folder.url }
    let store: SQLiteStore
    var path: String { store.path }

    init(agents: Bool = true) throws {
        folder = try TemporaryDirectory()
        store = try SQLiteStore(path: folder.url.appendingPathComponent("store/rapport.sqlite").path, create: true)
        if agents {
            try store.addAgent(Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@example.com"))
            try store.addAgent(Agent(login: "priya", firstName: "Priya", lastName: "Raman", email: "priya@example.com"))
        }
    }

    @discardableResult
    func customer(_ first: String = "Dana", email: String = "dana@example.org", owner: String? = nil) throws -> Customer {
        try store.addCustomer(NewCustomer(firstName: first, lastName: "Whitfield", email: email, owner: owner), by: owner)
    }

    /// Row counts of every table, to show that a refused action wrote nothing.
    func tableCounts() throws -> [String: Int] {
        try store.pool.read { db in
            var counts: [String: Int] = [:]
            for table in ["agent", "customer", "customer_address", "assignment", "conversation", "message", "draft"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")
            }
            return counts
        }
    }
}
