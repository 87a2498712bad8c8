import Foundation
import RapportCore
import RapportPostgres
import RapportRuntime
import RapportTUI
import Testing

/// The inbox's change watcher on a PostgreSQL store whose server restarts: it says the store is
/// unreachable while the server is down, then reconnects by itself and reports what another process
/// wrote meanwhile. On a cluster of its own (scripts/pg-cluster), since it stops the server.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["RAPPORT_TEST_POSTGRES"] != nil, "needs PostgreSQL (scripts/with-postgres)"))
struct ServerRestartTests {
    static let cluster = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/pg-cluster").path

    /// Runs scripts/pg-cluster and returns what it printed. Spawned and waited for by hand: Foundation's
    /// `Process` was seen waiting forever for it once the server it starts had detached.
    @discardableResult
    func cluster(_ command: String, _ folder: String) throws -> String {
        let output = folder + "-\(command).out"
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let arguments = [Self.cluster, command, folder]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        #expect(posix_spawn(&pid, Self.cluster, &actions, nil, &argv, environ) == 0)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        #expect(status == 0, "pg-cluster \(command)")
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the watcher as the inbox's loop does until `done` holds for what it reported, or 30 s pass.
    func watch(_ watcher: ChangeWatcher, until done: ([AppMsg]) -> Bool) -> [AppMsg] {
        var seen: [AppMsg] = []
        let deadline = Date().addingTimeInterval(30)
        while !done(seen), Date() < deadline {
            seen += watcher.messages()
            usleep(50_000)
        }
        return seen
    }

    @Test func aWatcherSaysDisconnectedThenCatchesUpWithWhatChangedMeanwhile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-restart-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try cluster("init", folder)
        var location = try PostgresLocation(try cluster("start", folder))
        defer { try? cluster("stop", folder) }
        try PostgresDatabases.create("team", on: location)
        location.database = "team"

        let inbox = try PostgresStore(location, create: true)
        let other = try PostgresStore(location)
        try inbox.addAgent(Agent(login: "sam", firstName: "Sam", lastName: "Ortiz", email: "sam@example.com"))
        let watcher = ChangeWatcher(feed: inbox)
        #expect(watcher.messages().isEmpty)

        try cluster("stop", folder)
        let down = watch(watcher) { $0.contains(.storeReachable(false)) }
        #expect(down == [.storeReachable(false)])
        #expect(throws: RapportError.self) { try other.customers(owner: .anyone) }

        try cluster("start", folder)
        // Another process writes as soon as the server is back (its connection is made again by itself).
        try other.addCustomer(NewCustomer(firstName: "Dana", lastName: "Whitfield", email: "dana@example.org"), by: nil)
        let back = watch(watcher) { $0.contains(.storeReachable(true)) && $0.contains(.storeChanged) }
        #expect(back.contains(.storeReachable(true)) && back.contains(.storeChanged), "\(back)")
        #expect(watcher.isReachable)
        #expect(try inbox.customers(owner: .anyone).map(\.firstName) == ["Dana"])
    }
}
