import ArgumentParser
import Foundation
import RapportStore

/// Gives an ingested bench store owners and a mix of statuses (the SQL is each adapter's `applyBenchFixture`).
struct FixtureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixture", abstract: "Assign owners (the agent who answered) and spread statuses in a bench store.")
    @Option(help: "The store to change.") var store: String

    func run() throws {
        let start = Date()
        let (owned, customers) = try BenchStore.applyFixture(store)
        print("fixture_customers=\(customers)")
        print("fixture_owned=\(owned)")
        print("fixture_seconds=\(format(Date().timeIntervalSince(start)))")
    }
}
