import RapportCore

/// The `R` overlay: the typed text, matching customers, and the typed text as a source.
enum ReferralOverlay {
    static func draw(_ picker: ReferralPicker, _ state: AppState, _ layout: Layout, into buffer: inout CellBuffer) {
        let choices = picker.choices
        let width = min(layout.width - 2, 64)
        let height = min(layout.height - 2, max(choices.count, 1) + 3)
        let newMessage = picker.purpose == .newMessage
        let title = newMessage ? "New message to…" : "How did \(DisplaySafety.sanitised(picker.customerName)) hear about us?"
        let inner = Box.draw(x: (layout.width - width) / 2, y: max(1, (layout.height - height) / 2), width: width,
                             height: height, title: title,
                             footer: newMessage ? "Enter choose · Esc cancel" : "Enter record · Esc cancel", into: &buffer)
        guard inner.height >= 2 else { return }
        picker.input.draw(label: newMessage ? "to: " : "by: ", labelStyle: .dim, style: .accent, x: inner.x, y: inner.y,
                          width: inner.width, into: &buffer)
        guard !choices.isEmpty else {
            buffer.write(newMessage ? "a customer's name or address" : "a customer's name or address, or a source: search, radio…",
                         x: inner.x, y: inner.y + 1, width: inner.width, style: .dim)
            return
        }
        let rows = inner.height - 1
        let selected = min(picker.selected, choices.count - 1)
        let first = max(0, selected - rows + 1)
        for (i, choice) in choices.dropFirst(first).prefix(rows).enumerated() {
            let y = inner.y + 1 + i
            switch choice {
            case .customer(let c):
                buffer.field((newMessage ? "" : "referred by ") + c.fullName + "  " + c.primaryEmail, x: inner.x, y: y,
                             width: inner.width)
            case .source(let s):
                buffer.field("source: “\(s)”", x: inner.x, y: y, width: inner.width, style: .dim)
            }
            if first + i == selected { buffer.restyle(x: inner.x, y: y, width: inner.width) { $0.reverse = true } }
        }
    }
}
