import Foundation
import RapportCore
import Testing

@Suite("SnoozeTime: presets and typed times against a fixed clock and time zone")
struct SnoozeTimeTests {
    let paris = TimeZone(identifier: "Europe/Paris")!
    /// Tuesday 2026-12-01 10:30 in Paris (09:30 UTC).
    let now = ISO8601DateFormatter().date(from: "2026-12-01T09:30:00Z")!

    func at(_ text: String) -> String? {
        guard case .success(let date) = SnoozeTime.parse(text, now: now, timeZone: paris) else { return nil }
        let f = ISO8601DateFormatter()
        f.timeZone = paris
        return f.string(from: date)
    }

    @Test("presets by number and by name: later today, tomorrow 9:00, next Monday 9:00 in the agent's zone")
    func presets() {
        #expect(at("1") == "2026-12-01T13:30:00+01:00")
        #expect(at("later today") == "2026-12-01T13:30:00+01:00")
        #expect(at("2") == "2026-12-02T09:00:00+01:00")
        #expect(at("Tomorrow") == "2026-12-02T09:00:00+01:00")
        #expect(at("3") == "2026-12-07T09:00:00+01:00")
        #expect(at("next  Monday") == "2026-12-07T09:00:00+01:00")
    }

    @Test("on a Monday, next Monday is a week on")
    func mondayOnAMonday() throws {
        let monday = ISO8601DateFormatter().date(from: "2026-12-07T06:00:00Z")!
        let date = try SnoozeTime.parse("monday", now: monday, timeZone: paris).get()
        #expect(date == ISO8601DateFormatter().date(from: "2026-12-14T08:00:00Z"))
    }

    @Test("spans and dates")
    func typed() {
        #expect(at("3d") == "2026-12-04T10:30:00+01:00")
        #expect(at("4h") == "2026-12-01T14:30:00+01:00")
        #expect(at("45m") == "2026-12-01T11:15:00+01:00")
        #expect(at("2w") == "2026-12-15T10:30:00+01:00")
        #expect(at("2026-12-24 09:00") == "2026-12-24T09:00:00+01:00")
        #expect(at("2026-12-24T17:45") == "2026-12-24T17:45:00+01:00")
        #expect(at("2026-12-24") == "2026-12-24T09:00:00+01:00")
        #expect(at("2027-07-01 09:00") == "2027-07-01T09:00:00+02:00", "summer time in July")
    }

    @Test("refused with a reason: unreadable, impossible, past, too far")
    func refused() {
        for text in ["", "soon", "3x", "0d", "-2d", "2026-02-30", "2026-12-24 25:00", "24/12/2026", "2026-12-24 9"] {
            #expect(at(text) == nil, "\(text)")
        }
        if case .failure(let e) = SnoozeTime.parse("2026-11-30", now: now, timeZone: paris) {
            #expect("\(e)".contains("not in the future"))
        } else { Issue.record("a past date was accepted") }
        if case .failure(let e) = SnoozeTime.parse("400d", now: now, timeZone: paris) {
            #expect("\(e)".contains("more than a year"))
        } else { Issue.record("400 days was accepted") }
    }
}
