import ArgumentParser
import Foundation
import RapportCore

/// `rapport templates check`: which reply templates load, and what is wrong with the others.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "Check the reply templates (shipped and your own).",
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the templates that load and each file that cannot be used, with its line.",
            discussion: "Exit status: 0 when every template loads, 1 when one or more cannot be used (the others still can).")
        @Flag(help: "Print {\"templates\": [{\"name\", \"kind\", \"audience\", \"path\"}], \"problems\": [{\"path\", \"line\", \"message\"}]}.")
        var json = false

        func run() throws {
            let library = TemplateLibrary.load()
            if json {
                printJSON(TemplatesJSON(library))
            } else {
                for t in library.templates { say("ok\t\(t.name)\t\(t.kind.rawValue)\t\(t.audience.rawValue)\t\(t.path)") }
                for problem in library.problems { complain("rapport: \(problem)") }
            }
            if !library.problems.isEmpty { throw ExitCode(1) }
        }
    }
}

struct TemplatesJSON: Encodable {
    struct Template: Encodable { let name, kind, audience, path: String }
    struct Problem: Encodable {
        let path: String
        let line: Int?
        let message: String
        enum CodingKeys: String, CodingKey { case path, line, message }
        /// `line` is always present (`null` when the problem is the whole file).
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path); try c.encode(line, forKey: .line); try c.encode(message, forKey: .message)
        }
    }
    let templates: [Template]
    let problems: [Problem]

    init(_ library: TemplateLibrary) {
        templates = library.templates.map { Template(name: $0.name, kind: $0.kind.rawValue, audience: $0.audience.rawValue, path: $0.path) }
        problems = library.problems.map { Problem(path: $0.path, line: $0.line, message: $0.message) }
    }
}
