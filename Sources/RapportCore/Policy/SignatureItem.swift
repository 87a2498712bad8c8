import Foundation

/// Something that marks a line as part of a signature block rather than a person writing.
enum SignatureItem: String, CaseIterable {
    /// The `-- ` line that starts a conventional signature.
    case delimiter
    /// "Sent from my iPhone", "Get Outlook for Android".
    case sentFrom
    /// "This email is confidential and intended only for…"
    case disclaimer
    /// "Tel: …", "M: …", "Web: …" — a labelled contact line.
    case contactLabel
    case phone
    case url
    case email
    /// "Acme Insurance LLC", "Widgets Ltd"
    case legalName
    /// "Account Manager", "Head of Customer Success"
    case jobTitle
    /// "12 High Street", "Springfield, IL 62704", "PO Box 12"
    case postalAddress

    /// How the item is named in a message to the agent.
    var label: String {
        switch self {
        case .delimiter: "a \"-- \" signature delimiter"
        case .sentFrom: "a \"Sent from my …\" line"
        case .disclaimer: "a confidentiality disclaimer"
        case .contactLabel: "a contact-details line"
        case .phone: "a phone number"
        case .url: "a web address"
        case .email: "an email address"
        case .legalName: "a company legal name"
        case .jobTitle: "a job title"
        case .postalAddress: "a postal address"
        }
    }

    /// Items that never belong in a personal reply wherever they are.
    var isAlwaysSignature: Bool {
        switch self {
        case .delimiter, .sentFrom, .disclaimer, .contactLabel: true
        default: false
        }
    }

    /// Items a short personal signature to a new customer may not carry either (they may carry
    /// a full name, phone, email and link: a direct way to reach the agent).
    var isCorporate: Bool {
        switch self {
        case .sentFrom, .disclaimer, .legalName, .postalAddress: true
        default: false
        }
    }

    // MARK: - Detection

    /// The signature items found in one line, most telling first.
    static func find(in line: String) -> [SignatureItem] {
        let text = line.trimmed
        guard !text.isEmpty else { return [] }
        if text == "--" || text == "-- " || line == "-- " || (text.count >= 5 && text.allSatisfy({ $0 == "_" })) {
            return [.delimiter]
        }
        var found: [SignatureItem] = []
        let lower = text.lowercased()
        if matches(sentFromPattern, text) { found.append(.sentFrom) }
        if matches(disclaimerPattern, text) { found.append(.disclaimer) }
        if matches(contactLabelPattern, text) { found.append(.contactLabel) }
        if containsPhone(text) { found.append(.phone) }
        if matches(urlPattern, text) { found.append(.url) }
        if !NoReply.emailAddresses(in: text).isEmpty { found.append(.email) }
        if matches(legalNamePattern, text) { found.append(.legalName) }
        if isJobTitle(text) { found.append(.jobTitle) }
        if matches(postalPattern, text) || lower.hasPrefix("po box") || lower.hasPrefix("p.o. box") { found.append(.postalAddress) }
        return found
    }

    static func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static let sentFromPattern = try! NSRegularExpression(
        pattern: #"^(?:sent from my\b|sent from (?:mail|outlook|yahoo|gmail) for\b|get outlook for\b|sent via\b)"#,
        options: [.caseInsensitive])
    static let disclaimerPattern = try! NSRegularExpression(
        pattern: #"confidentiality (?:notice|note|statement)|\bdisclaimer:|received this (?:e-?mail|message|communication|transmission) in error|intended (?:solely |only |exclusively )?for (?:the )?(?:use of the |named )?(?:individual|recipient|addressee|person|entity)|(?:e-?mail|message|communication)(?: and any (?:attachments|files)[^.]*?)? (?:is|are|may be|may contain) (?:strictly )?(?:confidential|privileged)|unauthori[sz]ed (?:use|disclosure|review|copying|distribution)"#,
        options: [.caseInsensitive])
    static let contactLabelPattern = try! NSRegularExpression(
        pattern: #"^(?:(?:tel|telephone|phone|ph|mobile|mob|cell|fax|direct|office|main|email|e-mail|web|website|skype|whatsapp)\s*[:.|]|[tmpfew]\s*[:|])\s*\S"#,
        options: [.caseInsensitive])
    static let urlPattern = try! NSRegularExpression(
        pattern: #"\b(?:https?://|www\.)\S+|(?<![@\w.-])\b[a-z0-9-]+\.(?:com|net|org|io|co|biz|info|co\.uk|de|fr|us)(?:/\S*)?\b(?!@)"#,
        options: [.caseInsensitive])
    static let legalNamePattern = try! NSRegularExpression(
        pattern: #"(?<=[A-Za-z0-9&.,)]\s)(?:LLC|L\.L\.C\.|Inc\.?|Incorporated|Ltd\.?|Limited|GmbH|PLC|plc|LLP|L\.P\.|Corp\.?|Corporation|Pty\.?(?: Ltd\.?)?|S\.A\.|SARL|S\.à r\.l\.|B\.V\.|N\.V\.|AG|S\.p\.A\.|S\.r\.l\.|Co\., Ltd\.?)(?=$|[\s,.;)])"#)
    static let postalPattern = try! NSRegularExpression(
        pattern: #"^\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq|Terrace|Parkway|Pkwy|Highway|Hwy|Close|Crescent|Row)\b|\b[A-Z][a-z]+,?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b|\bSuite\s+\d+"#)

    /// Job-title words; a title line is short, has no sentence punctuation and is mostly capitalised.
    static let titleWords: Set<String> = [
        "manager", "director", "officer", "specialist", "representative", "coordinator", "associate", "executive",
        "consultant", "advisor", "adviser", "supervisor", "analyst", "administrator", "assistant", "president",
        "vp", "ceo", "cfo", "coo", "cto", "founder", "co-founder", "head", "lead", "agent", "partner", "principal",
        "engineer", "clerk", "secretary", "underwriter", "banker", "broker", "owner", "chairman", "chair",
    ]

    static func isJobTitle(_ text: String) -> Bool {
        let words = text.words
        guard (1...7).contains(words.count), !text.endsLikeSentence, !text.hasSuffix(",") else { return false }
        let cores = words.map { $0.trimmingCharacters(in: .punctuationCharacters).lowercased() }
        guard cores.contains(where: titleWords.contains) else { return false }
        let minor: Set<String> = ["of", "and", "for", "the", "&", "at", "to"]
        let capitalised = words.filter { $0.first?.isUppercase == true || minor.contains($0.lowercased()) }
        return capitalised.count == words.count
    }

    /// A phone number: 7–15 digits written the way phone numbers are ("+1 555 013 4222",
    /// "(555) 013-4222", "020 7946 0958"), not a date, an amount or a reference number.
    static func containsPhone(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        for match in phoneCandidate.matches(in: text, range: range) {
            guard let r = Range(match.range, in: text) else { continue }
            let candidate = text[r].trimmed
            let digits = candidate.filter(\.isNumber).count
            guard (7...15).contains(digits) else { continue }
            if matches(isoDate, String(candidate)) { continue }
            let groups = candidate.split(whereSeparator: { !$0.isNumber }).count
            if candidate.hasPrefix("+") || candidate.hasPrefix("(") || groups >= 3 || (groups == 2 && digits >= 10) {
                return true
            }
        }
        return false
    }

    static let phoneCandidate = try! NSRegularExpression(pattern: #"(?<![\w$€£.,/-])[+(]?\d[\d ().-]{5,}\d(?![\w%/-])"#)
    static let isoDate = try! NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$"#)
}
