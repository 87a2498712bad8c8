import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportRuntime
import RapportStore
import RapportTUI

/// The inbox without a terminal: `rapport`'s own loop (`Program`) on an in-memory screen, effects run
/// against the store by `EffectRunner`, and the diff a terminal would receive. Times cold start to the first frame with
/// rows, then keystroke to frame (update → effects → update with their results → render → diff)
/// for moving down, paging, opening a thread (read ahead while the list settled, and typed together
/// with the move, so read before its frame) and assigning, at 200×60 (200 of each, so that a p99 is
/// not simply the slowest sample).
struct InboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", abstract: "Time the inbox in process: first frame and keystrokes at 200×60.")
    @Option(help: "The bench store (changed: assignments are made).") var store: String
    @Option(help: "The agent using the inbox.") var agent = "ana"
    @Option var width = 200
    @Option var height = 60
    @Flag(help: "Also print the time spent in each kind of store effect.") var verbose = false

    func run() throws {
        let processStart = ProcessClock.processStartUptime()
        let coldStart = DispatchTime.now().uptimeNanoseconds
        let store = try BenchStore.open(store)
        guard let me = try Agents(store: store).find(login: agent) else { throw ValidationError("no agent \(agent) in the store") }
        var inbox = BenchInbox(store: store, agent: me, width: width, height: height, timesEffects: verbose)
        // The first frame shows the first page; what follows it (counts, snoozes, reading ahead) is not timed.
        inbox.start()
        let firstFrame = Double(DispatchTime.now().uptimeNanoseconds - coldStart) / 1e6
        guard inbox.state.list.selectedRow != nil else { throw ValidationError("the first frame shows no rows") }
        inbox.settle()
        print("inbox_first_frame_ms=\(format(firstFrame))")
        if let processStart, let now = ProcessClock.uptime() {
            print("inbox_process_start_to_frame_ms=\(format((now - processStart) * 1000, digits: 0))")
        }

        // Each key is timed to its frame; the work that follows the frame (EffectSchedule: writes, counts,
        // read-ahead) is timed apart, as "settle", the way the inbox runs it before reading the next key.
        var down = Timings(), page = Timings(), open = Timings(), assign = Timings(), picker = Timings()
        var downSettle = Timings(), pageSettle = Timings(), openSettle = Timings(), assignSettle = Timings()
        for _ in 0..<300 {
            down.measure { inbox.send(.down) }
            downSettle.measure { inbox.settle() }
        }
        // 100 pages down then 100 back up: 200 samples, so that the p99 is not the slowest one.
        for key in Array(repeating: Key.pageDown, count: 100) + Array(repeating: Key.pageUp, count: 100) {
            page.measure { inbox.send(key) }
            pageSettle.measure { inbox.settle() }
        }
        inbox.send(.home)
        inbox.settle()
        let readsBefore = inbox.effects.threadReads
        for _ in 0..<200 {
            open.measure { inbox.send(.enter) }
            openSettle.measure { inbox.settle() }
            guard inbox.state.thread?.loaded == true else { throw ValidationError("Enter did not open a loaded thread") }
            inbox.send(.char("q"))
            inbox.send(.down)
            inbox.settle()
        }
        // Each open above should have come from memory; say how many read the store before their frame.
        print("key_open_read_from_store=\(inbox.effects.threadReads - readsBefore)")
        // Down and Enter typed together: one frame, and no time to read the thread ahead — the
        // open a fast typist gets, read from the store before its frame.
        var typedOpen = Timings()
        for _ in 0..<200 {
            typedOpen.measure { inbox.send(.down, .enter) }
            inbox.settle()
            guard inbox.state.thread?.loaded == true else { throw ValidationError("down, Enter did not open a loaded thread") }
            inbox.send(.char("q"))
            inbox.settle()
        }
        // Assign unassigned customers: `a` opens the picker, Enter gives the customer its first agent.
        inbox.send(.char("2"))
        inbox.settle()
        for _ in 0..<200 {
            guard inbox.state.list.selectedRow != nil else { break }
            picker.measure { inbox.send(.char("a")) }
            inbox.settle()
            assign.measure { inbox.send(.enter) }
            assignSettle.measure { inbox.settle() }
            if inbox.state.overlay != nil { inbox.send(.escape) }   // a handoff note was asked: skip
        }
        down.report("key_down", [50, 99])
        page.report("key_page", [50, 99])
        open.report("key_open", [50, 99])
        typedOpen.report("key_down_enter", [50, 99])
        assign.report("key_assign", [50, 99])
        picker.report("key_picker", [50, 99])
        downSettle.report("settle_down", [50, 99])
        pageSettle.report("settle_page", [50, 99])
        openSettle.report("settle_open", [50, 99])
        assignSettle.report("settle_assign", [50, 99])
        print("inbox_changed_cells_per_frame=\(inbox.screen.changedCells / max(1, inbox.screen.frames))")
        if let peak = Memory.peakKiB() { print("inbox_peak_rss_kib=\(peak)") }
        if verbose {
            for (kind, timings) in inbox.effects.times.sorted(by: { $0.key < $1.key }) {
                print("# effect \(kind): \(timings.samples.count)×, p50 \(format(timings.percentile(50))) ms, p99 \(format(timings.percentile(99))) ms")
            }
        }
    }
}

/// When this process started, from /proc (clock ticks since boot), to time start-up before `main`.
enum ProcessClock {
    static func uptime() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { Double($0) }
    }

    static func processStartUptime() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // Fields after the command name; starttime is field 22 overall, the 20th after ")".
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
