import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `rapport` binary on a private tmux server: keys go in with `send-keys`, the screen
/// comes out with `capture-pane`. Waits poll the screen with a deadline instead of sleeping.
final class TmuxScreen {
    static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    let socket = "rapport-e2e-\(UUID().uuidString.prefix(8))"

    /// Starts `rapport arguments…` in a `width`×`height` window with the CLI's environment.
    init(_ cli: RapportBinary, _ arguments: [String], width: Int = 120, height: Int = 40,
         environment: [String: String] = [:]) throws {
        var command = ["env"]
        for key in ["HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "RAPPORT_STORE", "USER", "PATH"] {
            if let value = cli.environment[key] { command.append("\(key)=\(value)") }
        }
        // A UTF-8 locale unless the test says otherwise (later assignments win in env).
        command += ["LANG=C.UTF-8", "LC_ALL=C.UTF-8"]
        command += environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        command += [RapportBinary.url.path] + arguments
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "s", "-x", "\(width)", "-y", "\(height)",
                  command.map(Self.quoted).joined(separator: " ")])
        try tmux(["set-option", "-t", "s", "remain-on-exit", "on"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Sends tmux key names (`Enter`, `Escape`, `j`) or literal text (with `literal: true`).
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", "s"] + (literal ? ["-l"] : []) + keys)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "s", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The id of the `rapport` process in the pane (tmux starts it through a shell and `env`,
    /// which usually exec it; otherwise it is found among their children).
    func rapportPID() throws -> pid_t? {
        var pid = pid_t(try tmux(["display-message", "-p", "-t", "s", "#{pane_pid}"], output: true)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        for _ in 0..<4 where pid > 0 {
            let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? ""
            if exe == RapportBinary.url.resolvingSymlinksInPath().path { return pid }
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            pid = children.split(separator: " ").first.flatMap { pid_t($0) } ?? 0
        }
        return nil
    }

    /// The screen as lines of text.
    func capture() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", "s"], output: true).components(separatedBy: "\n")
    }

    /// Polls the screen until `condition` holds; returns that screen, or throws with the last one.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 20, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ScreenTimeout(waitingFor: what, screen: screen)
    }

    /// Waits until `text` is somewhere on the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> [String] {
        try waitFor(text, timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Runs a tmux command with posix_spawn rather than Foundation's `Process`: the server that
    /// `new-session` forks would inherit `Process`'s exit-watching descriptor and its blocked
    /// signal mask, so the wait would never end and the inbox would never hear SIGTERM.
    @discardableResult
    private func tmux(_ arguments: [String], output: Bool = false) throws -> String {
        let argv = ["tmux", "-L", socket] + arguments
        var pipe: [Int32] = [-1, -1]
        if output { guard Glibc.pipe(&pipe) == 0 else { throw SpawnError(command: argv) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if output {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipe[0])
            posix_spawn_file_actions_addclose(&actions, pipe[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else: a pipe another test has open to a command it runs would otherwise be inherited
        // by the tmux server (which outlives the test), and that test would wait for its end forever.
        _ = closeFrom3(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, &cArgs, environ) == 0 else {
            throw SpawnError(command: argv)
        }
        var data = Data()
        if output {
            close(pipe[1])
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(pipe[0], &chunk, chunk.count)
                if n <= 0 { break }
                data.append(contentsOf: chunk[0..<n])
            }
            close(pipe[0])
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: data, as: UTF8.self)
    }

    private static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

struct ScreenTimeout: Error, CustomStringConvertible {
    let waitingFor: String
    let screen: [String]

    var description: String {
        "timed out waiting for \(waitingFor); the screen was:\n" + screen.joined(separator: "\n")
    }
}

struct SpawnError: Error {
    let command: [String]
}

extension TmuxScreen {
    /// Sam's inbox on `cli`'s store, once it shows his Mine view.
    static func samsInbox(_ cli: RapportBinary, environment: [String: String] = [:]) throws -> TmuxScreen {
        let screen = try TmuxScreen(cli, ["inbox", "--agent", "sam"], environment: environment)
        try screen.waitFor("Sam · Mine")
        return screen
    }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc module does
/// not declare: the child closes every descriptor from 3 on.
private let closeFrom3: @Sendable (UnsafeMutablePointer<posix_spawn_file_actions_t>) -> Int32 = {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
        return { _ in -1 }
    }
    let addCloseFrom = unsafeBitCast(symbol, to: AddCloseFrom.self)
    return { addCloseFrom($0, 3) }
}()
