import Foundation
import RapportCore
import Testing

/// Whether a claim on an outbox item still belongs to a live delivery (no processes needed).
@Suite struct OutboxClaimantTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    func claim(_ name: String, in seconds: Double) -> OutboxClaim { OutboxClaim(claimant: name, until: now + seconds) }

    @Test func aClaimOnThisHostIsLiveWhileItsProcessRunsAndItsTimeHasNotPassed() {
        let mine = OutboxClaimant.name(host: "desk", pid: 4242, start: 77)
        #expect(mine == "desk:4242:77")
        #expect(OutboxClaimant.isLive(claim(mine, in: 60), now: now, host: "desk") { $0 == 4242 && $1 == 77 })
        #expect(!OutboxClaimant.isLive(claim(mine, in: 60), now: now, host: "desk") { _, _ in false }, "its process is gone")
        #expect(!OutboxClaimant.isLive(claim(mine, in: 60), now: now, host: "desk") { $0 == 4242 && $1 == 78 },
                "a later process with the same pid is not the claimant")
        #expect(!OutboxClaimant.isLive(claim(mine, in: -1), now: now, host: "desk") { _, _ in true }, "its time has passed")
    }

    @Test func aClaimFromAnotherHostCanOnlyExpire() {
        let theirs = OutboxClaimant.name(host: "laptop:2", pid: 1, start: 1)   // a host name with a colon
        #expect(OutboxClaimant.isLive(claim(theirs, in: 60), now: now, host: "desk") { _, _ in false })
        #expect(!OutboxClaimant.isLive(claim(theirs, in: -1), now: now, host: "desk") { _, _ in true })
        #expect(OutboxClaimant(name: theirs)?.host == "laptop:2")
        #expect(OutboxClaimant(name: "garbage") == nil)
    }
}
