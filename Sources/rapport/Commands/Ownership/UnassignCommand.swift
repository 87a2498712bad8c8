import ArgumentParser
import RapportApp
import RapportCore

/// `rapport unassign CUSTOMER_EMAIL --note`: sends a customer back to Unassigned.
struct UnassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unassign", abstract: "Send a customer back to the Unassigned queue, with a handoff note.")
    @OptionGroup var global: GlobalOptions
    @Argument var customerEmail: String
    @Option(help: "Handoff note (required).") var note: String

    func run() throws {
        let store = try global.openStore()
        let me = try global.currentAgent(store)
        let customer = try Customers(store: store).find(email: customerEmail)
        try Ownership(store: store).unassign(customer: customer.id, by: me.login, note: note)
        say("\(customer.fullName) is back in Unassigned")
    }
}
