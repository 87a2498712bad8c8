/// One template rendered for a conversation's customer: what `Templates.choices` returns and the
/// composer's template picker offers, ready to insert.
public struct RenderedTemplate: Sendable, Hashable {
    public var name, kind, description: String
    /// The rendered body.
    public var text: String

    public init(name: String, kind: String, description: String, text: String) {
        self.name = name
        self.kind = kind
        self.description = description
        self.text = text
    }
}
