/// One template rendered for a conversation's customer: what `Templates.choices` returns and the
/// composer's template picker offers, ready to insert.
public struct RenderedTemplate: Sendable, Hashable {
    /// The template's name, kind and description, and the rendered body.
    public var name, kind, description, text: String

    public init(name: String, kind: String, description: String, text: String) {
        self.name = name
        self.kind = kind
        self.description = description
        self.text = text
    }
}
