import RapportCore

/// The `?` overlay, generated from the key table.
enum HelpOverlay {
    /// (keys, description, is a heading), for every context in table order.
    static func lines(_ keyMap: KeyMap) -> [(String, String, Bool)] {
        var out: [(String, String, Bool)] = []
        for context in [KeyContext.list, .thread, .picker, .prompt] {
            if !out.isEmpty { out.append(("", "", false)) }
            out.append((context.title, "", true))
            if let typing = context.typingHelp { out.append(("type", typing, false)) }
            for binding in keyMap.bindings(in: context) {
                out.append((binding.keys.map(\.label).joined(separator: " "), binding.help, false))
            }
        }
        return out
    }

    static func draw(_ keyMap: KeyMap, scroll: Int, _ layout: Layout, into buffer: inout CellBuffer) {
        let all = lines(keyMap)
        let width = min(layout.width - 2, 72)
        let height = min(layout.height - 2, all.count + 2)
        let inner = Box.draw(x: (layout.width - width) / 2, y: 1, width: width, height: height,
                             title: "Keys", footer: "Esc closes", into: &buffer)
        let keyWidth = min(16, inner.width / 3)
        let first = max(0, min(scroll, all.count - inner.height))
        for (i, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + i
            if line.2 {
                buffer.write(line.0, x: inner.x, y: y, width: inner.width, style: .title)
            } else {
                buffer.write(line.0, x: inner.x, y: y, width: keyWidth, style: .accent)
                buffer.write(line.1, x: inner.x + keyWidth + 1, y: y, width: inner.width - keyWidth - 1)
            }
        }
    }
}

extension KeyContext {
    /// What typing does where keys are text.
    var typingHelp: String? {
        switch self {
        case .picker: "filter by first name, last name or login"
        case .prompt: "the text"
        default: nil
        }
    }
}

/// The `a` overlay: a filter line and the matching agents.
enum PickerOverlay {
    static func draw(_ picker: AgentPicker, _ state: AppState, _ layout: Layout, into buffer: inout CellBuffer) {
        let matches = picker.matches(state.agents)
        let width = min(layout.width - 2, 56)
        let height = min(layout.height - 2, max(matches.count, 1) + 3)
        let title = picker.targets.count == 1 ? "Assign \(picker.targets[0].customerName)"
                                              : "Assign \(picker.targets.count) customers"
        let inner = Box.draw(x: (layout.width - width) / 2, y: max(1, (layout.height - height) / 2), width: width,
                             height: height, title: title, footer: "Enter assign · Esc cancel", into: &buffer)
        guard inner.height >= 2 else { return }
        let x = buffer.write("to: ", x: inner.x, y: inner.y, style: .dim)
        let used = buffer.write(Bars.tail(DisplaySafety.sanitised(picker.filter), width: inner.width - x + inner.x - 1),
                                x: inner.x + x, y: inner.y, style: .accent)
        buffer.write(" ", x: inner.x + x + used, y: inner.y, style: .selected)
        let rows = inner.height - 1
        guard !matches.isEmpty else {
            buffer.write(state.agents.isEmpty ? "Loading agents…" : "No agent matches", x: inner.x, y: inner.y + 1,
                         width: inner.width, style: .dim)
            return
        }
        let selected = min(picker.selected, matches.count - 1)
        let first = max(0, selected - rows + 1)
        let owners = Set(picker.targets.compactMap(\.ownerLogin))
        for (i, agent) in matches.dropFirst(first).prefix(rows).enumerated() {
            let y = inner.y + 1 + i
            var label = agent.fullName.isEmpty ? agent.login : agent.fullName
            label += "  " + agent.login
            let tag = owners.contains(agent.login) ? (picker.targets.count == 1 ? "owner" : "an owner") : ""
            buffer.field(label, x: inner.x, y: y, width: inner.width, style: .plain)
            if !tag.isEmpty, DisplayWidth.of(label) + tag.count + 2 <= inner.width {
                buffer.write(tag, x: inner.x + inner.width - tag.count, y: y, style: .dim)
            }
            if first + i == selected { buffer.restyle(x: inner.x, y: y, width: inner.width) { $0.reverse = true } }
        }
    }
}
