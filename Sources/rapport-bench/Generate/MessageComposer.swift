import RapportCore

/// Writes the bytes of one planned message: headers, a text body in one of several charsets and
/// transfer encodings, sometimes HTML, sometimes attachments. Pure: same plan + index → same bytes.
struct MessageComposer: Sendable {
    enum Charset { case utf8, latin1 }
    enum TransferEncoding { case quotedPrintable, base64, eightBit }

    let plan: MaildirPlan
    private let wordsUTF8: [[UInt8]]
    private let wordsLatin1: [[UInt8]]
    private let utf8OnlyWords: [[UInt8]]

    init(plan: MaildirPlan) {
        self.plan = plan
        wordsUTF8 = Vocabulary.ranked.map { Array($0.utf8) }
        wordsLatin1 = Vocabulary.ranked.map { MailEncoding.latin1($0) }
        utf8OnlyWords = Vocabulary.utf8Only.map { Array($0.utf8) }
    }

    /// What `compose` decided, for the generator's summary.
    struct Shape {
        var multipart = false
        var attachments = 0
    }

    func messageID(thread: Int32, position: Int16) -> String? {
        var random = SplitMix64(seed: plan.seed, stream: 2, item: UInt64(thread) << 16 | UInt64(position))
        // A few clients send no Message-ID; ingest then keys the message by its content hash.
        if random.chance(0.002) { return nil }
        return "\(thread).\(position).\(String(plan.seed, radix: 16))@\(position % 2 == 0 ? "mail" : "mx").example.net"
    }

    func compose(_ index: Int, into out: inout [UInt8]) -> Shape {
        let message = plan.messages[index]
        let thread = plan.threads[Int(message.thread)]
        let customer = plan.customers[Int(thread.customer)]
        let agent = MaildirPlan.agents[customer.agent]
        var random = SplitMix64(seed: plan.seed, stream: 1, item: UInt64(index))
        var shape = Shape()

        let roll = random.unit()
        let charset: Charset = roll < 0.75 ? .utf8 : .latin1
        let encoding: TransferEncoding = switch roll {
        case ..<0.45: .quotedPrintable
        case ..<0.60: .base64
        case ..<0.75: .eightBit
        case ..<0.90: .quotedPrintable
        default: .eightBit
        }
        let charsetName = charset == .utf8 ? "UTF-8" : "ISO-8859-1"

        // MARK: Headers
        let (date, customerName, agentName) = parties(message, customer: customer, agent: agent)
        let (fromName, fromAddress, toName, toAddress) = message.fromAgent
            ? (agentName, agent.email, customerName, customer.address)
            : (customerName, customer.address, agentName, agent.email)
        var subject = Vocabulary.topics[Int(thread.topic)].replacingOccurrences(of: "#", with: "#\(thread.number)")
        if message.position > 0 { subject = (random.chance(0.1) ? "RE: " : "Re: ") + subject }

        append("Return-Path: <\(fromAddress)>\n", to: &out)
        let hop = random.below(200)
        append("Received: from mx\(hop).example.net (mx\(hop).example.net [192.0.2.\(hop)])\n", to: &out)
        append("\tby mail.support.example (Postfix) with ESMTPS id \(String(random.next() >> 24, radix: 16, uppercase: true))\n", to: &out)
        append("\tfor <\(toAddress)>; \(date)\n", to: &out)
        append("Date: \(date)\n", to: &out)
        append("From: ", to: &out)
        mailbox(fromName, fromAddress, charset: charset, charsetName: charsetName, into: &out)
        append("To: ", to: &out)
        mailbox(toName, toAddress, charset: charset, charsetName: charsetName, into: &out)
        append("Subject: ", to: &out)
        MailEncoding.headerValue(bytes(subject, charset), charset: charsetName, into: &out)
        append("\n", to: &out)
        threadHeaders(message, into: &out)
        if random.chance(0.5) { append("X-Mailer: \(random.pick(["Thunderbird 115.3", "Apple Mail (2.3731)", "Outlook 16.0", "Rapport"]))\n", to: &out) }
        append("MIME-Version: 1.0\n", to: &out)

        // MARK: Body
        let textBytes = bodyLength(&random)
        var text: [UInt8] = []
        text.reserveCapacity(textBytes + 512)
        writeText(&text, greeting: message.fromAgent ? customer.first : agent.first,
                  signature: message.fromAgent ? agent.first : customer.first,
                  quoting: message.position > 0 && random.chance(0.6), length: textBytes, charset: charset,
                  random: &random)

        // Pasted logs stay single text parts, so no file grows past about 1 MB.
        let small = textBytes < 100_000
        let multipart = small && random.chance(0.10)
        let htmlOnly = small && !multipart && random.chance(0.03)
        if !multipart {
            if htmlOnly {
                part(type: "text/html", charsetName: charsetName, encoding: encoding, content: html(text), into: &out)
            } else {
                part(type: "text/plain", charsetName: charsetName, encoding: encoding, content: text, into: &out)
            }
            return shape
        }
        shape.multipart = true
        let boundary = "=_bench_\(index)_\(String(random.next() >> 32, radix: 36))"
        append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"\n\nThis is a multi-part message in MIME format.\n", to: &out)
        append("\n--\(boundary)\n", to: &out)
        if random.chance(0.4) {
            let inner = boundary + "_alt"
            append("Content-Type: multipart/alternative; boundary=\"\(inner)\"\n\n", to: &out)
            append("--\(inner)\n", to: &out)
            part(type: "text/plain", charsetName: charsetName, encoding: encoding, content: text, into: &out)
            append("\n--\(inner)\n", to: &out)
            part(type: "text/html", charsetName: charsetName, encoding: encoding, content: html(text), into: &out)
            append("\n--\(inner)--\n", to: &out)
        } else {
            part(type: "text/plain", charsetName: charsetName, encoding: encoding, content: text, into: &out)
        }
        let count = 1 + (random.chance(0.25) ? 1 + random.below(2) : 0)
        for n in 0..<count {
            attachment(n, medianSize: 12_000, thread: thread, boundary: boundary, random: &random, into: &out)
        }
        append("\n--\(boundary)--\n", to: &out)
        shape.attachments = count
        return shape
    }

    // MARK: - Pieces (shared with `SupportComposer`)

    /// The Date header (in the writer's offset: agents write from UTC+1) and both parties' names.
    func parties(_ message: MaildirPlan.Message, customer: MaildirPlan.Customer,
                 agent: (login: String, first: String, last: String, email: String))
        -> (date: String, customerName: String, agentName: String) {
        let offset = message.fromAgent ? 60 : customer.offsetMinutes
        return (MailDate.rfc5322(message.date, offsetMinutes: offset), customer.first + " " + customer.last,
                agent.first + " " + agent.last)
    }

    /// Message-ID, and for a reply In-Reply-To (the previous message) and References (up to 20).
    func threadHeaders(_ message: MaildirPlan.Message, into out: inout [UInt8]) {
        if let id = messageID(thread: message.thread, position: message.position) {
            append("Message-ID: <\(id)>\n", to: &out)
        }
        if message.position > 0 {
            let earlier = (0..<message.position).compactMap { messageID(thread: message.thread, position: $0) }
            if let last = messageID(thread: message.thread, position: message.position - 1) {
                append("In-Reply-To: <\(last)>\n", to: &out)
            }
            if !earlier.isEmpty {
                append("References:", to: &out)
                for (k, id) in earlier.suffix(20).enumerated() { append(k == 0 ? " <\(id)>" : "\n\t<\(id)>", to: &out) }
                append("\n", to: &out)
            }
        }
    }

    /// The `n`th attachment of a multipart/mixed message: random bytes in base64, 300 B–500 KB around `medianSize`.
    func attachment(_ n: Int, medianSize: Double, thread: MaildirPlan.Thread, boundary: String, random: inout SplitMix64,
                    into out: inout [UInt8]) {
        let kind = random.pick(Vocabulary.attachmentKinds)
        let size = Int(min(500_000, max(300, random.logNormal(median: medianSize, sigma: 1.2))))
        var data = [UInt8](repeating: 0, count: size)
        data.withUnsafeMutableBytes { raw in
            var i = 0
            while i + 8 <= raw.count { raw.storeBytes(of: random.next(), toByteOffset: i, as: UInt64.self); i += 8 }
            while i < raw.count { raw[i] = UInt8(truncatingIfNeeded: random.next()); i += 1 }
        }
        append("\n--\(boundary)\n", to: &out)
        let name = "\(["invoice", "photo", "scan", "statement", "receipt"][n % 5])-\(thread.number)-\(n + 1).\(kind.ext)"
        append("Content-Type: \(kind.type); name=\"\(name)\"\nContent-Disposition: attachment; filename=\"\(name)\"\n", to: &out)
        append("Content-Transfer-Encoding: base64\n\n", to: &out)
        MailEncoding.base64(data, into: &out)
    }

    /// Three words in four from the everyday list, the rest from the whole Zipf-ranked vocabulary
    /// (names, products, jargon): a realistic mix of very common and rare terms for the index.
    private func pickRank(_ random: inout SplitMix64) -> Int {
        random.chance(0.75) ? random.zipf(Vocabulary.common.count) : random.zipf(wordsUTF8.count)
    }

    /// Body text size: median about 2.6 KB, a long tail, and a few pasted logs near the 1 MB parse limit.
    private func bodyLength(_ random: inout SplitMix64) -> Int {
        if random.chance(0.002) { return 100_000 + random.below(600_000) }
        return Int(min(200_000, max(150, random.logNormal(median: 2_600, sigma: 0.75))))
    }

    func part(type: String, charsetName: String, encoding: TransferEncoding, content: [UInt8],
                      into out: inout [UInt8]) {
        let cte = switch encoding {
        case .quotedPrintable: "quoted-printable"
        case .base64: "base64"
        case .eightBit: "8bit"
        }
        append("Content-Type: \(type); charset=\(charsetName)\nContent-Transfer-Encoding: \(cte)\n\n", to: &out)
        switch encoding {
        case .quotedPrintable: MailEncoding.quotedPrintable(content, into: &out)
        case .base64: MailEncoding.base64(content, into: &out)
        case .eightBit: out.append(contentsOf: content); out.append(UInt8(ascii: "\n"))
        }
    }

    func mailbox(_ name: String, _ address: String, charset: Charset, charsetName: String,
                         into out: inout [UInt8]) {
        if name.unicodeScalars.allSatisfy(\.isASCII) {
            append("\"\(name)\" <\(address)>\n", to: &out)
        } else {
            MailEncoding.headerValue(bytes(name, charset), charset: charsetName, into: &out)
            append(" <\(address)>\n", to: &out)
        }
    }

    /// Greeting, paragraphs of Zipf-distributed words wrapped at 72 columns, a sign-off, and
    /// sometimes a quote of the previous message.
    private func writeText(_ text: inout [UInt8], greeting: String, signature: String, quoting: Bool, length: Int,
                           charset: Charset, random: inout SplitMix64) {
        text += bytes("Hi \(greeting),\n\n", charset)
        let words = charset == .utf8 ? wordsUTF8 : wordsLatin1
        let bodyEnd = text.count + (quoting ? length * 2 / 3 : length)
        var running = RunningText()
        var wordsInSentence = 0
        var sentencesInParagraph = 0
        while text.count < bodyEnd {
            running.append(charset == .utf8 && random.chance(0.004) ? random.pick(utf8OnlyWords) : words[pickRank(&random)],
                           to: &text)
            wordsInSentence += 1
            if wordsInSentence >= 6 && random.chance(0.12) {
                running.endSentence(random.chance(0.8) ? UInt8(ascii: ".") : UInt8(ascii: "?"), in: &text)
                wordsInSentence = 0
                sentencesInParagraph += 1
                if sentencesInParagraph >= 2 && random.chance(0.3) {
                    running.paragraph(in: &text)
                    sentencesInParagraph = 0
                }
            }
        }
        text += bytes(".\n\nThanks,\n\(signature)\n", charset)
        if quoting {
            text += bytes("\nOn an earlier day, someone wrote:\n", charset)
            let quoteEnd = text.count + length / 3
            var line = 0
            text += [UInt8(ascii: ">"), UInt8(ascii: " ")]
            while text.count < quoteEnd {
                let word = words[pickRank(&random)]
                if line + word.count > 70 {
                    text += [UInt8(ascii: "\n"), UInt8(ascii: ">"), UInt8(ascii: " ")]
                    line = 0
                }
                text += word
                text.append(UInt8(ascii: " "))
                line += word.count + 1
            }
            text.append(UInt8(ascii: "\n"))
        }
    }

    /// The same text as simple HTML paragraphs (what a webmail would send beside it).
    func html(_ text: [UInt8]) -> [UInt8] {
        var out = Array("<html><body><p>".utf8)
        out.reserveCapacity(text.count + 256)
        var previousNewline = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "\n"):
                out += previousNewline ? Array("</p>\n<p>".utf8) : [UInt8(ascii: " ")]
                previousNewline = true
                continue
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            default: out.append(byte)
            }
            previousNewline = false
        }
        out += Array("</p></body></html>\n".utf8)
        return out
    }

    func bytes(_ string: String, _ charset: Charset) -> [UInt8] {
        charset == .utf8 ? Array(string.utf8) : MailEncoding.latin1(string)
    }

    func append(_ string: String, to out: inout [UInt8]) {
        out.append(contentsOf: string.utf8)
    }
}
