import Foundation
import RapportCore

/// How much of a message the parser keeps, so memory stays bounded whatever arrives.
public struct ParseLimits: Sendable, Hashable {
    /// Decoded bytes of body text kept per message (all text parts together).
    public var textBytes: Int
    /// Multipart levels followed; deeper parts are skipped with a warning.
    public var depth: Int
    /// Leaves listed per message.
    public var parts: Int

    /// Characters of the Subject kept (a subject is a line, not a document).
    public var subjectCharacters: Int

    public init(textBytes: Int = 1 << 20, depth: Int = 64, parts: Int = 1_000, subjectCharacters: Int = 1_000) {
        self.textBytes = textBytes
        self.depth = depth
        self.parts = parts
        self.subjectCharacters = subjectCharacters
    }

    public static let standard = ParseLimits()
}

/// Reads a message file (or bytes) into a `ParsedMessage` with Rapport's rules:
/// text/plain preferred over HTML in each alternative, HTML made readable, attachments listed
/// by name, type and size, every string UTF-8 without NUL bytes.
public enum MessageParser {
    public static func parse(file path: String, limits: ParseLimits = .standard) throws(ParseFailure) -> ParsedMessage {
        try read(GMimeDocument(path: path), limits: limits)
    }

    public static func parse(bytes: Data, limits: ParseLimits = .standard) throws(ParseFailure) -> ParsedMessage {
        try read(GMimeDocument(bytes: bytes), limits: limits)
    }

    /// A header read here must be one the shim keeps when it opens a file (`header_is_read` in
    /// MimeShim.c: the others are left out before GMime parses); the corpus test comparing a file
    /// with its bytes fails when one is missing.
    static func read(_ document: GMimeDocument, limits: ParseLimits) throws(ParseFailure) -> ParsedMessage {
        guard document.hasHeaders else { throw ParseFailure("no message headers found") }
        var message = ParsedMessage()
        message.from = document.mailboxes(.from, max: 1).first.map(clean)
        if message.from?.address == nil, let raw = document.header("From").map(cleanHeader) {
            message.from = looseSender(raw) ?? message.from
        }
        message.to = document.mailboxes(.to).map(clean)
        message.cc = document.mailboxes(.cc).map(clean)
        message.replyTo = document.mailboxes(.replyTo).map(clean)
        message.subject = document.subject.map(cleanHeader)
        if document.headersCut {
            message.warnings.append("a header over 64 KiB was cut (or headers past 1 MiB left out); the whole message stays in its file")
        }
        if let subject = message.subject, subject.count > limits.subjectCharacters {
            message.subject = subject.prefix(limits.subjectCharacters) + "…"
            message.warnings.append("subject cut at \(limits.subjectCharacters) characters")
        }
        if let (date, offset) = document.date {
            message.date = date
            message.dateUTCOffset = offset
        }
        message.messageID = document.messageID.map(cleanHeader).flatMap(nonEmpty)
        message.inReplyTo = document.messageIDs(in: "In-Reply-To", max: 1).first.map(cleanHeader)
        message.references = document.messageIDs(in: "References").map(cleanHeader)

        let (leaves, cut) = document.leaves(maxDepth: limits.depth, maxParts: limits.parts)
        if cut {
            message.warnings.append("MIME structure deeper than \(limits.depth) levels or over \(limits.parts) parts: the rest was skipped")
        }
        let bodyIndices = chooseBody(leaves)
        var budget = limits.textBytes
        var texts: [String] = []
        for index in bodyIndices where budget > 0 {
            guard let (raw, truncated) = document.text(ofLeaf: index, cap: budget) else { continue }
            budget -= raw.utf8.count
            var text = normaliseNewlines(raw)
            if leaves[index].contentType == "text/html" { text = HTMLText.readable(from: text) }
            texts.append(text)
            if truncated || budget <= 0 {
                message.warnings.append("text cut at \(limits.textBytes) bytes; the whole message stays in its file")
                break
            }
        }
        if !bodyIndices.isEmpty {
            message.text = texts.joined(separator: "\n\n").trimmingTrailingWhitespace()
        }
        message.attachments = attachmentLeaves(leaves, body: bodyIndices).map { index in
            AttachmentInfo(filename: leaves[index].filename.map(cleanHeader),
                           contentType: leaves[index].contentType,
                           size: document.size(ofLeaf: index))
        }
        return message
    }

    // MARK: - Rules

    /// The leaves listed as attachments, in order: what is not the body and not a losing text alternative.
    static func attachmentLeaves(_ leaves: [MimeLeaf], body: [Int]) -> [Int] {
        let bodySet = Set(body)
        return leaves.indices.filter { !bodySet.contains($0) && isAttachment(leaves[$0]) }
    }

    /// Leaves that make up the readable body, in order: in each multipart/alternative the first
    /// text/plain (else the first text/html); outside alternatives every inline text part.
    static func chooseBody(_ leaves: [MimeLeaf]) -> [Int] {
        var chosen: [Int] = []
        var alternativeChoice: [Int: Int] = [:]
        for (index, leaf) in leaves.enumerated() where isBodyCandidate(leaf) {
            guard let group = leaf.alternative else {
                chosen.append(index)
                continue
            }
            if let previous = alternativeChoice[group] {
                if leaves[previous].contentType == "text/html" && leaf.contentType == "text/plain" {
                    alternativeChoice[group] = index
                    chosen[chosen.firstIndex(of: previous)!] = index
                }
            } else {
                alternativeChoice[group] = index
                chosen.append(index)
            }
        }
        return chosen.sorted()
    }

    static func isBodyCandidate(_ leaf: MimeLeaf) -> Bool {
        (leaf.contentType == "text/plain" || leaf.contentType == "text/html")
            && !leaf.dispositionAttachment && leaf.filename == nil && !leaf.isEmbeddedMessage
    }

    /// Text alternatives that lost to another body part are not attachments; everything else is.
    static func isAttachment(_ leaf: MimeLeaf) -> Bool {
        !(isBodyCandidate(leaf) && leaf.alternative != nil)
    }

    /// A sender GMime could not read as a mailbox ("Big Bug bb@bug.com"): the first word with an `@`
    /// inside is taken as the address and the words before it as the name, so the customer can be found.
    static func looseSender(_ raw: String) -> Mailbox? {
        let separators: Set<Character> = [" ", "<", ">", "\"", ",", ";", "(", ")"]
        let words = raw.split(whereSeparator: { separators.contains($0) })
        guard let index = words.firstIndex(where: { word in
            guard let at = word.firstIndex(of: "@") else { return false }
            return at != word.startIndex && word.index(after: at) != word.endIndex
        }) else { return nil }
        let name = words[..<index].joined(separator: " ")
        return Mailbox(name: name.isEmpty ? nil : name, address: String(words[index]))
    }

    // MARK: - Cleaning

    /// CRLF and bare CR become LF, NUL bytes go. Works on UTF-8 bytes: Foundation's
    /// `replacingOccurrences` bridges through NSString and was a third of ingest's CPU time.
    static func normaliseNewlines(_ text: String) -> String {
        // Most texts have neither byte: two memchr scans (vectorised) instead of a byte-by-byte closure.
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let start = bytes.baseAddress else { return true }
            return memchr(start, 0x0D, bytes.count) == nil && memchr(start, 0, bytes.count) == nil
        } ?? !text.utf8.contains(where: { $0 == 0x0D || $0 == 0 })
        guard !clean else { return text }
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0D {
                    out.append(0x0A)
                    if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                } else if byte != 0 {
                    out.append(byte)
                }
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Header values are single lines: folds, bare CR/LF and NUL become spaces.
    static func cleanHeader(_ value: String) -> String {
        // Most headers need nothing: skip the rebuild when there is no control byte and both ends
        // are visible ASCII (so there is no whitespace, Unicode or not, to trim).
        let utf8 = value.utf8
        let visible = { (byte: UInt8?) in byte.map { $0 > 0x20 && $0 < 0x7F } ?? true }
        if visible(utf8.first) && visible(utf8.last) && !utf8.contains(where: { $0 < 0x20 }) { return value }
        let mapped = value.unicodeScalars.map { scalar -> Character in
            scalar == "\r" || scalar == "\n" || scalar == "\t" || scalar == "\u{0}" ? " " : Character(scalar)
        }
        return String(mapped).trimmingCharacters(in: .whitespaces)
    }

    static func clean(_ mailbox: Mailbox) -> Mailbox {
        Mailbox(name: mailbox.name.map(cleanHeader).flatMap(nonEmpty),
                address: mailbox.address.map(cleanHeader).flatMap(nonEmpty))
    }

    static func nonEmpty(_ value: String) -> String? { value.isEmpty ? nil : value }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[..<end])
    }
}
