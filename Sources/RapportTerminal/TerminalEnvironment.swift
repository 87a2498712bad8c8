import Foundation

/// What the full-screen inbox needs from its environment before ncurses starts: a terminal that can
/// address the cursor, and a UTF-8 locale (without one, ncurses drops every non-ASCII letter and the
/// grid shifts). Over ssh, `LC_ALL=C` is common: a UTF-8 locale is chosen when one is installed.
enum TerminalEnvironment {
    /// Locales tried, in order, when the user's own is not UTF-8.
    static let utf8Fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"]

    /// Refuses a terminal that cannot run a full-screen program.
    static func checkTerminal(_ term: String?) throws {
        guard let term, !term.isEmpty else { throw TerminalError.unsuitable("TERM is not set") }
        if term == "dumb" || term == "unknown" {
            throw TerminalError.unsuitable("TERM=\(term) cannot show the full-screen inbox")
        }
    }

    /// Sets the locale from the environment; when it is not UTF-8, the first installed UTF-8 one for
    /// LC_CTYPE. Returns the name chosen instead, or nil when the user's own was kept.
    @discardableResult
    static func chooseUTF8Locale() throws -> String? {
        setlocale(LC_ALL, "")
        if isUTF8() { return nil }
        for name in utf8Fallbacks where setlocale(LC_CTYPE, name) != nil && isUTF8() {
            return name
        }
        throw TerminalError.needsUTF8
    }

    static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
