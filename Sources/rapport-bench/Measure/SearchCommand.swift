import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportStore

/// Search latency through the list query the inbox's `/` runs (`Conversations.page`): the twenty fixed
/// queries, each alone and with the owner + status filters of the "Mine" view, first page of 50.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Time the twenty fixed searches through ConversationStore.")
    @Option(help: "The bench store.") var store: String
    @Option(help: "The agent whose view is filtered (owner).") var agent = "ana"
    @Option(help: "Timed rounds over the twenty queries (after one warm-up round).") var rounds = 5
    @Flag(help: "Print each query's timing and result count.") var verbose = false

    func run() throws {
        let conversations = Conversations(store: try BenchStore.open(store))
        let queries = Vocabulary.searchQueries
        let filtered = { (text: String) in
            ConversationQuery(owner: .agent(agent), statuses: [.open, .pending], text: text)
        }
        var alone = Timings(), withFilters = Timings()
        var counts: [String: (Int, Int)] = [:]
        for round in 0...rounds {
            for text in queries {
                var a = Timings(), f = Timings()
                let hits = try a.measure {
                    try conversations.page(ConversationQuery(text: text), from: nil, direction: .after, limit: 50, agent: agent)
                }
                let filteredHits = try f.measure {
                    try conversations.page(filtered(text), from: nil, direction: .after, limit: 50, agent: agent)
                }
                counts[text] = (hits.count, filteredHits.count)
                guard round > 0 else { continue }   // round 0 warms the page cache
                alone.add(a.samples[0])
                withFilters.add(f.samples[0])
                if verbose && round == rounds {
                    print("# \(text): \(format(a.samples[0])) ms (\(hits.count) rows), filtered \(format(f.samples[0])) ms (\(filteredHits.count) rows)")
                }
            }
        }
        alone.report("search_alone", [50, 95])
        withFilters.report("search_filtered", [50, 95])
        print("search_queries_with_hits=\(counts.values.filter { $0.0 > 0 }.count)")
    }
}
