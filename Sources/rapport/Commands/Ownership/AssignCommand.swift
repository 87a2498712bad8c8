import ArgumentParser
import RapportApp
import RapportCore

/// `rapport assign CUSTOMER_EMAIL AGENT [--note]`: gives a customer an owner, or hands them over.
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
        let customer = try Customers(store: store).find(email: customerEmail)
        try Ownership(store: store).assign(customer: customer.id, to: agentLogin, by: me.login, note: note)
        say("\(customer.fullName) is now looked after by \(agentLogin)")
    }
}
