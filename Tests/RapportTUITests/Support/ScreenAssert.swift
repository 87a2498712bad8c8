import Testing
@testable import RapportTUI

/// Draws `state` at its size and returns the screen as lines of text.
func screen(_ state: AppState) -> [String] {
    var buffer = CellBuffer(width: state.width, height: state.height)
    render(state, into: &buffer)
    return buffer.lines()
}

/// Compares screens line by line; on failure the comment shows only the lines that differ.
func expectScreen(_ actual: [String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    var report = ["screen differs (- expected, + actual):"]
    for i in 0..<max(actual.count, expected.count) {
        let a = i < actual.count ? actual[i] : "<none>"
        let e = i < expected.count ? expected[i] : "<none>"
        if a != e { report += ["  line \(i):", "  - |\(e)|", "  + |\(a)|"] }
    }
    Issue.record(Comment(rawValue: report.joined(separator: "\n")), sourceLocation: sourceLocation)
}
