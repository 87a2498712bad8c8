import Foundation

/// All the templates an agent can pick from: the shipped ones, with the user's own overriding them by name.
/// A template that fails to parse is listed in `problems` and the others still load.
public struct TemplateLibrary: Sendable {
    /// Usable templates, sorted by name.
    public private(set) var templates: [ReplyTemplate]
    /// Files that could not be used, with file and line.
    public private(set) var problems: [TemplateProblem]

    /// Builds a library from files already read: `shipped` first, then `user`, each as (path, text).
    /// A user template with the same name as a shipped one replaces it.
    public init(shipped: [(path: String, text: String)], user: [(path: String, text: String)] = []) {
        var byName: [String: ReplyTemplate] = [:]
        var problems: [TemplateProblem] = []
        for files in [shipped, user] {
            var seen: [String: String] = [:]
            for file in files.sorted(by: { $0.path < $1.path }) {
                switch ReplyTemplate.parse(file.text, path: file.path) {
                case let .success(template):
                    if let other = seen[template.name] {
                        problems.append(TemplateProblem(path: file.path, line: nil,
                                                        message: "another template is also named '\(template.name)' (\(other)); this one is ignored"))
                        continue
                    }
                    seen[template.name] = file.path
                    byName[template.name] = template
                case let .failure(problem):
                    problems.append(problem)
                }
            }
        }
        templates = byName.values.sorted { $0.name < $1.name }
        self.problems = problems
    }

    public func template(named name: String) -> ReplyTemplate? {
        templates.first { $0.name == name }
    }

    /// Templates that suit a customer, optionally of one kind, whose name or description contains
    /// every word of `filter` (case-insensitive): what the composer's `T` picker shows as you type.
    public func matching(_ filter: String = "", isExisting: Bool? = nil, kind: ReplyTemplate.Kind? = nil) -> [ReplyTemplate] {
        let words = filter.lowercased().split(whereSeparator: \.isWhitespace)
        return templates.filter { template in
            if let isExisting, !template.audience.suits(isExisting: isExisting) { return false }
            if let kind, template.kind != kind { return false }
            let haystack = (template.name + " " + template.description + " " + template.kind.rawValue).lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }
}

// MARK: - Loading from disk

extension TemplateLibrary {
    /// Loads the shipped templates (found by `TemplateLocator`) and the user's own from
    /// `$XDG_CONFIG_HOME/rapport/templates/`.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment,
                            executablePath: String? = TemplateLocator.currentExecutable) -> TemplateLibrary {
        let shippedDirectory = TemplateLocator.shippedDirectory(environment: environment, executablePath: executablePath)
        let user = ConfigPaths(environment: environment).userTemplatesDirectory
        return load(shipped: shippedDirectory, user: user)
    }

    /// Loads every `*.mustache` file of two directories; a missing user directory is not a problem,
    /// a missing shipped directory is.
    public static func load(shipped: String?, user: String?) -> TemplateLibrary {
        var extra: [TemplateProblem] = []
        let shippedFiles: [(path: String, text: String)]
        if let shipped {
            shippedFiles = files(in: shipped, problems: &extra, required: true)
        } else {
            shippedFiles = []
            extra.append(TemplateProblem(path: "templates/", line: nil,
                                         message: "shipped templates not found (set RAPPORT_TEMPLATES to the templates directory)"))
        }
        let userFiles = user.map { files(in: $0, problems: &extra, required: false) } ?? []
        var library = TemplateLibrary(shipped: shippedFiles, user: userFiles)
        library.problems = extra + library.problems
        return library
    }

    static func files(in directory: String, problems: inout [TemplateProblem], required: Bool) -> [(path: String, text: String)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            if required { problems.append(TemplateProblem(path: directory, line: nil, message: "template directory not found")) }
            return []
        }
        return names.filter { $0.hasSuffix(".mustache") }.sorted().compactMap { name in
            let path = directory + "/" + name
            // Not read at all when far too large to be a letter (the body's own limit is checked on parse).
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 1 << 20 {
                problems.append(TemplateProblem(path: path, line: nil, message: "\(size / 1024) KiB is too large for a template"))
                return nil
            }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                problems.append(TemplateProblem(path: path, line: nil, message: "cannot be read as UTF-8 text"))
                return nil
            }
            return (path, text)
        }
    }
}
