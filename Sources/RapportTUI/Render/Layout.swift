/// Where things go on a screen of a given size. Shared by `render` and `update` (which needs
/// to know how many rows a page is), so the two can never disagree.
public struct Layout: Sendable, Hashable {
    public static let minWidth = 40
    public static let minHeight = 10
    /// From this width the thread shows the customer sidebar beside the messages.
    public static let sidebarMinWidth = 100
    public static let sidebarWidth = 34

    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Below 40×10 only a "terminal too small" message is drawn.
    public var isTooSmall: Bool { width < Self.minWidth || height < Self.minHeight }
    /// Narrow: shorter tabs, fewer and narrower columns.
    public var isCompact: Bool { width < 80 }

    public var tabsRow: Int { 0 }
    /// The list's column header; none on short terminals, where every row counts.
    public var headerRow: Int? { height >= 12 ? 1 : nil }
    public var bodyTop: Int { headerRow == nil ? 1 : 2 }
    public var statusRow: Int { height - 2 }
    public var messageRow: Int { height - 1 }
    /// Rows for list entries (or thread lines).
    public var bodyHeight: Int { max(1, statusRow - bodyTop) }

    /// The thread screen starts its body right under its one-line header.
    public var threadTop: Int { 1 }
    public var threadHeight: Int { max(1, statusRow - threadTop) }

    public func showsSidebarBeside(override: Bool?) -> Bool {
        width >= Self.sidebarMinWidth && (override ?? true)
    }

    /// On narrow terminals the sidebar replaces the messages while toggled on.
    public func showsSidebarInstead(override: Bool?) -> Bool {
        width < Self.sidebarMinWidth && (override ?? false)
    }

    /// Width of the message pane.
    public func messagePaneWidth(override: Bool?) -> Int {
        showsSidebarBeside(override: override) ? width - Self.sidebarWidth - 1 : width
    }
}
