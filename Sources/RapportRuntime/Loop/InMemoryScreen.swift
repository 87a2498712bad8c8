import RapportTUI

/// A `Screen` in memory, for tests and the benchmark: events are scripted, nothing waits.
///
/// `read` hands out the scripted events in order and returns nil at once when none is left, so
/// `Program.runUntilIdle()` stops instead of waiting for a person. The last frame drawn is kept,
/// to be read as text lines, and so is the diff a terminal would have been sent.
public final class InMemoryScreen: Screen {
    public private(set) var size: (width: Int, height: Int)
    /// The last frame drawn.
    public private(set) var frame: CellBuffer?
    /// Frames drawn, and cells that changed from one to the next (what a terminal would write).
    public private(set) var frames = 0
    public private(set) var changedCells = 0
    /// Times the loop gave the screen away (`suspend`, Ctrl-Z) or asked for a full repaint.
    public private(set) var suspensions = 0
    public private(set) var invalidations = 0
    private var script: [ScreenEvent] = []
    private var next = 0

    public init(width: Int, height: Int) {
        size = (width, height)
    }

    /// The last frame as text, one string per row, trailing blanks dropped.
    public var lines: [String] {
        frame?.lines() ?? []
    }

    /// The last frame as one string, rows joined by newlines: handy for `contains` and failure messages.
    public var text: String {
        lines.joined(separator: "\n")
    }

    // MARK: - Scripting

    /// Queues events for the loop to read.
    public func send(_ events: ScreenEvent...) {
        script += events
    }

    /// Queues keys for the loop to read.
    public func press(_ keys: Key...) {
        script += keys.map(ScreenEvent.key)
    }

    /// Queues each character of `text` as a key, as a person typing it.
    public func type(_ text: String) {
        script += text.map { ScreenEvent.key(.char($0)) }
    }

    /// Resizes the screen when the loop reads this event, as a terminal window being resized does.
    public func resize(width: Int, height: Int) {
        script.append(.resize(width: width, height: height))
    }

    /// True when every scripted event has been read.
    public var isDrained: Bool { next == script.count }

    // MARK: - Screen

    public func draw(_ frame: CellBuffer) {
        changedCells += frame.diff(from: self.frame).count
        frames += 1
        self.frame = frame
    }

    public func read(timeout milliseconds: Int32) -> ScreenEvent? {
        guard next < script.count else { return nil }
        let event = script[next]
        next += 1
        if case let .resize(width, height) = event { size = (width, height) }
        if next == script.count {   // keep the script from growing without end in long benchmark runs
            script = []
            next = 0
        }
        return event
    }

    public func invalidate() {
        invalidations += 1
        frame = nil
    }

    public func suspend() { suspensions += 1 }
    public func resume() {}
    public func stopForShell() { suspensions += 1 }
}
