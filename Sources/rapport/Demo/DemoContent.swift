import Foundation
import RapportCore

/// What the demo is made of, kept as data in Resources/demo.json: a small insurance-and-savings agency
/// (its agents), its customers, and conversation scripts.
struct DemoContent: Decodable {
    let agents: [Agent]
    let customers: [DemoCustomer]
    let topics: [DemoTopic]

    /// The content shipped with the executable; it is part of the build, so a failure to read it is a bug.
    static let bundled: DemoContent = {
        guard let url = Bundle.module.url(forResource: "demo", withExtension: "json") else {
            fatalError("demo.json is missing from the rapport bundle")
        }
        do {
            return try JSONDecoder().decode(DemoContent.self, from: Data(contentsOf: url))
        } catch {
            fatalError("demo.json cannot be read: \(error)")
        }
    }()
}

/// A demo customer: a name, a primary address and perhaps a second one.
struct DemoCustomer: Decodable {
    let firstName: String
    let lastName: String
    let email: String
    let secondEmail: String?
}

/// A conversation script: a subject and turns that alternate customer → agent → customer…
/// `{first}` is the customer's first name, `{agent}` the owner's first name.
struct DemoTopic: Decodable {
    let subject: String
    let turns: [String]
}
