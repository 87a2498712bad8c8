import Foundation
import Testing
import RapportCore

/// The repository's top-level templates/ directory.
let shippedTemplates = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("templates").path

@Suite("shipped templates")
struct ShippedTemplateTests {
    let library = TemplateLibrary.load(shipped: shippedTemplates, user: nil)
    let existing = Fixtures.customer("Dana", "O'Brien")
    let new = Fixtures.customer("Pat", "Lee", existing: false)
    let event = TemplateContext.Event(kind: "fee", effectiveDate: Date(timeIntervalSince1970: 1_773_446_400),  // 2026-03-14
                                      details: "Paper statements will cost $2 a month; e-statements stay free.")

    func context(_ customer: Customer) -> TemplateContext {
        TemplateContext(customer: customer, agent: Fixtures.sam, subject: "Your statement", event: event,
                        referred: Fixtures.customer("Pat", "Lee", existing: false), coupon: "THANKS-PAT")
    }

    @Test func allLoadWithoutProblems() {
        #expect(library.problems == [])
        let names = Set(library.templates.map(\.name))
        for name in ["reply-short", "welcome-new", "apology-fixed", "headsup-rate-increase", "headsup-fee",
                     "headsup-overdraft", "headsup-policy-change", "thankyou-referral", "checkin-quiet"] {
            #expect(names.contains(name), "missing \(name)")
        }
    }

    /// The text as the agent leaves it: every `[[…]]` slot written over.
    func filled(_ text: String) -> String {
        var chars = Array(text)
        for slot in TemplateSlot.all(in: text).reversed() { chars.replaceSubrange(slot.range, with: Array("it was charged twice")) }
        return String(chars)
    }

    @Test("a template with a slot is refused as rendered and passes once the slot is written")
    func slotsBlockUntilFilled() throws {
        let apology = try #require(library.templates.first { $0.name == "apology-fixed" })
        let text = apology.render(context(existing))
        let v = ReplyPolicy.check(text, customer: existing, agent: Fixtures.sam, isExisting: true)
        #expect(v.map(\.rule) == [.slot] && v[0].blocks && v[0].message.contains("\"what went wrong\""))
        #expect(ReplyPolicy.check(filled(text), customer: existing, agent: Fixtures.sam, isExisting: true) == [])
    }

    @Test func everyTemplatePassesThePolicyForItsAudience() {
        #expect(!library.templates.isEmpty)
        for template in library.templates {
            if template.audience.suits(isExisting: true) {
                let text = filled(template.render(context(existing)))
                let v = ReplyPolicy.check(text, customer: existing, agent: Fixtures.sam, isExisting: true)
                #expect(v == [], "\(template.name) to an existing customer:\n\(text)")
            }
            if template.audience.suits(isExisting: false) {
                let text = filled(template.render(context(new)))
                let v = ReplyPolicy.check(text, customer: new, agent: Fixtures.sam, isExisting: false)
                // A template written for new customers asks the referral question; others may only warn.
                #expect(template.audience == .new ? v == [] : !v.blocksSending, "\(template.name) to a new customer: \(v)\n\(text)")
            }
        }
    }

    @Test func customersWithoutAKnownFirstNameAreGreetedNeutrally() {
        let nameless = Fixtures.customer("", "", existing: false)
        for template in library.templates where template.audience.suits(isExisting: false) {
            let text = template.render(context(nameless))
            #expect(text.hasPrefix("Hello,\n"), "\(template.name)")
            #expect(!ReplyPolicy.check(text, customer: nameless, agent: Fixtures.sam, isExisting: false).blocksSending)
        }
    }

    @Test func headsUpRendersTheEvent() throws {
        let text = try #require(library.template(named: "headsup-fee")).render(context(existing))
        #expect(text == """
        Hi Dana,

        A heads-up before it affects you: from 14 March 2026 there will be a new fee on your account.

        Paper statements will cost $2 a month; e-statements stay free.

        You don't have to pay it. Reply to this and I'll make the change that avoids it for you, or tell you exactly what to do.

        Sam
        """)
    }

    @Test func thankYouWithAndWithoutCoupon() throws {
        let template = try #require(library.template(named: "thankyou-referral"))
        let with = template.render(context(existing))
        #expect(with.contains("Pat Lee told us you sent them our way."))
        #expect(with.contains("here is a code for your next renewal: THANKS-PAT"))
        var plain = context(existing)
        plain.coupon = nil
        let without = template.render(plain)
        #expect(!without.contains("code"))
        #expect(!without.contains("\n\n\n"))
        #expect(without.hasSuffix("looked after.\n\nSam"))
    }

    @Test func textIsNotHTMLEscaped() throws {
        let customer = Fixtures.customer("Zoë", "O'Brien & Sons")
        let text = try #require(library.template(named: "reply-short")).render(context(customer))
        #expect(text.hasPrefix("Hi Zoë,"))
        var ctx = context(customer)
        ctx.event = .init(kind: "fee", effectiveDate: Date(timeIntervalSince1970: 0), details: "A <b>$5</b> fee & \"more\"")
        #expect(try #require(library.template(named: "headsup-fee")).render(ctx).contains("A <b>$5</b> fee & \"more\""))
    }

    @Test func pickerFiltersAsYouType() {
        #expect(library.matching("heads", isExisting: true).map(\.name) == [
            "headsup-fee", "headsup-overdraft", "headsup-policy-change", "headsup-rate-increase",
        ])
        #expect(library.matching("", isExisting: false).map(\.name).contains("welcome-new"))
        #expect(!library.matching("", isExisting: true).map(\.name).contains("welcome-new"))
        #expect(library.matching("thank coupon").map(\.name) == ["thankyou-referral"])
        #expect(library.matching("", kind: .checkIn).map(\.name) == ["checkin-quiet"])
    }
}

@Suite("template library")
struct TemplateLibraryTests {
    static let good = "---\nname: hello\naudience: existing\nkind: reply\ndescription: hi\n---\nHi {{customer.first_name}},\n\nSam\n"

    @Test func brokenTemplateIsReportedWithFileAndLineAndOthersLoad() {
        let broken = "---\nname: broken\n---\nHi {{customer.first_name}},\n\n{{#coupon}}Code: {{coupon}}\n\nSam\n"
        let library = TemplateLibrary(shipped: [("/t/hello.mustache", Self.good), ("/t/broken.mustache", broken)])
        #expect(library.templates.map(\.name) == ["hello"])
        #expect(library.problems.count == 1)
        #expect(library.problems.first?.path == "/t/broken.mustache")
        #expect(library.problems.first?.description.hasPrefix("/t/broken.mustache:") == true)
        #expect(library.problems.first?.message.contains("never closed") == true)
    }

    @Test func parseErrorLineCountsTheFrontMatter() {
        let text = "---\nname: x\n---\nHi,\n\nHello {{customer.first_name\n"
        guard case let .failure(problem) = ReplyTemplate.parse(text, path: "x.mustache") else {
            Issue.record("expected a failure"); return
        }
        #expect(problem.line == 6)
        #expect(problem.message.contains("not closed"))
    }

    @Test("front matter mistakes", arguments: [
        ("Hi,\n", 1, "expected front matter starting with a '---' line"),
        ("---\nname: x\nHi,\n", 1, "front matter is not closed by a '---' line"),
        ("---\nname: x\naudience: everyone\n---\nHi,\n", 3, "audience must be existing, new or any, not 'everyone'"),
        ("---\nname: x\nkind: letter\n---\nHi,\n", 3, "kind must be reply, heads-up, thank-you or check-in, not 'letter'"),
        ("---\nname: x\ncolour: red\n---\nHi,\n", 3, "unknown front matter key 'colour' (known: name, audience, kind, description)"),
    ])
    func frontMatterMistakes(text: String, line: Int, message: String) {
        guard case let .failure(problem) = ReplyTemplate.parse(text, path: "x.mustache") else {
            Issue.record("expected a failure"); return
        }
        #expect(problem.line == line)
        #expect(problem.message == message)
    }

    @Test func nameDefaultsToTheFileName() throws {
        let template = try ReplyTemplate.parse("---\naudience: new\n---\nHello,\n", path: "/x/welcome-2.mustache").get()
        #expect(template.name == "welcome-2")
        #expect(template.kind == .reply)
    }

    @Test func userTemplatesOverrideShippedOnesByName() {
        let mine = Self.good.replacingOccurrences(of: "description: hi", with: "description: mine")
        let library = TemplateLibrary(shipped: [("/shipped/hello.mustache", Self.good)], user: [("/user/my-hello.mustache", mine)])
        #expect(library.templates.count == 1)
        #expect(library.template(named: "hello")?.description == "mine")
        #expect(library.template(named: "hello")?.path == "/user/my-hello.mustache")
    }

    @Test func loadsFromDirectoriesWithUserOverrides() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-templates-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let user = root.appendingPathComponent("rapport/templates")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        try Self.good.replacingOccurrences(of: "name: hello", with: "name: reply-short")
            .write(to: user.appendingPathComponent("short.mustache"), atomically: true, encoding: .utf8)
        try "---\nname: bad\n---\n{{/oops}}\n".write(to: user.appendingPathComponent("bad.mustache"), atomically: true, encoding: .utf8)

        let library = TemplateLibrary.load(environment: ["RAPPORT_TEMPLATES": shippedTemplates, "XDG_CONFIG_HOME": root.path],
                                           executablePath: nil)
        #expect(library.template(named: "reply-short")?.path == user.appendingPathComponent("short.mustache").path)
        #expect(library.template(named: "welcome-new") != nil)
        #expect(library.problems.map(\.path) == [user.appendingPathComponent("bad.mustache").path])
        #expect(library.problems.first?.line == 4)
    }

    /// Hostile or careless templates are reported by file and line before the Mustache parser runs:
    /// 3,000 nested sections overflowed its stack, 20,000 tags took it 10 s, and some unclosed
    /// sections were accepted without a word. The good template beside them still loads.
    @Test("templates past the limits", arguments: [
        (String(repeating: "{{#a}}", count: 3_000) + String(repeating: "{{/a}}", count: 3_000), 4,
         "sections nested more than 32 deep; templates are limited to 32"),
        ("Hi,\n" + String(repeating: "{{customer.first_name}} ", count: 20_000), 4, "the template is 468 KiB; templates are limited to 64 KiB"),
        ("Hi,\n" + String(repeating: "{{a}}", count: 1_001), 5, "more than 1000 tags; templates are limited to 1000"),
        ("Hi,\n\n{{^coupon}}No code this time.\n\nSam\n", 6, "the section \"coupon\" opened here is never closed"),
        ("Hi,\n{{#a}}\n{{/b}}\n", 6, "\"{{/b}}\" closes the section \"a\" opened on line 5"),
        (String(repeating: "Thank you. ", count: 7_000), 4, "the template is 75 KiB; templates are limited to 64 KiB"),
    ])
    func templatesPastTheLimits(body: String, line: Int, message: String) {
        let library = TemplateLibrary(shipped: [("/t/hello.mustache", Self.good), ("/t/hostile.mustache", "---\nname: hostile\n---\n" + body)])
        #expect(library.templates.map(\.name) == ["hello"])
        #expect(library.problems == [TemplateProblem(path: "/t/hostile.mustache", line: line, message: message)])
    }

    @Test func otherDelimitersStillParse() throws {
        let template = try ReplyTemplate.parse("---\nname: x\n---\n{{=<% %>=}}Hi <%customer.first_name%>,\n", path: "x.mustache").get()
        #expect(template.render(TemplateContext(customer: Fixtures.customer("Dana", "O'Brien"), agent: Fixtures.sam)) == "Hi Dana,")
    }

    @Test func missingShippedDirectoryIsAProblemNotACrash() {
        let library = TemplateLibrary.load(shipped: "/nonexistent/templates", user: "/nonexistent/user")
        #expect(library.templates.isEmpty)
        #expect(library.problems.map(\.description) == ["/nonexistent/templates: template directory not found"])
    }
}

@Suite("template locator")
struct TemplateLocatorTests {
    @Test func environmentWins() {
        #expect(TemplateLocator.shippedDirectory(environment: ["RAPPORT_TEMPLATES": "/opt/t"], executablePath: "/x/bin/rapport") == "/opt/t")
    }

    @Test func walksUpFromTheExecutable() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-locator-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let bin = root.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        // An empty templates/ on the way up is not the one.
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".build/templates"), withIntermediateDirectories: true)
        try "---\n---\nHi,\n".write(to: root.appendingPathComponent("templates/a.mustache"), atomically: true, encoding: .utf8)
        let found = TemplateLocator.shippedDirectory(environment: [:], executablePath: bin.appendingPathComponent("rapport").path)
        #expect(found == root.appendingPathComponent("templates").standardizedFileURL.path)
    }

    @Test func theRunningTestBinaryFindsTheRepositoryTemplates() {
        // The test bundle lives under .build/ in the checkout, like `swift run rapport`.
        let found = TemplateLocator.shippedDirectory(environment: [:], executablePath: TemplateLocator.currentExecutable)
        #expect(found.map { URL(fileURLWithPath: $0).standardizedFileURL.path } == URL(fileURLWithPath: shippedTemplates).standardizedFileURL.path)
    }
}
