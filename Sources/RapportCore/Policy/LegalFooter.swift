/// `[mail] legal_footer`: the legal details some countries require in every business email (company
/// name, register, managing director). Added when a message is built for sending, below the signature
/// delimiter, so it is never part of the stored reply the policy checks (no rule counts it), and the
/// composer shows it under the text as a preview.
public enum LegalFooter {
    /// RFC 3676's signature separator line; its trailing space is part of it.
    public static let delimiter = "-- "

    /// `body` (ending with a newline) followed by a blank line, the delimiter and the footer; `body`
    /// alone when there is no footer.
    public static func appended(_ footer: String?, to body: String) -> String {
        guard let footer, !footer.allSatisfy(\.isWhitespace) else { return body }
        return body + "\n" + delimiter + "\n" + footer + (footer.hasSuffix("\n") ? "" : "\n")
    }
}
