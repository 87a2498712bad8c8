import ArgumentParser
import Foundation
import RapportStore

/// How much a corpus gives the search index: distinct terms and terms per message (BENCHMARKS.md
/// describes both shapes with these).
struct IndexStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index-stats", abstract: "Distinct indexed terms and terms per message of an ingested store.")
    @Option(help: "The store to read.") var store: String

    func run() throws {
        let stats = try SQLiteStore(path: store).searchIndexStatistics()
        print("index_messages=\(stats.messages)")
        print("index_terms=\(stats.terms)")
        print("index_term_message_pairs=\(stats.pairs)")
        print("index_terms_per_message=\(format(Double(stats.pairs) / Double(max(1, stats.messages)), digits: 1))")
    }
}
