/// Where the composer's parts go on screen. Shared by `render` and `update` (which needs the
/// editor's width for up/down and Home/End, and its height for scrolling), so they agree.
///
/// On a tall terminal the newest messages stay visible above the composer, so a message that
/// arrives while composing is seen; on a short one the composer takes the whole body.
struct ComposerLayout: Equatable {
    /// The message pane (the sidebar, when shown beside it, stays as it is).
    var width: Int
    /// Where each part starts, and how many rows it has.
    var threadTop, threadRows: Int
    var titleRow: Int
    /// A reply's To and Cc under the title, once `Replies` has said where it goes (none for a note).
    var addressRow: Int?
    /// The files attached to a reply, on one row under the addresses (none when there are none).
    var attachmentRow: Int?
    var bannerTop, bannerRows: Int
    var editorTop, editorHeight: Int
    var footerTop, footerRows: Int
    /// Columns left of the text for the violation marks.
    static let gutter = 2

    /// From this many body rows the thread's newest lines show above the composer.
    static let splitMinRows = 20

    init(layout: Layout, thread: ThreadState, composer: Composer) {
        width = layout.showsSidebarBeside(override: thread.sidebarOverride)
            ? layout.messagePaneWidth(override: thread.sidebarOverride) : layout.width
        let body = layout.threadHeight
        let tall = body >= Self.splitMinRows
        let rows = tall ? max(12, body * 3 / 5) : body
        threadTop = layout.threadTop
        threadRows = body - rows
        titleRow = threadTop + threadRows
        let addressed = composer.recipients != nil || composer.recipientsProblem != nil
        addressRow = composer.kind == .reply && addressed ? titleRow + 1 : nil
        attachmentRow = composer.kind == .reply && !composer.attachments.isEmpty ? titleRow + 1 + (addressRow == nil ? 0 : 1) : nil
        bannerTop = titleRow + 1 + (addressRow == nil ? 0 : 1) + (attachmentRow == nil ? 0 : 1)
        bannerRows = composer.unseen.isEmpty ? 0 : (tall ? 2 : 1)
        footerRows = composer.kind == .reply ? (tall ? 5 : (body >= 12 ? 2 : 1)) : 0
        editorTop = bannerTop + bannerRows
        editorHeight = max(1, rows - 1 - (addressRow == nil ? 0 : 1) - (attachmentRow == nil ? 0 : 1) - bannerRows - footerRows)
        footerTop = editorTop + editorHeight
    }

    var editorWidth: Int { max(2, width - Self.gutter) }
}

extension Composer {
    /// Scrolls the editor so that the cursor's row is on screen.
    mutating func keepCursorVisible(_ layout: ComposerLayout) {
        let rows = editor.layout(width: layout.editorWidth).count
        let row = editor.cursorPosition(width: layout.editorWidth).row
        if row < scroll { scroll = row }
        if row >= scroll + layout.editorHeight { scroll = row - layout.editorHeight + 1 }
        scroll = max(0, min(scroll, max(0, rows - layout.editorHeight)))
    }
}
