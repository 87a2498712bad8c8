import RapportCore

/// The `?` overlay, generated from the key table: each binding appears once, under the
/// screens where it works. Wide terminals get two columns.
enum HelpOverlay {
    typealias Line = (keys: String, text: String, isHeading: Bool)

    /// Sections of (keys, description, is a heading), in table order.
    static func sections(_ keyMap: KeyMap) -> [[Line]] {
        let groups: [(String, (Set<KeyContext>) -> Bool, KeyContext?)] = [
            ("List and conversation", { $0.isSuperset(of: [.list, .thread]) }, nil),
            ("List", { $0.contains(.list) && !$0.contains(.thread) }, nil),
            ("Conversation", { $0.contains(.thread) && !$0.contains(.list) }, nil),
            (KeyContext.searchResults.title, { $0.contains(.searchResults) }, .searchResults),
            (KeyContext.customer.title, { $0.contains(.customer) }, .customer),
            (KeyContext.picker.title, { $0.contains(.picker) }, .picker),
            (KeyContext.prompt.title, { $0.contains(.prompt) }, .prompt),
            (KeyContext.delivery.title, { $0.contains(.delivery) }, .delivery),
            (KeyContext.composer.title, { $0.contains(.composer) }, .composer),
            (KeyContext.templates.title, { $0.contains(.templates) }, .templates),
        ]
        return groups.map { title, matches, context in
            var lines: [Line] = [(title, "", true)]
            if let typing = context?.typingHelp { lines.append(("type", typing, false)) }
            for binding in keyMap.bindings where matches(binding.contexts) {
                lines.append((binding.keys.map(\.label).joined(separator: " "), binding.help, false))
            }
            return lines
        }
    }

    /// Every line in one column, sections separated by a blank line.
    static func lines(_ keyMap: KeyMap) -> [Line] {
        sections(keyMap).enumerated().flatMap { i, section in (i == 0 ? [] : [("", "", false)]) + section }
    }

    /// The lines as columns for a width: two from 100 columns on (the first section alone on the left).
    static func columns(_ keyMap: KeyMap, width: Int) -> [[Line]] {
        guard width >= 100 else { return [lines(keyMap)] }
        let all = sections(keyMap)
        let right = all.dropFirst().enumerated().flatMap { i, section in (i == 0 ? [] : [("", "", false)]) + section }
        return [all[0], right]
    }

    /// Rows the overlay scrolls over at this size.
    static func rowCount(_ keyMap: KeyMap, width: Int) -> Int {
        columns(keyMap, width: width).map(\.count).max() ?? 0
    }

    /// Rows a page of the overlay shows, and how far it scrolls, at this size.
    static func page(_ layout: Layout) -> Int { max(1, layout.height - 4) }

    static func maxScroll(_ keyMap: KeyMap, _ layout: Layout) -> Int {
        max(0, rowCount(keyMap, width: layout.width) - page(layout))
    }

    static func draw(_ keyMap: KeyMap, scroll: Int, _ layout: Layout, into buffer: inout CellBuffer) {
        let columns = columns(keyMap, width: layout.width)
        let rows = columns.map(\.count).max() ?? 0
        let width = min(layout.width, columns.count == 1 ? 72 : 118)
        let height = min(layout.height - 2, rows + 2)
        let inner = Box.draw(x: (layout.width - width) / 2, y: 1, width: width, height: height,
                             title: "Keys", footer: "Esc closes", into: &buffer)
        guard inner.width > 0 else { return }
        let columnWidth = (inner.width - 2 * (columns.count - 1)) / columns.count
        let keyWidth = min(12, columnWidth / 3)
        let first = max(0, min(scroll, rows - inner.height))
        for (c, column) in columns.enumerated() {
            let x = inner.x + c * (columnWidth + 2)
            for (i, line) in column.dropFirst(first).prefix(inner.height).enumerated() {
                let y = inner.y + i
                if line.isHeading {
                    buffer.write(line.keys, x: x, y: y, width: columnWidth, style: .title)
                } else {
                    buffer.write(line.keys, x: x, y: y, width: keyWidth, style: .accent)
                    buffer.write(line.text, x: x + keyWidth + 1, y: y, width: columnWidth - keyWidth - 1)
                }
            }
        }
    }
}

extension KeyContext {
    /// What typing does where keys are text.
    var typingHelp: String? {
        switch self {
        case .picker: "filter: an agent by name or login; a referrer by name or address"
        case .prompt: "the text"
        case .composer: "the text (any character, Unicode, paste)"
        case .templates: "filter by name or description"
        default: nil
        }
    }
}

/// The `a` overlay: a filter line and the matching agents.
enum PickerOverlay {
    static func draw(_ picker: AgentPicker, _ state: AppState, _ layout: Layout, into buffer: inout CellBuffer) {
        let matches = picker.matches(state.agents)
        let width = min(layout.width, 56)
        let height = min(layout.height - 2, max(matches.count, 1) + 3)
        let (title, footer) = switch picker.purpose {
        case .assign(let targets):
            (targets.count == 1 ? "Assign \(targets[0].customerName)" : "Assign \(targets.count) customers", "Enter assign · Esc cancel")
        case .listOwner: ("Whose conversations?", "Enter list · Esc cancel")
        case .cover(let until):
            ("Who covers for you until \(CoverNote(ownerName: "", back: until, timeZone: state.timeZone).backDay)?", "Enter choose · Esc cancel")
        }
        let inner = Box.draw(x: (layout.width - width) / 2, y: max(1, (layout.height - height) / 2), width: width,
                             height: height, title: title, footer: footer, into: &buffer)
        guard inner.height >= 2 else { return }
        picker.input.draw(label: "to: ", labelStyle: .dim, style: .accent, x: inner.x, y: inner.y, width: inner.width,
                          into: &buffer)
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
            let owner = owners.contains(agent.login) ? (picker.targets.count == 1 ? "owner" : "an owner") : nil
            // The loads come a frame after the picker (nil until first read).
            let load = state.agentLoads.map { "\($0[agent.login] ?? 0) open" }
            let tag = [owner, load].compactMap { $0 }.joined(separator: " · ")
            buffer.field(label, x: inner.x, y: y, width: inner.width, style: .plain)
            if !tag.isEmpty, DisplayWidth.of(label) + tag.count + 2 <= inner.width {
                buffer.write(tag, x: inner.x + inner.width - tag.count, y: y, style: .dim)
            }
            if first + i == selected { buffer.restyle(x: inner.x, y: y, width: inner.width) { $0.reverse = true } }
        }
    }
}
