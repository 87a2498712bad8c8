import ArgumentParser
import RapportCore

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Make an agent the owner of a customer (taking over from another owner needs --note).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Any of the customer's addresses.") var customerEmail: String
    @Argument(help: "The new owner's login.") var agentLogin: String
    @Option(help: "Handoff note for the next owner.") var note: String?

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        guard let customer = try store.customer(email: customerEmail) else { throw RapportError.unknownCustomer(customerEmail) }
        try store.assign(customer: customer.id, to: agentLogin, by: me.login, note: note)
        say("\(customer.fullName) is now looked after by \(agentLogin)")
    }
}

struct UnassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unassign", abstract: "Send a customer back to the Unassigned queue, with a handoff note.")
    @OptionGroup var global: GlobalOptions
    @Argument var customerEmail: String
    @Option(help: "Handoff note (required).") var note: String

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        guard let customer = try store.customer(email: customerEmail) else { throw RapportError.unknownCustomer(customerEmail) }
        try store.assign(customer: customer.id, to: nil, by: me.login, note: note)
        say("\(customer.fullName) is back in Unassigned")
    }
}

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "A customer's assignment history.")
    @OptionGroup var global: GlobalOptions
    @Argument var customerEmail: String
    @Flag var json = false

    func run() throws {
        let store = try global.openStore()
        guard let customer = try store.customer(email: customerEmail) else { throw RapportError.unknownCustomer(customerEmail) }
        let log = try store.assignments(customer: customer.id)
        if json {
            return printJSON(log.map {
                AssignmentJSON(customer: customer.primaryEmail, from: $0.from, to: $0.to, by: $0.by, note: $0.note, at: $0.at)
            })
        }
        for a in log {
            let note = a.note.map { "  “\($0)”" } ?? ""
            say("\(a.at.formatted(.iso8601))  \(a.from ?? "—") → \(a.to ?? "—")  by \(a.by)\(note)")
        }
    }
}
