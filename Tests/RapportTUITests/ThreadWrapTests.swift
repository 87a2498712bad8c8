import Foundation
import RapportCore
import Testing
@testable import RapportTUI

/// Bodies are wrapped once per width, not on every key: the cache follows loads, resizes and `i`.
@Suite struct ThreadWrapTests {
    func wrapped(_ state: AppState) -> WrappedBodies? { state.thread?.wrapped }

    @Test func aLoadedThreadIsWrappedToItsPaneAndDrawsTheSame() throws {
        let state = threadState(width: 120, height: 16)
        let t = try #require(state.thread)
        #expect(t.wrapped.width == ThreadLayout.textWidth(t, state: state))
        #expect(Set(t.wrapped.lines.keys) == Set(t.messages.map(\.id)))
        // The cached layout is exactly what wrapping afresh gives.
        var fresh = t
        fresh.wrapped = WrappedBodies()
        let width = ThreadLayout.paneWidth(t, state: state)
        #expect(ThreadLayout.lines(t, width: width, state: state).lines == ThreadLayout.lines(fresh, width: width, state: state).lines)
    }

    @Test func resizingAndTheSidebarToggleWrapAgain() throws {
        var state = threadState(width: 120, height: 16)
        let before = try #require(wrapped(state)?.width)
        _ = update(&state, .resize(width: 60, height: 16))
        let narrow = try #require(state.thread)
        #expect(narrow.wrapped.width == ThreadLayout.textWidth(narrow, state: state) && narrow.wrapped.width != before)
        _ = update(&state, .key(.char("i")))
        let toggled = try #require(state.thread)
        #expect(toggled.wrapped.width == ThreadLayout.textWidth(toggled, state: state))
    }
}
