/// The eight basic terminal colours; nil in a `Style` means the terminal's own default.
public enum Color: UInt8, Sendable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn. Every style must still read without colour (`NO_COLOR`), so
/// meaning is always carried by an attribute or a glyph as well as by a colour.
public struct Style: Sendable, Hashable {
    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}

// MARK: - The palette of the inbox

extension Style {
    public static let title = Style(bold: true)
    public static let header = Style(dim: true, underline: true)
    public static let statusBar = Style(reverse: true)
    public static let selected = Style(reverse: true)
    public static let marked = Style(foreground: .yellow, bold: true)
    public static let unread = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let error = Style(foreground: .red, bold: true)
    public static let note = Style(foreground: .yellow)
    public static let outbound = Style(foreground: .green)
    public static let accent = Style(foreground: .cyan, bold: true)
    public static let tabActive = Style(bold: true, reverse: true)
}
