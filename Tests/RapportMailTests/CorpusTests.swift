import Foundation
import Testing
@testable import RapportMail

/// The shared corpus (105 files from others' test suites) read by our parser and by Python's.
@Suite("The shared corpus of real messages")
struct CorpusTests {
    /// Files that are expected not to parse, with the reason we give.
    static let expectedFailures: [String: String] = [
        "sample_output_multipart": "empty file",
    ]

    /// Where our reading of subject, sender address or Message-ID differs from Python's
    /// `email` package (policy=default) on purpose, and why we think ours is right or as good.
    static let acceptedDifferences: [String: String] = [
        // Eight RFC 2047 words, each padded base64 on its own. GMime joins adjacent base64 words of
        // one charset before decoding (so a character split across words survives) and stops at the
        // first '=' padding, keeping "MySurvey" and the final Q word. Python decodes word by word and
        // is right here; we accept the shorter subject rather than write a second RFC 2047 decoder.
        "error_emails/bad_subject.eml": "GMime joins padded base64 words",
        // Raw ISO-8859-1 bytes in Subject (no RFC 2047). GMime decodes them with its fallback charsets
        // (UTF-8, then ISO-8859-1) to "Formação … Verão"; Python gives U+FFFD. Ours is the readable one.
        "error_emails/invalid_subject_characters.eml": "8-bit header decoded by fallback charset",
        // Two Subject headers (RFC 5322 allows one). Python keeps the first, GMime the last;
        // neither is more right, and the body does not tell.
        "mime_emails/raw_email_with_binary_encoded.eml": "duplicate Subject: GMime keeps the last",
        "mime_emails/raw_email_with_multipart_mixed_quoted_boundary.eml": "duplicate Subject: GMime keeps the last",
        // "From: Big Bug bb@bug.com" is not a valid mailbox. Python reads a quoted local part
        // "Big Bug bb"@bug.com (undeliverable); our loose fallback takes bb@bug.com, the address the
        // writer meant, so the customer can be found and answered.
        "plain_emails/mix_caps_content_type.eml": "unquoted display name: loose sender fallback",
        // A continuation-less junk line ("quite Delivered-To: …") in the header block. Python ends the
        // headers there and sees no From, Subject or Message-ID; GMime skips the bad line and reads them.
        "plain_emails/raw_email_incorrect_header.eml": "GMime skips a malformed header line",
        // RFC 2822 appendix A.6.3, obsolete syntax: "From  : John Doe <jdoe@machine(comment).  example>".
        // Python's default policy does not accept white space before the colon; GMime does, as the RFC asks.
        "rfc2822/example13.eml": "obsolete header syntax (space before colon)",
    ]

    static func messageFiles() -> [String] {
        let all = FileManager.default.enumerator(atPath: TestPaths.corpus.path)?.allObjects as? [String] ?? []
        return all.filter { name in
            let url = TestPaths.corpus.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            let base = url.lastPathComponent
            return !isDirectory.boolValue && base != "LICENSE" && !base.hasPrefix(".")
        }.sorted()
    }

    /// Every corpus file into the Maildir's cur/ as `N.corpus:2,S` (N its place in `messageFiles()`),
    /// optionally all with one delivery time (the order is then the names'). Returns `messageFiles()`.
    @discardableResult
    static func copyMessageFiles(into maildir: String, deliveredAt: Date? = nil) throws -> [String] {
        let files = messageFiles()
        for (index, file) in files.enumerated() {
            let path = "\(maildir)/cur/\(index).corpus:2,S"
            try FileManager.default.copyItem(atPath: TestPaths.corpus.appendingPathComponent(file).path, toPath: path)
            if let deliveredAt {
                try FileManager.default.setAttributes([.modificationDate: deliveredAt], ofItemAtPath: path)
            }
        }
        return files
    }

    @Test("every file parses or is reported with a reason")
    func everyFileParsesOrGivesAReason() throws {
        let files = Self.messageFiles()
        #expect(files.count >= 100, "the corpus should be beside the repository at ../shared/corpus")
        var failures: [String: String] = [:]
        for file in files {
            do {
                let message = try MessageParser.parse(file: TestPaths.corpus.appendingPathComponent(file).path)
                #expect(message.from != nil || message.messageID != nil || message.subject != nil, "\(file) read as nothing")
            } catch {
                failures[file] = error.reason
            }
        }
        #expect(failures == Self.expectedFailures)
    }

    /// A file is parsed without the header fields nothing reads (Received, DKIM-Signature, X-…);
    /// bytes are parsed whole. Both must read every corpus message alike, field for field.
    @Test("a file read without its unread header fields parses as the whole message does")
    func leavingOutUnreadHeadersChangesNothing() throws {
        var compared = 0
        for file in Self.messageFiles() {
            let path = TestPaths.corpus.appendingPathComponent(file).path
            guard let bytes = FileManager.default.contents(atPath: path), !bytes.isEmpty else { continue }
            let whole = Result { () throws(ParseFailure) in try MessageParser.parse(bytes: bytes) }
            let trimmed = Result { () throws(ParseFailure) in try MessageParser.parse(file: path) }
            switch (whole, trimmed) {
            case let (.success(a), .success(b)):
                #expect(a == b, "\(file)")
                compared += 1
            case let (.failure(a), .failure(b)):
                #expect(a.reason == b.reason, "\(file)")
            default:
                Issue.record("\(file): \(whole) from bytes, \(trimmed) from the file")
            }
        }
        #expect(compared >= 100)
    }

    @Test("every part's size counted without decoding equals its decoded size")
    func partSizesWithoutDecoding() throws {
        var parts = 0, encoded = 0
        for file in Self.messageFiles() {
            guard let document = try? GMimeDocument(path: TestPaths.corpus.appendingPathComponent(file).path) else { continue }
            let (leaves, _) = document.leaves(maxDepth: ParseLimits.standard.depth, maxParts: ParseLimits.standard.parts)
            for index in leaves.indices {
                parts += 1
                #expect(document.size(ofLeaf: index) == document.decodedSize(ofLeaf: index), "\(file) part \(index)")
                if document.decodedSize(ofLeaf: index) > 0 { encoded += 1 }
            }
        }
        #expect(parts > 100 && encoded > 100, "the corpus has parts to compare (\(parts), \(encoded) not empty)")
    }

    @Test("subject, sender address, Cc addresses and Message-ID agree with Python's email parser")
    func agreesWithPython() throws {
        let files = TestPaths.corpusFiles()
        let result = try run("/usr/bin/env", ["python3", TestPaths.oracle.path] + files.map {
            TestPaths.corpus.appendingPathComponent($0).path
        })
        #expect(result.status == 0, "parse-oracle failed: \(result.stderr)")
        let oracle = try JSONDecoder().decode([OracleMessage].self, from: result.stdout)
        #expect(oracle.count == files.count)

        var differences: [String: String] = [:]
        for (file, python) in zip(files, oracle) {
            let ours = try MessageParser.parse(file: TestPaths.corpus.appendingPathComponent(file).path)
            var diff: [String] = []
            if collapse(ours.subject) != collapse(python.subject) {
                diff.append("subject ours=\(ours.subject ?? "nil") python=\(python.subject ?? "nil")")
            }
            if ours.from?.address?.lowercased() != python.from?.address?.lowercased() {
                diff.append("from ours=\(ours.from?.address ?? "nil") python=\(python.from?.address ?? "nil")")
            }
            let ourCc = ours.cc.compactMap { $0.address?.lowercased() }, pythonCc = python.cc.compactMap { $0.address?.lowercased() }
            if ourCc != pythonCc {
                diff.append("cc ours=\(ourCc) python=\(pythonCc)")
            }
            if ours.messageID != python.messageID {
                diff.append("message-id ours=\(ours.messageID ?? "nil") python=\(python.messageID ?? "nil")")
            }
            if !diff.isEmpty { differences[file] = diff.joined(separator: "; ") }
        }
        let unexplained = differences.filter { Self.acceptedDifferences[$0.key] == nil }
        #expect(unexplained.isEmpty, "\(unexplained.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n"))")
        let stale = Set(Self.acceptedDifferences.keys).subtracting(differences.keys)
        #expect(stale.isEmpty, "accepted differences that no longer differ: \(stale.sorted())")
    }

    private func collapse(_ value: String?) -> String? {
        value.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// The part of `parse-oracle`'s JSON that the comparison reads.
struct OracleMessage: Decodable {
    struct Address: Decodable {
        var name: String?
        var address: String?
    }

    var from: Address?
    var cc: [Address]
    var subject: String?
    var messageID: String?

    enum CodingKeys: String, CodingKey {
        case from, cc, subject
        case messageID = "message_id"
    }
}

@Suite("Reply-To in a real message")
struct ReplyToCorpusTests {
    /// A message whose From is one person and whose Reply-To names another (RFC 2822's example 6).
    @Test func replyToIsReadWithItsName() throws {
        let file = TestPaths.corpus.appendingPathComponent("rfc2822/example06.eml").path
        let message = try MessageParser.parse(file: file)
        #expect(message.from?.address == "mary@example.net")
        #expect(message.replyTo == [Mailbox(name: "Mary Smith: Personal Account", address: "smith@home.example")])
    }
}
