import Foundation

/// Finds the shipped `templates/` directory at run time.
///
/// In order: `$RAPPORT_TEMPLATES`; else the first `templates/` directory holding `.mustache` files
/// found walking up from the executable (a `swift build` or `swift run` in a checkout, whose
/// binary is under `.build/`, finds the repository's top-level `templates/`; an install under
/// `PREFIX/bin` finds `PREFIX/templates` if there is one); else `/usr/local/share/rapport/templates`,
/// then `/usr/share/rapport/templates`.
public enum TemplateLocator {
    public static let systemDirectories = ["/usr/local/share/rapport/templates", "/usr/share/rapport/templates"]

    /// The running executable with symbolic links resolved.
    public static var currentExecutable: String? {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }

    public static func shippedDirectory(environment: [String: String], executablePath: String?) -> String? {
        if let explicit = environment["RAPPORT_TEMPLATES"], !explicit.isEmpty { return explicit }
        if let executablePath, let found = walkUp(from: (executablePath as NSString).deletingLastPathComponent) {
            return found
        }
        return systemDirectories.first(where: hasTemplates)
    }

    /// The nearest `templates/` with `.mustache` files in `directory` or one of its parents.
    public static func walkUp(from directory: String) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent("templates").path
            if hasTemplates(candidate) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    static func hasTemplates(_ directory: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.contains { $0.hasSuffix(".mustache") }
    }
}
