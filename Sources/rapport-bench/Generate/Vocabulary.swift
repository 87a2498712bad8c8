/// Words, names and topics the generated mail is made of. Common words first: `SplitMix64.zipf`
/// makes early ranks frequent and late ones rare, as in real text, so searches have both.
enum Vocabulary {
    /// Everyday support words, most frequent first.
    static let common: [String] = """
        the to and a of I you for is it in that we on my have this with be your can not are
        was but if at as so me please order just thanks do will would get our what an or
        there by all about know they one could from us when has time any like need also
        account help back still here been new some now again out did more which up
        invoice refund delivery payment package subscription password email address phone
        problem issue question update item price shipping card charge plan team support
        today week month tomorrow yesterday monday friday morning afternoon evening
        received sent tried called checked looked asked said wanted think hope sure
        quick small big last next first other same different right wrong late early
        return exchange replace cancel renew upgrade downgrade confirm change reset
        screen battery cable charger box label parcel courier tracking number code
        discount coupon voucher receipt warranty repair broken damaged missing lost
        login website app download install settings profile notification message
        bank transfer balance credit debit fee rate increase contract quote renewal
        appointment booking schedule visit store branch manager colleague friend
        family daughter son husband wife neighbour recommended referral
        great lovely perfect happy sorry unfortunately honestly actually really
        """.split(separator: " ").flatMap { $0.split(separator: "\n") }.map(String.init).filter { !$0.isEmpty }

    /// Words with accents, all in ISO-8859-1 so a Latin-1 message can carry them.
    static let accented: [String] = [
        "café", "naïve", "déjà", "vu", "résumé", "façade", "über", "Grüße", "schön", "Straße", "Zürich",
        "München", "señor", "mañana", "año", "niño", "crème", "brûlée", "fiancée", "coöperate", "Ærø",
        "smørrebrød", "Malmö", "Göteborg", "Åland", "Ísafjörður", "São", "Paulo", "ação", "informação",
        "bonjour", "merci", "à", "bientôt", "très", "bien", "Müller", "Ångström", "jalapeño", "piñata",
    ]

    /// Text only UTF-8 can carry: ISO-8859-1 messages never draw these.
    static let utf8Only: [String] = [
        "€", "—", "“thanks”", "🙂", "👍", "日本", "東京", "Łódź", "Dvořák", "Ελλάδα", "Москва", "İstanbul",
        "œuvre", "…", "Škoda", "Čapek", "ğ", "Kraków",
    ]

    /// Syllables of made-up rare words (product names, surnames, jargon): a long tail of distinct terms.
    static let syllables = ["ka", "lo", "mi", "ser", "tan", "vu", "dre", "qui", "pol", "nex", "ar", "bel",
                                    "cor", "dun", "fi", "gra", "hol", "jin", "mor", "pra", "sto", "tri", "ul", "wen",
                                    "xa", "yor", "zel", "bra", "cli", "fen"]

    /// The word at a rank: first the common words, then accented ones, then made-up rare words.
    static let ranked: [String] = {
        var words = common
        // Accented words sit among the moderately common ranks.
        for (i, word) in accented.enumerated() { words.insert(word, at: min(words.count, 60 + i * 5)) }
        var seen = Set(words)
        var n = 0
        while words.count < 40_000 {
            var word = ""
            var k = n
            repeat {
                word += syllables[k % syllables.count]
                k /= syllables.count
            } while k > 0
            word += syllables[(n * 7 + 3) % syllables.count]
            if seen.insert(word).inserted { words.append(word) }
            n += 1
        }
        return words
    }()

    static let firstNames: [String] = [
        "Dana", "Alex", "Sam", "Priya", "Jonas", "Mei", "Olu", "Zoë", "José", "François", "Søren", "Anaïs",
        "Björn", "Chloé", "Émile", "Hannah", "Ibrahim", "Julia", "Kai", "Lena", "Marta", "Noah", "Olivia",
        "Pablo", "Rania", "Sofia", "Tomás", "Uma", "Viktor", "Wen", "Yusuf", "Zara", "Agnieszka", "Bruno",
        "Carmen", "Dmitri", "Elif", "Farah", "Gustav", "Hiro", "Ines", "Jamal", "Katarzyna", "Liam", "Maya",
    ]

    static let lastNames: [String] = [
        "Whitfield", "Okafor", "Nguyen", "Müller", "García", "Kowalski", "Andersson", "O'Brien", "Rossi",
        "Dubois", "Ólafsdóttir", "Svensson", "Fernández", "Novak", "Smith", "Johnson", "Lee", "Patel", "Kim",
        "Costa", "Haddad", "Ivanova", "Jensen", "Lindqvist", "Martin", "Nakamura", "Papadopoulos", "Quinn",
        "Rahman", "Schmidt", "Tanaka", "Ulrich", "Varga", "Walsh", "Yilmaz", "Zhang", "Brennan", "Castillo",
        "Dahl", "Eriksen", "Fitzgerald", "Gómez", "Horvat", "Ionescu", "Jovanović",
    ]

    static let domains = ["example.com", "mail.example", "post.example.org", "inbox.example.net", "web.example",
                          "kunden.example.de", "courriel.example.fr", "correo.example.es"]

    /// Subjects of first messages; `#` becomes an order or invoice number.
    static let topics = [
        "Question about invoice #", "Refund for order #", "Delivery of order # is late", "Can't log in",
        "Password reset not arriving", "Change of address", "Cancel my subscription", "Upgrade plan",
        "Charged twice for order #", "Broken screen on delivery", "Missing item in parcel #",
        "Warranty repair request", "Discount code not working", "Booking an appointment",
        "Rate increase on my contract", "Quote for renewal", "Tracking number for #", "App crashes on start",
        "Bank transfer for invoice #", "Recommended by a friend", "Exchange for a different size",
        "Café order for Friday", "Grüße aus Zürich", "Rechnung # – Frage", "Commande # en retard",
        "Pedido # – cambio de dirección", "Notification settings", "Receipt for payment #",
    ]

    static let attachmentKinds: [(type: String, ext: String)] = [
        ("application/pdf", "pdf"), ("image/png", "png"), ("image/jpeg", "jpg"), ("text/csv", "csv"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ]

    /// Twenty fixed searches, from very common words to rare ones, with accents and prefixes,
    /// used for Rapport, `notmuch search` and `mu find` alike.
    static let searchQueries = [
        "invoice", "refund", "delivery late", "password reset", "café", "zürich", "order 4821", "müller",
        "cancel subscription", "warr", "broken screen", "kalo", "thanks", "quote renewal", "tracking number",
        "bonjour merci", "upgrade plan", "discount code", "stodremiwen", "appointment friday",
    ]
}
