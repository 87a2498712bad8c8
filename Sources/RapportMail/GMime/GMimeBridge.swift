import Foundation
import MimeShim

// The one Swift file that talks to GMime (through the C shim in Sources/MimeShim).
// Everything it hands out is a plain Swift value; no C pointer leaves this file.

/// One leaf of a message's MIME tree, described without its content.
struct MimeLeaf: Sendable, Hashable {
    var contentType: String
    var filename: String?
    var charset: String?
    var dispositionAttachment: Bool
    var isEmbeddedMessage: Bool
    /// The nearest multipart/alternative ancestor, nil when there is none.
    var alternative: Int?
    var depth: Int
}

/// A message file opened by GMime. Part contents stay on disk until asked for.
final class GMimeDocument {
    private let handle: OpaquePointer

    /// Parses a message file; throws `ParseFailure` with GMime's or the system's reason.
    init(path: String) throws(ParseFailure) {
        var error: UnsafePointer<CChar>?
        guard let handle = rapport_message_open_file(path, &error) else {
            throw ParseFailure(error.map { String(cString: $0) } ?? "unreadable")
        }
        self.handle = handle
    }

    /// Parses a message held in memory.
    init(bytes: Data) throws(ParseFailure) {
        var error: UnsafePointer<CChar>?
        let opened = bytes.withUnsafeBytes { raw in
            rapport_message_open_bytes(raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, &error)
        }
        guard let opened else { throw ParseFailure(error.map { String(cString: $0) } ?? "unreadable") }
        self.handle = opened
    }

    deinit {
        rapport_message_free(handle)
    }

    var hasHeaders: Bool { rapport_message_has_headers(handle) != 0 }

    /// Opening the file cut a header field over 64 KiB, or dropped headers past 1 MiB in all.
    var headersCut: Bool { rapport_message_headers_cut(handle) != 0 }

    var subject: String? { take(rapport_message_subject(handle)) }

    var messageID: String? { take(rapport_message_message_id(handle)) }

    func header(_ name: String) -> String? { take(rapport_message_header(handle, name)) }

    /// The Date header and the writer's UTC offset in seconds.
    var date: (Date, Int)? {
        var seconds: Int64 = 0
        var offset: Int32 = 0
        guard rapport_message_date(handle, &seconds, &offset) != 0 else { return nil }
        return (Date(timeIntervalSince1970: TimeInterval(seconds)), Int(offset))
    }

    enum AddressField { case from, to, cc, replyTo }

    func mailboxes(_ field: AddressField, max: Int = 500) -> [Mailbox] {
        let cField: rapport_address_field = switch field {
        case .from: RAPPORT_ADDRESS_FROM
        case .to: RAPPORT_ADDRESS_TO
        case .cc: RAPPORT_ADDRESS_CC
        case .replyTo: RAPPORT_ADDRESS_REPLY_TO
        }
        var list: UnsafeMutablePointer<rapport_mailbox>?
        let count = rapport_message_addresses(handle, cField, max, &list)
        defer { rapport_mailboxes_free(list, count) }
        guard let list else { return [] }
        return (0..<count).map { index in
            Mailbox(name: list[index].name.map { String(cString: $0) },
                    address: list[index].address.map { String(cString: $0) })
        }
    }

    /// Message ids listed in a header such as References, without brackets.
    func messageIDs(in header: String, max: Int = 200) -> [String] {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = rapport_message_id_list(handle, header, max, &list)
        defer { rapport_strings_free(list, count) }
        guard let list else { return [] }
        return (0..<count).compactMap { list[$0].map { String(cString: $0) } }
    }

    /// The leaves of the MIME tree in document order; `truncated` when a limit cut the walk.
    func leaves(maxDepth: Int, maxParts: Int) -> (leaves: [MimeLeaf], truncated: Bool) {
        var list: UnsafeMutablePointer<rapport_part_info>?
        var truncated: Int32 = 0
        let count = rapport_message_parts(handle, Int32(maxDepth), maxParts, &list, &truncated)
        defer { rapport_parts_free(list, count) }
        guard let list else { return ([], truncated != 0) }
        let leaves = (0..<count).map { index in
            let info = list[index]
            return MimeLeaf(contentType: String(cString: info.content_type),
                            filename: info.filename.map { String(cString: $0) },
                            charset: info.charset.map { String(cString: $0) },
                            dispositionAttachment: info.disposition_attachment != 0,
                            isEmbeddedMessage: info.is_message != 0,
                            alternative: info.alternative >= 0 ? Int(info.alternative) : nil,
                            depth: Int(info.depth))
        }
        return (leaves, truncated != 0)
    }

    /// A leaf's content decoded to UTF-8, at most `cap` decoded bytes. Call after `leaves`.
    func text(ofLeaf index: Int, cap: Int) -> (text: String, truncated: Bool)? {
        var length = 0
        var truncated: Int32 = 0
        guard let bytes = rapport_message_part_text(handle, index, cap, &length, &truncated) else { return nil }
        defer { rapport_mime_string_free(bytes) }
        let buffer = UnsafeRawBufferPointer(start: bytes, count: length)
        return (String(decoding: buffer, as: UTF8.self), truncated != 0)
    }

    /// A leaf's decoded size in bytes, counted without keeping the content (and, for base64 and
    /// unencoded parts, without decoding). Call after `leaves`.
    func size(ofLeaf index: Int) -> Int {
        Int(rapport_message_part_size(handle, index))
    }

    /// The same size counted by decoding the part (for the test that compares the two).
    func decodedSize(ofLeaf index: Int) -> Int {
        Int(rapport_message_part_decoded_size(handle, index))
    }

    /// Writes a leaf's decoded bytes to an open file descriptor (which stays open). Call after `leaves`.
    func write(leaf index: Int, to fd: Int32) -> Bool {
        rapport_message_part_write(handle, index, fd) == 0
    }

    private func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { rapport_mime_string_free(pointer) }
        return String(cString: pointer)
    }
}

/// File hashing through GLib's checksum (already linked through GMime; Foundation on Linux has none).
enum FileDigest {
    /// SHA-256 of the file as hex, or nil when it cannot be read.
    static func sha256(path: String) -> String? {
        var hex = [CChar](repeating: 0, count: 65)
        guard rapport_file_sha256(path, &hex) == 0 else { return nil }
        return String(decoding: hex.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Serialises an outgoing message with GMime.
enum GMimeWriter {
    /// The RFC 5322 text of `message`, LF line ends; nil when GMime refuses a field.
    static func render(_ message: OutgoingMessage) -> String? {
        let strings: [String?] = [
            message.from.name, message.from.address, message.replyTo,
            message.to.name, message.to.address, message.subject, message.messageID,
            message.inReplyTo, message.references.isEmpty ? nil : message.references.joined(separator: " "),
        ]
        // strdup'd copies live until the end of this function; the shim copies what it keeps.
        let copies = strings.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let ccCopies: [UnsafePointer<CChar>?] = message.cc.map { UnsafePointer(strdup($0)) }
        defer { ccCopies.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
        let body = Array(message.body.utf8)
        // Each file's name, type and bytes copied for the shim, freed when this function returns.
        let files: [rapport_outgoing_attachment] = message.attachments.map { file in
            let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, file.data.count))
            file.data.copyBytes(to: bytes, count: file.data.count)
            return rapport_outgoing_attachment(name: UnsafePointer(strdup(file.name)), content_type: UnsafePointer(strdup(file.contentType)),
                                               data: UnsafePointer(bytes), length: file.data.count)
        }
        defer {
            for file in files {
                free(UnsafeMutablePointer(mutating: file.name))
                free(UnsafeMutablePointer(mutating: file.content_type))
                UnsafeMutablePointer(mutating: file.data)?.deallocate()
            }
        }
        return body.withUnsafeBufferPointer { bodyBytes -> String? in ccCopies.withUnsafeBufferPointer { cc -> String? in
            files.withUnsafeBufferPointer { attachments -> String? in
            var outgoing = rapport_outgoing()
            outgoing.attachments = attachments.baseAddress
            outgoing.attachment_count = attachments.count
            outgoing.cc_addresses = cc.baseAddress
            outgoing.cc_count = cc.count
            outgoing.from_name = UnsafePointer(copies[0])
            outgoing.from_address = UnsafePointer(copies[1])
            outgoing.reply_to_address = UnsafePointer(copies[2])
            outgoing.to_name = UnsafePointer(copies[3])
            outgoing.to_address = UnsafePointer(copies[4])
            outgoing.subject = UnsafePointer(copies[5])
            outgoing.message_id = UnsafePointer(copies[6])
            outgoing.in_reply_to = UnsafePointer(copies[7])
            outgoing.references = UnsafePointer(copies[8])
            outgoing.date_unix = Int64(message.date.timeIntervalSince1970.rounded(.down))
            outgoing.date_utc_offset = Int32(message.utcOffset)
            let empty: StaticString = ""
            outgoing.body = bodyBytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
                ?? UnsafeRawPointer(empty.utf8Start).assumingMemoryBound(to: CChar.self)
            outgoing.body_length = bodyBytes.count
            var length = 0
            guard let text = rapport_build_message(&outgoing, &length) else { return nil }
            defer { rapport_mime_string_free(text) }
            return String(decoding: UnsafeRawBufferPointer(start: text, count: length), as: UTF8.self)
        } } }
    }
}
