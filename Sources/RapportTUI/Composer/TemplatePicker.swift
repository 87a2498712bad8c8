import RapportCore

/// The composer's template picker: a filter line and the templates whose name, kind or
/// description contain every word typed.
public struct TemplatePicker: Sendable, Hashable, FilterPicker {
    /// The words typed so far.
    public var input = LineInput()
    public var filter: String { input.text }
    public var selected = 0
    /// nil until the effect runner has rendered them.
    public var choices: [RenderedTemplate]?
    /// Template files that could not be used, with file and line.
    public var problems: [String] = []

    public init() {}

    public var matches: [RenderedTemplate] {
        let words = filter.lowercased().split(whereSeparator: \.isWhitespace)
        return (choices ?? []).filter { choice in
            let haystack = (choice.name + " " + choice.kind + " " + choice.description).lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    public var selection: RenderedTemplate? {
        let m = matches
        return m.isEmpty ? nil : m[min(max(0, selected), m.count - 1)]
    }
}
