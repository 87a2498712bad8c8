import Foundation
import RapportCore

/// Heads-up work: market-norm events (rate increases, fees, policy changes) become one personal
/// draft per affected customer, from their owner, due before the change.
public struct HeadsUps: StoreUseCase {
    public let ports: Ports<any WorkflowStore>

    public init(ports: Ports<any WorkflowStore>) {
        self.ports = ports
    }

    /// Reads the rows of a heads-up CSV: kinds must have a template, customers must be known.
    public func read(_ table: CSVTable, leadDays: Int) throws -> (rows: [HeadsUpImport.Row], problems: [ImportProblem]) {
        let kinds = try PreparedMessages.headsUpKinds()
        return try HeadsUpImport.read(table, leadDays: leadDays, knownKinds: kinds) { try store.customer(email: $0) != nil }
    }

    /// Imports the rows in one transaction, each new event with its prepared draft; an event imported
    /// before (same customer, kind and date) creates nothing. Returns how many events were new.
    @discardableResult
    public func `import`(_ rows: [HeadsUpImport.Row]) throws -> Int {
        try store.importHeadsUps(rows) { row, customer, owner in
            try PreparedMessages.headsUp(row, customer: customer, owner: owner)
        }
    }

    /// Per event kind and date: affected, told, pending, overdue.
    public func status() throws -> [HeadsUpStatusRow] {
        try store.headsUpStatus(now: clock())
    }
}
