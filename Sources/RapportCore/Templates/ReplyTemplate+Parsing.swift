import Foundation
import Mustache

extension ReplyTemplate {
    /// Parses a template file's text. `path` names it in problems and gives the default name
    /// (the file name without `.mustache`) when the front matter has none.
    public static func parse(_ text: String, path: String) -> Result<ReplyTemplate, TemplateProblem> {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        func problem(_ line: Int?, _ message: String) -> Result<ReplyTemplate, TemplateProblem> {
            .failure(TemplateProblem(path: path, line: line, message: message))
        }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            return problem(1, "expected front matter starting with a '---' line")
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            return problem(1, "front matter is not closed by a '---' line")
        }

        var fields: [String: String] = [:]
        for index in 1..<close {
            let line = lines[index]
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                return problem(index + 1, "expected 'key: value' in the front matter")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard ["name", "audience", "kind", "description"].contains(key) else {
                return problem(index + 1, "unknown front matter key '\(key)' (known: name, audience, kind, description)")
            }
            fields[key] = value
        }
        let lineOf = { (key: String) in
            (1..<close).first { lines[$0].lowercased().hasPrefix(key) }.map { $0 + 1 }
        }
        let fileName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let name = fields["name"].flatMap { $0.isEmpty ? nil : $0 } ?? fileName
        guard let audience = Audience(rawValue: fields["audience"]?.lowercased() ?? "any") else {
            return problem(lineOf("audience"), "audience must be existing, new or any, not '\(fields["audience"]!)'")
        }
        guard let kind = Kind(rawValue: fields["kind"]?.lowercased() ?? "reply") else {
            return problem(lineOf("kind"), "kind must be reply, heads-up, thank-you or check-in, not '\(fields["kind"]!)'")
        }

        let body = lines[(close + 1)...].joined(separator: "\n")
        let bodyStart = close + 2  // 1-based file line of the body's first line
        if let (line, message) = TemplateStructure.problem(in: body, firstLine: bodyStart) {
            return problem(line, message)
        }
        do {
            // Plain text: customer names and details must not be HTML-escaped. The pragma shares the
            // first body line, so line numbers in parse errors stay those of the body.
            let compiled = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + body)
            return .success(ReplyTemplate(name: name, audience: audience, kind: kind,
                                          description: fields["description"] ?? "", path: path, body: body, compiled: compiled))
        } catch let error as MustacheTemplate.ParserError {
            if !(error.error is MustacheTemplate.Error), let open = unclosedTagLine(body) {
                // The parser ran off the end of the text: point at the tag that was never closed.
                return problem(bodyStart + open - 1, "Mustache: a tag is not closed in \"\(lines[close + open].trimmingCharacters(in: .whitespaces))\"")
            }
            return problem(bodyStart + error.context.lineNumber - 1, "Mustache: \(describe(error.error)) in \"\(error.context.line.trimmingCharacters(in: .whitespaces))\"")
        } catch {
            return problem(bodyStart, "Mustache: \(error)")
        }
    }

    /// 1-based body line of a "{{" with no "}}" after it.
    static func unclosedTagLine(_ body: String) -> Int? {
        guard let open = body.range(of: "{{", options: .backwards),
              body.range(of: "}}", range: open.upperBound..<body.endIndex) == nil else { return nil }
        return body[..<open.lowerBound].filter { $0 == "\n" }.count + 1
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case .unfinishedName: return "a tag is not closed"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "bad set-delimiter tag"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection: return "bad inheritance section"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "bad pragma"
        }
    }
}
