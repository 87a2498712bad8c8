import RapportCore

/// Draws the whole inbox for `state` into `buffer`, sized to the buffer. Pure: the same
/// state and size always give the same cells, which is what the render tests compare.
public func render(_ state: AppState, into buffer: inout CellBuffer) {
    buffer.fill(x: 0, y: 0, width: buffer.width, height: buffer.height)
    let layout = Layout(width: buffer.width, height: buffer.height)
    if layout.isTooSmall {
        TooSmall.draw(into: &buffer)
        return
    }
    switch state.screen {
    case .list: ListScreen.draw(state, layout, into: &buffer)
    case .thread(let t): ThreadScreen.draw(t, state, layout, into: &buffer)
    }
    Bars.drawStatus(state, layout, into: &buffer)
    Bars.drawMessageRow(state, layout, into: &buffer)
    ComposerScreen.draw(state, layout, into: &buffer)
    switch state.overlay {
    case .help(let scroll): HelpOverlay.draw(state.keyMap, scroll: scroll, layout, into: &buffer)
    case .picker(let picker): PickerOverlay.draw(picker, state, layout, into: &buffer)
    case .referral(let picker): ReferralOverlay.draw(picker, state, layout, into: &buffer)
    case .customer(let page):
        CustomerPageScreen.draw(page, state, layout, into: &buffer)
        Bars.drawStatus(state, layout, into: &buffer)
        Bars.drawMessageRow(state, layout, into: &buffer)
    case .prompt(let prompt):
        // Naming a customer from their page keeps the page behind the prompt.
        switch prompt.purpose {
        case .firstName(let page), .lastName(let page, _), .mergeNote(let page, _), .addAddress(let page), .removeAddress(let page):
            CustomerPageScreen.draw(page, state, layout, into: &buffer)
        default: break
        }
        Bars.drawStatus(state, layout, into: &buffer)
        Bars.drawMessageRow(state, layout, into: &buffer)
    case .delivery, nil: break
    }
}

/// The message shown instead of the inbox below 40×10.
enum TooSmall {
    static func draw(into buffer: inout CellBuffer) {
        let lines = ["Terminal too small", "\(buffer.width)×\(buffer.height), need \(Layout.minWidth)×\(Layout.minHeight)"]
        let shown = Array(lines.prefix(max(0, buffer.height)))
        let top = max(0, (buffer.height - shown.count) / 2)
        for (i, line) in shown.enumerated() {
            let cut = TextLayout.truncated(line, to: buffer.width)
            let x = max(0, (buffer.width - DisplayWidth.of(cut)) / 2)
            buffer.write(cut, x: x, y: top + i, style: i == 0 ? .title : .plain)
        }
    }
}

/// A bordered box for overlays.
enum Box {
    /// Draws a frame with a title and clears its inside; returns the inner rectangle.
    @discardableResult
    static func draw(x: Int, y: Int, width: Int, height: Int, title: String, footer: String? = nil,
                     into buffer: inout CellBuffer) -> (x: Int, y: Int, width: Int, height: Int) {
        guard width >= 4, height >= 3 else { return (x, y, 0, 0) }
        buffer.fill(x: x, y: y, width: width, height: height)
        let horizontal = String(repeating: "─", count: width - 2)
        buffer.write("┌" + horizontal + "┐", x: x, y: y)
        buffer.write("└" + horizontal + "┘", x: x, y: y + height - 1)
        for row in (y + 1)..<(y + height - 1) {
            buffer.write("│", x: x, y: row)
            buffer.write("│", x: x + width - 1, y: row)
        }
        buffer.write(" \(title) ", x: x + 2, y: y, width: width - 4, style: .title)
        if let footer {
            let text = " \(footer) "
            let w = min(DisplayWidth.of(text), width - 4)
            buffer.write(text, x: x + width - 2 - w, y: y + height - 1, width: width - 4, style: .dim)
        }
        return (x + 2, y + 1, width - 4, height - 2)
    }
}
