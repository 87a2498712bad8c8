import ArgumentParser
import RapportApp
import RapportCore

/// `rapport unread CONVERSATION`: shows a conversation unread again to the current agent (`U` in the inbox).
struct UnreadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unread",
        abstract: "Mark a conversation unread for you (it shows unread again if the customer has written in it).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The conversation id.") var conversation: Int64

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        try Conversations(store: store).markUnread(conversation, agent: me.login)
        say("Conversation \(conversation) is unread for \(me.login)")
    }
}
