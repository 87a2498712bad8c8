import ArgumentParser
import Foundation
import RapportMail

/// The ceilings of ingest, measured apart in one process: parsing every file alone (GMime on every
/// core; ingest itself parses on one fewer, leaving one to the writer), then writing the parsed
/// batches alone into an empty store (the store's statements, one transaction per batch). Ingest
/// overlaps the two, so it cannot beat the slower one.
/// Wall and CPU seconds of each, as key=value lines for scripts/bench.
struct CeilingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ceilings", abstract: "Time parsing alone and the store's writes alone over a Maildir.")
    @Option(help: "The Maildir to read.") var maildir: String
    @Option(help: "An empty store with the bench's agents (a file or postgres://…); it is filled.") var store: String

    func run() throws {
        let ingester = MailIngester(store: try BenchStore.open(store))
        let (batches, parse) = try Stopwatch.time { try ingester.parseStage(maildirs: [maildir]) }
        let parsed = batches.reduce(0) { $0 + $1.count }
        let (stored, write) = try Stopwatch.time { try ingester.writeStage(batches) }
        print("ceiling_parse_messages=\(parsed)")
        print("ceiling_parse_seconds=\(format(parse.wall))")
        print("ceiling_parse_cpu_seconds=\(format(parse.cpu))")
        print("ceiling_write_messages=\(stored)")
        print("ceiling_write_seconds=\(format(write.wall))")
        print("ceiling_write_cpu_seconds=\(format(write.cpu))")
    }
}

/// Wall and process CPU time (user + system, every thread) of a piece of work.
enum Stopwatch {
    static func time<T>(_ body: () throws -> T) rethrows -> (T, (wall: Double, cpu: Double)) {
        let wall = DispatchTime.now().uptimeNanoseconds, cpu = cpuSeconds()
        let result = try body()
        return (result, (Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9, cpuSeconds() - cpu))
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
