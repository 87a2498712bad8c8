import RapportCore

/// The `support` shape: mail as a support desk receives it. Short new text in an open vocabulary
/// (Zipf-ranked words, made-up rare words, order numbers, amounts, tracking codes, URLs), a quote
/// of the previous message (and of the one before it, as mail clients nest them), signatures and
/// company disclaimers, a text + HTML alternative in most messages, some attachments, and the
/// Received / DKIM / Authentication-Results block real delivery adds. Pure: same plan + index → same bytes.
///
/// A message's own text comes from a stream seeded by its thread and position alone, so the next
/// message can regenerate it to quote it, in any order, on any thread.
struct SupportComposer: Sendable {
    let base: MessageComposer
    var plan: MaildirPlan { base.plan }
    private let words: [[UInt8]]

    init(plan: MaildirPlan) {
        base = MessageComposer(plan: plan)
        words = Vocabulary.ranked.map { Array($0.utf8) }
    }

    func compose(_ index: Int, into out: inout [UInt8]) -> MessageComposer.Shape {
        let message = plan.messages[index]
        let thread = plan.threads[Int(message.thread)]
        let customer = plan.customers[Int(thread.customer)]
        let agent = MaildirPlan.agents[customer.agent]
        var random = SplitMix64(seed: plan.seed, stream: 5, item: UInt64(index))
        var shape = MessageComposer.Shape()
        // Nine in ten in UTF-8; webmail and phones send quoted-printable, a few clients base64 or 8bit.
        let charset: MessageComposer.Charset = random.chance(0.9) ? .utf8 : .latin1
        let encoding: MessageComposer.TransferEncoding = switch random.unit() {
        case ..<0.7: .quotedPrintable
        case ..<0.85: .base64
        default: .eightBit
        }
        let charsetName = charset == .utf8 ? "UTF-8" : "ISO-8859-1"

        // MARK: Headers
        let (date, customerName, agentName) = base.parties(message, customer: customer, agent: agent)
        let (fromName, fromAddress, toName, toAddress) = message.fromAgent
            ? (agentName, agent.email, customerName, customer.address)
            : (customerName, customer.address, agentName, agent.email)
        let domain = String(fromAddress.split(separator: "@").last ?? "example.com")
        var subject = Vocabulary.topics[Int(thread.topic)].replacingOccurrences(of: "#", with: "#\(thread.number)")
        if message.position > 0 { subject = (random.chance(0.1) ? "RE: " : "Re: ") + subject }

        deliveryHeaders(from: fromAddress, to: toAddress, domain: domain, date: date, hops: message.fromAgent ? 1 : 3,
                        random: &random, into: &out)
        base.append("Date: \(date)\nFrom: ", to: &out)
        base.mailbox(fromName, fromAddress, charset: charset, charsetName: charsetName, into: &out)
        base.append("To: ", to: &out)
        base.mailbox(toName, toAddress, charset: charset, charsetName: charsetName, into: &out)
        base.append("Subject: ", to: &out)
        MailEncoding.headerValue(base.bytes(subject, charset), charset: charsetName, into: &out)
        base.append("\n", to: &out)
        base.threadHeaders(message, into: &out)
        base.append("MIME-Version: 1.0\n", to: &out)

        // MARK: Body
        var text = ownText(message) + signature(message, thread: thread)
        // Most clients quote what they answer (two levels: the previous message keeps its own quote).
        if message.position > 0 && random.chance(0.75) {
            // A thread's messages are consecutive in the plan.
            let previous = plan.messages[index - 1]
            text += base.bytes("\nOn \(MailDate.rfc5322(previous.date, offsetMinutes: 0)), \(previous.fromAgent ? agentName : customerName) wrote:\n", .utf8)
            var quoted = ownText(previous) + signature(previous, thread: thread)
            if previous.position > 0 {
                quoted += Array("\n".utf8) + quote(ownText(plan.messages[index - 2]))
            }
            text += quote(quoted)
        }
        if charset == .latin1 { text = MailEncoding.latin1(String(decoding: text, as: UTF8.self)) }

        let attachments = random.chance(0.06) ? 1 + (random.chance(0.3) ? 1 : 0) : 0
        let alternative = random.chance(0.75)
        let htmlOnly = !alternative && random.chance(0.12)
        let boundary = "=_support_\(index)_\(String(random.next() >> 32, radix: 36))"
        if attachments > 0 {
            shape.multipart = true
            base.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"\n\n--\(boundary)\n", to: &out)
        }
        if alternative {
            shape.multipart = true
            let inner = boundary + "_alt"
            base.append("Content-Type: multipart/alternative; boundary=\"\(inner)\"\n\n--\(inner)\n", to: &out)
            base.part(type: "text/plain", charsetName: charsetName, encoding: encoding, content: text, into: &out)
            base.append("\n--\(inner)\n", to: &out)
            base.part(type: "text/html", charsetName: charsetName, encoding: encoding, content: html(text), into: &out)
            base.append("\n--\(inner)--\n", to: &out)
        } else {
            base.part(type: htmlOnly ? "text/html" : "text/plain", charsetName: charsetName, encoding: encoding,
                      content: htmlOnly ? html(text) : text, into: &out)
        }
        if attachments > 0 {
            for n in 0..<attachments {
                base.attachment(n, medianSize: 20_000, thread: thread, boundary: boundary, random: &random, into: &out)
            }
            base.append("\n--\(boundary)--\n", to: &out)
            shape.attachments = attachments
        }
        return shape
    }

    // MARK: - Headers

    /// Return-Path, Received hops, DKIM-Signature, Authentication-Results and a sender's tracking
    /// header: what every delivered message carries, and nothing a reader looks at.
    private func deliveryHeaders(from: String, to: String, domain: String, date: String, hops: Int,
                                 random: inout SplitMix64, into out: inout [UInt8]) {
        base.append("Return-Path: <\(from)>\nDelivered-To: \(to)\n", to: &out)
        for hop in 0..<hops {
            let n = random.below(250)
            let id = String(random.next() >> 4, radix: 36)
            if hop == 0 {
                base.append("Received: from mail-\(id.prefix(6)).\(domain) (mail-\(id.prefix(6)).\(domain) [198.51.100.\(n)])\n\tby mx1.support.example (Postfix) with ESMTPS id \(id.uppercased().prefix(12))\n\tfor <\(to)>; \(date)\n", to: &out)
            } else {
                base.append("Received: by 2002:a05:6a10:\(String(n, radix: 16)):b0:\(id.prefix(4)):\(id.suffix(4)) with SMTP id \(id);\n        \(date)\n", to: &out)
            }
        }
        base.append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=\(domain); s=2024\(random.below(12) + 1);\n\tt=\(1_700_000_000 + random.below(90_000_000)); x=\(1_800_000_000 + random.below(90_000_000)); darn=support.example;\n\th=to:subject:message-id:date:from:mime-version:from:to:cc:subject:date\n\t :message-id:reply-to;\n\tbh=", to: &out)
        randomBase64(32, &random, into: &out)
        base.append(";\n\tb=", to: &out)
        for line in 0..<5 {
            randomBase64(line == 4 ? 12 : 48, &random, into: &out)
            base.append(line == 4 ? "\n" : "\n\t ", to: &out)
        }
        base.append("Authentication-Results: mx1.support.example;\n\tdkim=pass header.d=\(domain) header.s=2024;\n\tspf=pass (mx1.support.example: domain of \(from) designates 198.51.100.7 as permitted sender) smtp.mailfrom=\(from);\n\tdmarc=pass (p=NONE) header.from=\(domain)\n", to: &out)
        base.append("X-Received: by 2002:a17:906:", to: &out)
        randomBase64(24, &random, into: &out)
        base.append("\nX-Google-Smtp-Source: ", to: &out)
        randomBase64(57, &random, into: &out)
        base.append("\n", to: &out)
    }

    private func randomBase64(_ count: Int, _ random: inout SplitMix64, into out: inout [UInt8]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count { withUnsafeBytes(of: random.next()) { bytes += $0 } }
        MailEncoding.base64(Array(bytes.prefix(count)), lineLength: nil, into: &out)
    }

    // MARK: - Text

    /// What the writer of `message` typed: a greeting, a few sentences, a sign-off. Seeded by the
    /// message's place in its thread only, so a reply can regenerate it to quote it.
    func ownText(_ message: MaildirPlan.Message) -> [UInt8] {
        let thread = plan.threads[Int(message.thread)]
        let customer = plan.customers[Int(thread.customer)]
        let agent = MaildirPlan.agents[customer.agent]
        let (writer, reader) = message.fromAgent ? (agent.first, customer.first) : (customer.first, agent.first)
        var random = SplitMix64(seed: plan.seed, stream: 6, item: UInt64(message.thread) << 16 | UInt64(message.position))
        var text = Array((random.chance(0.7) ? "Hi \(reader),\n\n" : "Hello,\n\n").utf8)
        let target = Int(min(6_000, max(80, random.logNormal(median: 380, sigma: 0.7))))
        let end = text.count + target
        var running = RunningText()
        var sentence = 0
        while text.count < end {
            running.append(token(&random, thread: thread), to: &text)
            sentence += 1
            if sentence >= 5 && random.chance(0.15) {
                running.endSentence(random.chance(0.8) ? UInt8(ascii: ".") : UInt8(ascii: "?"), in: &text)
                sentence = 0
                if random.chance(0.25) { running.paragraph(in: &text) }
            }
        }
        text += Array(".\n\n\(random.pick(["Thanks", "Best regards", "Kind regards", "Cheers", "Many thanks"])),\n\(writer)\n".utf8)
        return text
    }

    /// One word of running text: mostly the Zipf-ranked vocabulary, sometimes a rare made-up word,
    /// the thread's order number, an amount, a tracking code or a link (each a term of its own).
    private func token(_ random: inout SplitMix64, thread: MaildirPlan.Thread) -> [UInt8] {
        let roll = random.unit()
        switch roll {
        case ..<0.93:
            return words[random.chance(0.6) ? random.zipf(Vocabulary.common.count) : random.zipf(words.count)]
        case ..<0.96:
            // Rare words: product names, surnames, typos; most appear a handful of times in 100k messages.
            var word: [UInt8] = []
            for _ in 0..<(2 + random.below(3)) { word += Array(random.pick(Vocabulary.syllables).utf8) }
            return word
        case ..<0.975:
            return Array("#\(thread.number)".utf8)
        case ..<0.985:
            let amount = random.logNormal(median: 60, sigma: 1.2)
            let cents = random.below(100)
            return Array("\(random.pick(["€", "$", "£", ""]))\(Int(amount)).\(cents < 10 ? "0" : "")\(cents)".utf8)
        case ..<0.993:
            // A carrier's tracking code: unique to one parcel.
            var code = Array(random.pick(["1Z", "JD0", "LX", "RR"]).utf8)
            let alphabet = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)
            for _ in 0..<14 { code.append(alphabet[random.below(alphabet.count)]) }
            return code
        default:
            let path = String(random.next() >> 20, radix: 36)
            return Array("https://\(random.pick(["track.example.com/p", "shop.example.com/orders", "help.example.com/articles", "example.com/account/billing"]))/\(path)".utf8)
        }
    }

    /// An agent signs with the company's block; a customer sometimes with a phone's line, and mail
    /// from a company often ends in its legal disclaimer.
    private func signature(_ message: MaildirPlan.Message, thread: MaildirPlan.Thread) -> [UInt8] {
        var random = SplitMix64(seed: plan.seed, stream: 7, item: UInt64(message.thread) << 16 | UInt64(message.position))
        if message.fromAgent {
            let agent = MaildirPlan.agents[plan.customers[Int(thread.customer)].agent]
            return Array("\n--\n\(agent.first) \(agent.last)\nCustomer Support | Example Shop\nhttps://help.example.com · +44 20 7946 0\(100 + random.below(900))\n".utf8)
        }
        var text: [UInt8] = []
        if random.chance(0.3) { text += Array("\nSent from my \(random.pick(["iPhone", "Android phone", "iPad"]))\n".utf8) }
        if random.chance(0.25) { text += Array("\n\(random.pick(Self.disclaimers))\n".utf8) }
        return text
    }

    static let disclaimers = [
        "CONFIDENTIALITY NOTICE: This email and any attachments are confidential and may be privileged. If you are not the intended recipient, please notify the sender immediately and delete it. Any use, disclosure or copying is prohibited.",
        "This message is intended only for the addressee and may contain information that is confidential. If you have received it in error, please tell us by reply and delete it from your system. We do not accept liability for any viruses.",
        "Please consider the environment before printing this email. The company is registered in England and Wales, number 0\(7_654_321), registered office as above.",
        "Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender und vernichten Sie diese E-Mail.",
    ]

    /// "> " before every line.
    private func quote(_ text: [UInt8]) -> [UInt8] {
        var out = Array("> ".utf8)
        out.reserveCapacity(text.count + text.count / 30)
        for (i, byte) in text.enumerated() {
            out.append(byte)
            if byte == UInt8(ascii: "\n") && i + 1 < text.count { out += Array("> ".utf8) }
        }
        if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        return out
    }

    /// The text as a webmail's HTML: styled paragraphs, quoted lines in a blockquote.
    private func html(_ text: [UInt8]) -> [UInt8] {
        let page = base.html(text)   // "<html><body>…"
        return Array("<html><head><style>p{margin:0;font-family:Arial,sans-serif;font-size:14px}</style></head>".utf8)
            + page.dropFirst("<html>".utf8.count)
    }
}
