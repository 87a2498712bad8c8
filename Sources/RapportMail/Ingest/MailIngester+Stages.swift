import Foundation
import RapportCore

/// The two stages of `MailIngester.run` one after the other instead of overlapped, for the
/// benchmark's ceilings (BENCHMARKS.md): how fast parsing alone goes on every core, and how fast the
/// store takes batches already parsed. `run` cannot be faster than the slower of the two.
extension MailIngester {
    /// Every fresh file parsed, in the batches `run` would write, nothing stored.
    public func parseStage(maildirs: [String]) throws -> [[IngestItem]] {
        var summary = IngestSummary()
        let (batches, _) = try plan(maildirs, summary: &summary)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return batches.slices.indices.map { parseAll(batches.entries($0), threads: cores) }
    }

    /// Parsed batches written as `run` writes them, one transaction each, then the run's housekeeping.
    public func writeStage(_ batches: [[IngestItem]]) throws -> Int {
        var stored = 0
        for items in batches {
            stored += try store.ingest(items, rules: rules).count { if case .ingested = $0 { true } else { false } }
        }
        try store.ingestFinished(stored: stored)
        return stored
    }
}
