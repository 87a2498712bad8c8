/// One line of the key table: keys, the action they trigger, where, and what the help says.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var action: Action
    public var contexts: Set<KeyContext>
    public var help: String

    public init(_ keys: [Key], _ action: Action, in contexts: Set<KeyContext>, _ help: String) {
        self.keys = keys
        self.action = action
        self.contexts = contexts
        self.help = help
    }
}

/// The key table. `update` resolves keys through it and the help overlay is drawn from it,
/// so the help can never disagree with the keys.
public struct KeyMap: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The action `key` triggers in `context`, if any.
    public func action(for key: Key, in context: KeyContext) -> Action? {
        bindings.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.action
    }

    /// The bindings of one context, in table order, for the help overlay.
    public func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.contexts.contains(context) }
    }

    /// The defaults of the design brief, plus Ctrl-L and a few conveniences.
    public static let standard: KeyMap = {
        let browse: Set<KeyContext> = [.list, .thread]
        var table: [KeyBinding] = [
            KeyBinding([.char("j"), .down], .moveDown, in: [.list, .thread, .help, .customer], "move down"),
            KeyBinding([.char("k"), .up], .moveUp, in: [.list, .thread, .help, .customer], "move up"),
            KeyBinding([.pageDown, .ctrl("f")], .pageDown, in: [.list, .thread, .help, .customer], "page down"),
            KeyBinding([.pageUp, .ctrl("b")], .pageUp, in: [.list, .thread, .help, .customer], "page up"),
            KeyBinding([.char("g"), .home], .top, in: [.list, .thread, .customer], "top"),
            KeyBinding([.char("G"), .end], .bottom, in: [.list, .thread, .customer], "bottom"),
            KeyBinding([.enter], .open, in: [.list, .customer], "open conversation"),
            KeyBinding([.char("q"), .escape], .back, in: [.thread], "back to the list"),
            KeyBinding([.char("q"), .escape], .back, in: [.customer], "back to where you were"),
            KeyBinding([.char("e")], .editName, in: [.customer], "edit the name (then no longer a guess)"),
            KeyBinding([.char("M")], .mergeDuplicate, in: [.customer], "merge the likely duplicate into them"),
            KeyBinding([.char("+")], .addAddress, in: [.customer], "add an address of theirs"),
            KeyBinding([.char("-")], .removeAddress, in: [.customer], "remove one of their addresses"),
            KeyBinding([.char("n")], .nextResult, in: [.searchResults], "next result (in a thread: opens it)"),
            KeyBinding([.char("N")], .previousResult, in: [.searchResults], "previous result (in a thread: opens it)"),
            KeyBinding([.escape], .back, in: [.list], "leave search results"),
            KeyBinding([.char("q")], .quit, in: [.list], "quit (from search results: back)"),
            KeyBinding([.tab], .nextView, in: browse, "next view"),
            KeyBinding([.backTab], .previousView, in: browse, "previous view"),
        ]
        for view in InboxView.allCases {
            table.append(KeyBinding([.char(Character(String(view.number)))], .showView(view), in: browse,
                                    "view: \(view.helpTitle)"))
        }
        table += [
            KeyBinding([.char("a")], .assign, in: browse, "assign owner (marked rows, or this one)"),
            KeyBinding([.char("t")], .take, in: browse, "take: make me the owner"),
            KeyBinding([.char(" ")], .toggleMark, in: [.list], "mark for bulk assign"),
            KeyBinding([.char("s")], .cycleStatus, in: browse, "status: open → pending → closed"),
            KeyBinding([.char("u")], .undo, in: browse, "undo the last status change or assignment (for a minute)"),
            KeyBinding([.char("/")], .search, in: browse, "search texts, customers' names, addresses"),
            KeyBinding([.char("c")], .openCustomer, in: browse, "the customer's page (all they wrote, log)"),
            KeyBinding([.char("i")], .toggleSidebar, in: [.thread], "customer sidebar on/off"),
            KeyBinding([.char("S")], .saveAttachment, in: [.thread], "save an attachment to ~/Downloads (its number, when several)"),
            KeyBinding([.char("O")], .openAttachment, in: [.thread], "open an attachment ($RAPPORT_OPENER, else xdg-open)"),
            KeyBinding([.char("J")], .nextConversation, in: [.thread], "next conversation of the list"),
            KeyBinding([.char("K")], .previousConversation, in: [.thread], "previous conversation of the list"),
            KeyBinding([.char("o")], .listOwner, in: browse, "owner: list one agent's open and pending conversations"),
            KeyBinding([.char("z")], .snooze, in: browse, "snooze: out of the views until a time or until the customer writes"),
            KeyBinding([.char("U")], .markUnread, in: browse, "mark unread (from a conversation: and back to the list)"),
            KeyBinding([.char("r")], .reply, in: browse, "reply"),
            KeyBinding([.char("n"), .ctrl("n")], .note, in: browse, "internal note (in search results: Ctrl-N)"),
            KeyBinding([.char("m")], .newMessage, in: browse, "new message: a new conversation with a customer of yours"),
            KeyBinding([.char("R")], .recordReferral, in: browse, "how they heard about us"),
            KeyBinding([.char("A")], .away, in: browse, "away: until when and who covers for you (again: back)"),
            KeyBinding([.char("D")], .decideDelivery, in: [.thread], "a reply that did not go out: retry or mark as sent"),
            KeyBinding([.char("r")], .retryDelivery, in: [.delivery], "send it again"),
            KeyBinding([.char("s")], .markDelivered, in: [.delivery], "mark as sent (it did go out)"),
            KeyBinding([.char("l"), .escape, .char("q")], .cancel, in: [.delivery], "leave it as it is"),
            KeyBinding([.char("?")], .help, in: browse.union([.customer]), "this help"),
            KeyBinding([.char("?"), .char("q"), .escape], .back, in: [.help], "close help"),
            KeyBinding([.ctrl("l")], .redraw, in: Set(KeyContext.allCases), "redraw the screen"),
            KeyBinding([.ctrl("c")], .quit, in: browse, "quit"),
            KeyBinding([.ctrl("z")], .suspend, in: browse, "suspend to the shell (fg returns)"),
            KeyBinding([.up, .ctrl("p")], .moveUp, in: [.picker], "previous choice"),
            KeyBinding([.down, .ctrl("n")], .moveDown, in: [.picker], "next choice"),
            KeyBinding([.enter], .confirm, in: [.picker, .prompt], "choose / confirm"),
            KeyBinding([.escape, .ctrl("c")], .cancel, in: [.picker, .prompt], "cancel"),
        ]
        table += lineInputBindings
        table += composerBindings
        return KeyMap(bindings: table)
    }()
}
