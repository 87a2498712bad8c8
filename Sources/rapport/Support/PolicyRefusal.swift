import RapportCore

/// How `rapport reply` and `rapport compose` report a text the reply policy refuses: each reason as
/// `rapport lint` prints it, then one refusal (exit 1).
enum PolicyRefusal {
    static func reporting<T>(_ what: String, _ queue: () throws -> T) throws -> T {
        do {
            return try queue()
        } catch RapportError.replyPolicy(let violations) {
            for v in violations { complain("line \(v.line): \(v.severity.rawValue) [\(v.rule.rawValue)] \(v.message)") }
            throw RapportError.invalid("\(what) not queued: it does not pass the reply policy (see `rapport lint`)")
        }
    }
}
