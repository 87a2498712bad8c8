import ArgumentParser
import Foundation
import RapportCore
import RapportRuntime
import RapportStore
import RapportTUI

/// The inbox without a terminal: the real `update` and `render`, effects run against the store by
/// `InboxStoreEffects`, and the diff a terminal would receive. Times cold start to the first frame with
/// rows, then keystroke to frame (update → effects → update with their results → render → diff)
/// for moving down, paging, opening a thread and assigning, at 200×60 (200 opens and assignments, so
/// that a p99 is not simply the slowest sample).
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
        let store = try SQLiteStore(path: store)
        guard let me = try store.agent(login: agent) else { throw ValidationError("no agent \(agent) in the store") }
        var inbox = BenchInbox(store: store, agent: me, width: width, height: height)
        inbox.timesEffects = verbose
        inbox.send(.start)
        inbox.settle()
        let firstFrame = Double(DispatchTime.now().uptimeNanoseconds - coldStart) / 1e6
        guard inbox.state.list.selectedRow != nil else { throw ValidationError("the first frame shows no rows") }
        print("inbox_first_frame_ms=\(format(firstFrame))")
        if let processStart, let now = ProcessClock.uptime() {
            print("inbox_process_start_to_frame_ms=\(format((now - processStart) * 1000, digits: 0))")
        }

        // Each key is timed to its frame; the work that follows the frame (EffectSchedule: writes, counts,
        // read-ahead) is timed apart, as "settle", the way the inbox runs it before reading the next key.
        var down = Timings(), page = Timings(), open = Timings(), assign = Timings(), picker = Timings()
        var downSettle = Timings(), pageSettle = Timings(), openSettle = Timings(), assignSettle = Timings()
        for _ in 0..<300 {
            down.measure { inbox.send(.key(.down)) }
            downSettle.measure { inbox.settle() }
        }
        for _ in 0..<60 {
            page.measure { inbox.send(.key(.pageDown)) }
            pageSettle.measure { inbox.settle() }
        }
        inbox.send(.key(.home))
        inbox.settle()
        for _ in 0..<200 {
            open.measure { inbox.send(.key(.enter)) }
            openSettle.measure { inbox.settle() }
            guard inbox.state.thread?.loaded == true else { throw ValidationError("Enter did not open a loaded thread") }
            inbox.send(.key(.char("q")))
            inbox.send(.key(.down))
            inbox.settle()
        }
        // Assign unassigned customers: `a` opens the picker, Enter gives the customer its first agent.
        inbox.send(.key(.char("2")))
        inbox.settle()
        for _ in 0..<200 {
            guard inbox.state.list.selectedRow != nil else { break }
            picker.measure { inbox.send(.key(.char("a"))) }
            inbox.settle()
            assign.measure { inbox.send(.key(.enter)) }
            assignSettle.measure { inbox.settle() }
            if inbox.state.overlay != nil { inbox.send(.key(.escape)) }   // a handoff note was asked: skip
        }
        down.report("key_down", [50, 99])
        page.report("key_page", [50, 99])
        open.report("key_open", [50, 99])
        assign.report("key_assign", [50, 99])
        picker.report("key_picker", [50, 99])
        downSettle.report("settle_down", [50, 99])
        pageSettle.report("settle_page", [50, 99])
        openSettle.report("settle_open", [50, 99])
        assignSettle.report("settle_assign", [50, 99])
        print("inbox_changed_cells_per_frame=\(inbox.changedCells / max(1, inbox.frames))")
        if let peak = Memory.peakKiB() { print("inbox_peak_rss_kib=\(peak)") }
        if verbose {
            for (kind, timings) in inbox.effectTimes.sorted(by: { $0.key < $1.key }) {
                print("# effect \(kind): \(timings.samples.count)×, p50 \(format(timings.percentile(50))) ms, p99 \(format(timings.percentile(99))) ms")
            }
        }
    }
}

/// The inbox loop of `rapport` (Sources/rapport/Inbox/InboxLoop.swift) without the terminal:
/// every message goes through `update`, the effects the frame needs are run at once, then one frame
/// is drawn and diffed; `settle` runs the effects that waited for the frame and draws again.
struct BenchInbox {
    var state: AppState
    /// The same store effects as `rapport`'s effect runner; those needing the terminal or the composer do nothing.
    let effects: InboxStoreEffects
    /// Time each kind of effect (`--verbose`); off, nothing but the effect runs inside a key's timing.
    var timesEffects = false
    var schedule = EffectSchedule()
    var previous: CellBuffer?
    var frames = 0
    var changedCells = 0
    var effectTimes: [String: Timings] = [:]

    init(store: SQLiteStore, agent: Agent, width: Int, height: Int) {
        state = AppState(agent: agent, width: width, height: height, now: Date())
        effects = InboxStoreEffects(store: store, agent: agent)
    }

    /// One message to its frame.
    mutating func send(_ msg: AppMsg) {
        drain([msg])
        draw()
    }

    /// The work that followed the frame, with a frame after each round of it.
    mutating func settle() {
        while schedule.hasWaiting {
            var queue: [AppMsg] = []
            for effect in schedule.takeWaiting() { queue += perform(effect) }
            drain(queue)
            draw()
        }
    }

    private mutating func drain(_ messages: [AppMsg]) {
        var queue = messages
        while !queue.isEmpty {
            for effect in update(&state, queue.removeFirst()) {
                if let now = schedule.admit(effect) { queue += perform(now) }
            }
        }
    }

    private mutating func perform(_ effect: Effect) -> [AppMsg] {
        guard timesEffects else { return effects.perform(effect) ?? [] }
        let kind = String(String(describing: effect).prefix { $0 != "(" })
        let effects = effects
        return effectTimes[kind, default: Timings()].measure { effects.perform(effect) ?? [] }
    }

    private mutating func draw() {
        var frame = CellBuffer(width: state.width, height: state.height)
        render(state, into: &frame)
        changedCells += frame.diff(from: previous).count
        frames += 1
        previous = frame
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
