import RapportCore

/// The rows around the body: view tabs on top, status bar and message row at the bottom.
enum Bars {
    /// "1 Mine  2 Unassigned  3 All  4 Waiting …", the current view reversed; or the search.
    static func drawTabs(_ state: AppState, _ layout: Layout, into buffer: inout CellBuffer) {
        let y = layout.tabsRow
        let detour: (title: String, text: String, keys: String)? = switch state.list.source {
        case .search(let text): (" Search: ", text, "n/N next/previous, ")
        case .owner(_, let name): (" Owner: ", name + " — open and pending", "")
        case .view: nil
        }
        if let detour {
            let x = buffer.write(detour.title, x: 0, y: y, style: .title)
            var used = x + buffer.write(detour.text, x: x, y: y, width: layout.width - x - 1, style: .accent)
            if case .search(let text) = state.list.source, let count = state.searchCount, count.text == text {
                used += buffer.write("  " + count.label, x: used, y: y, width: max(0, layout.width - used - 1), style: .title)
            }
            buffer.write("  (\(detour.keys)Esc: back to \(state.view.title))", x: used, y: y,
                         width: max(0, layout.width - used - 1), style: .dim)
            return
        }
        // Every view stays on the bar: the roomiest labels that fit them all (80 columns used to lose "7 Quiet";
        // with "8 Waiting" the names still fit there, one space apart).
        let labels = tabLabels(width: layout.width, compact: layout.isCompact)
        var x = 1
        for (view, text) in zip(InboxView.allCases, labels.texts) {
            let style: Style
            if case .view(let current) = state.list.source, current == view { style = .tabActive }
            else { style = .plain }
            guard x + DisplayWidth.of(text) <= layout.width else { break }
            x += buffer.write(text, x: x, y: y, style: style) + labels.gap
        }
        let brand = "rapport"
        if x + brand.count + 1 <= layout.width {
            buffer.write(brand, x: layout.width - brand.count - 1, y: y, style: .dim)
        }
    }

    /// The tab labels and the gap after each: " 1 Mine " padded, else "1 Mine", else "1 Mine" with the
    /// longest names shortened one by one until they fit ("2 Unas"), else "1Mine" short.
    static func tabLabels(width: Int, compact: Bool) -> (texts: [String], gap: Int) {
        let views = InboxView.allCases
        let fits = { (choice: (texts: [String], gap: Int)) in
            1 + choice.texts.reduce(0) { $0 + DisplayWidth.of($1) + choice.gap } <= width
        }
        let short = (texts: views.map { "\($0.number)\($0.shortTitle)" }, gap: 1)
        if compact { return short }
        let choices: [(texts: [String], gap: Int)] = [
            (views.map { " \($0.number) \($0.title) " }, 1),
            (views.map { "\($0.number) \($0.title)" }, 2),
            (views.map { "\($0.number) \($0.title)" }, 1),
        ]
        if let fitting = choices.first(where: fits) { return fitting }
        // Nine views at 80 columns: every view keeps its number and a name, the longest names shortened first.
        var texts = views.map { "\($0.number) \($0.title)" }
        for index in views.indices.sorted(by: { views[$0].title.count > views[$1].title.count }) {
            texts[index] = "\(views[index].number) \(views[index].shortTitle)"
            if fits((texts, 1)) { return (texts, 1) }
        }
        return short
    }

    /// Agent, view and counts; right-aligned, the number of marks and the help key.
    static func drawStatus(_ state: AppState, _ layout: Layout, into buffer: inout CellBuffer) {
        let y = layout.statusRow
        buffer.fill(x: 0, y: y, width: layout.width, height: 1, style: .statusBar)
        // While a prompt owns the message row, messages (e.g. a refused empty note) show here.
        if case .prompt(let prompt) = state.overlay {
            var style = Style.statusBar
            if state.message?.isError == true { style.bold = true }
            buffer.write(" " + (state.message?.text ?? prompt.context), x: 0, y: y, width: layout.width, style: style)
            return
        }
        let where_: String
        switch (state.screen, state.list.source) {
        case _ where state.isOnCustomerPage: where_ = "Customer"
        case (.thread, _): where_ = "Conversation"
        case (_, .search): where_ = "Search"
        case (_, .owner): where_ = "Owner"
        case (_, .view(let v)): where_ = layout.isCompact ? v.shortTitle : v.title
        }
        var left = " \(state.agent.firstName.isEmpty ? state.agent.login : state.agent.firstName) · \(where_)"
        if state.storeUnreachable { left += layout.isCompact ? " · disconnected" : " · disconnected, reconnecting…" }
        if let c = state.counts {
            left += layout.isCompact
                ? " · m\(c.mine) u\(c.unassigned) p\(c.pending)"
                : " · mine \(c.mine) · unassigned \(c.unassigned) · pending \(c.pending)"
        }
        var right = layout.isCompact ? "? " : "? help "
        // The team's undelivered replies, on the right where the counts never push them off the bar.
        if let problems = state.counts?.outboxProblems, problems > 0 {
            right = (layout.isCompact ? "✗\(problems) " : "✗ \(problems) not delivered  ") + right
        }
        // Unread "For you" items (a mention, a customer taken from me): on the right too, never pushed off.
        if let news = state.counts?.forYou, news > 0 {
            right = (layout.isCompact ? "@\(news) " : "@ \(news) for you (9)  ") + right
        }
        if !state.marks.isEmpty { right = "\(state.marks.count) marked  " + right }
        let rightWidth = DisplayWidth.of(right)
        buffer.write(left, x: 0, y: y, width: max(0, layout.width - rightWidth - 1), style: .statusBar)
        buffer.write(right, x: max(0, layout.width - rightWidth), y: y, style: .statusBar)
    }

    /// The prompt being typed, else the last message, else a hint of the main keys.
    static func drawMessageRow(_ state: AppState, _ layout: Layout, into buffer: inout CellBuffer) {
        let y = layout.messageRow
        if case .prompt(let prompt) = state.overlay {
            let fits = DisplayWidth.of(prompt.label) <= layout.width - 20
            prompt.input.draw(label: fits ? prompt.label : prompt.shortLabel, labelStyle: .accent, x: 0, y: y,
                              width: layout.width, into: &buffer)
            return
        }
        if case .delivery(let choice) = state.overlay {
            buffer.write(choice.question, x: 0, y: y, width: layout.width, style: .accent)
            return
        }
        if let message = state.message {
            buffer.write(message.text, x: 0, y: y, width: layout.width, style: message.isError ? .error : .plain)
            return
        }
        let hint: String
        switch state.screen {
        case _ where state.isOnCustomerPage:
            hint = layout.isCompact ? "Enter open  e name  q back  ? help" : "j k choose  Enter open the conversation  e edit the name  q back  ? help"
        case .thread:
            hint = layout.isCompact ? "q back  a assign  t take  i info  ? help"
                                    : "q back  a assign  t take  s status  i customer  ? help"
        case .list:
            hint = layout.isCompact
                ? "Enter open  a assign  t take  ? help"
                : "Enter open  a assign  t take  Space mark  s status  / search  ? help  q quit"
        }
        buffer.write(hint, x: 0, y: y, width: layout.width, style: .dim)
    }
}
