import RapportCore

/// Ctrl-T: the templates for this customer, filtered as you type, with a preview of the selected one.
enum TemplatePickerOverlay {
    static func draw(_ picker: TemplatePicker, _ l: ComposerLayout, into buffer: inout CellBuffer) {
        let height = l.editorHeight + l.footerRows + l.bannerRows + 1
        let width = min(l.width, 76)
        let inner = Box.draw(x: max(0, (l.width - width) / 2), y: l.titleRow, width: width, height: height,
                             title: "Templates", footer: "Enter insert · Esc back", into: &buffer)
        guard inner.height >= 1 else { return }
        picker.input.draw(label: "filter: ", labelStyle: .dim, style: .accent, x: inner.x, y: inner.y,
                          width: inner.width, into: &buffer)
        guard inner.height >= 2 else { return }
        guard let choices = picker.choices else {
            buffer.write("Loading templates…", x: inner.x, y: inner.y + 1, width: inner.width, style: .dim)
            return
        }
        let matches = picker.matches
        var y = inner.y + 1
        let bottom = inner.y + inner.height
        if matches.isEmpty {
            buffer.write(choices.isEmpty ? "No templates for this customer" : "No template matches",
                         x: inner.x, y: y, width: inner.width, style: .dim)
            y += 1
        }
        // Half the box for the list when a preview fits under it.
        let listRows = min(matches.count, max(1, inner.height >= 10 ? (inner.height - 1) / 2 : inner.height - 1))
        let selected = min(max(0, picker.selected), max(0, matches.count - 1))
        let first = max(0, selected - listRows + 1)
        for (i, choice) in matches.dropFirst(first).prefix(listRows).enumerated() where y < bottom {
            let label = "\(choice.name)  \(choice.description)"
            buffer.field(label, x: inner.x, y: y, width: inner.width, style: .plain)
            if first + i == selected { buffer.restyle(x: inner.x, y: y, width: inner.width) { $0.reverse = true } }
            y += 1
        }
        if let choice = picker.selection, bottom - y >= 3 {
            buffer.write(String(repeating: "┄", count: inner.width), x: inner.x, y: y, style: .dim)
            y += 1
            for line in TextLayout.bodyLines(choice.text, width: inner.width) where y < bottom {
                buffer.write(line, x: inner.x, y: y, width: inner.width, style: .dim)
                y += 1
            }
        }
        if let problem = picker.problems.first, y < bottom {
            buffer.write("! \(picker.problems.count) template file(s) not loaded: \(problem)", x: inner.x, y: bottom - 1,
                         width: inner.width, style: .accent)
        }
    }
}
