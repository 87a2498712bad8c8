/// What a screen reports to the loop.
public enum ScreenEvent: Sendable, Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP arrived; the loop should stop and hand the screen back.
    case signal(Int32)
}

/// Where the inbox is shown and its keys come from: the ncurses terminal (RapportTerminal) or a
/// screen in memory for tests and the benchmark (RapportRuntime's `InMemoryScreen`), as ratatui's
/// `TestBackend` stands in for a terminal. The loop (`Program`) knows only this protocol.
///
/// A class protocol: the screen keeps state between calls (the frame on screen, keys read ahead).
/// Not thread-safe by design: the loop draws and reads on one thread.
public protocol Screen: AnyObject {
    /// Columns and rows right now.
    var size: (width: Int, height: Int) { get }
    /// Shows `frame`; a real terminal writes only the cells that changed since the last one.
    func draw(_ frame: CellBuffer)
    /// Waits up to `milliseconds` for a key, a resize or a signal; nil when nothing came.
    func read(timeout milliseconds: Int32) -> ScreenEvent?
    /// Forgets the frame on screen, so the next `draw` repaints every cell (Ctrl-L).
    func invalidate()
    /// Gives the screen away for a while (to run `$EDITOR`); `resume()` takes it back.
    func suspend()
    func resume()
    /// Ctrl-Z: gives the screen to the shell until the shell continues the process.
    func stopForShell()
}
