import Foundation
import RapportCore
import RapportMail

/// The demo's incoming mail: a small Maildir of messages that arrived "this morning", ingested through
/// the real parser and ingest path when the demo store is created. New customers write for the first
/// time, existing ones answer their threads (by headers, by subject, from a second address), and the
/// mail has what real mail has: encoded names, HTML-only bodies, Latin-1 text, a PDF attachment.
struct DemoMaildir {
    let root: String
    let now: Date

    /// Writes the messages into `root` (new/), threading replies onto the store's conversations.
    func write(replyingTo threads: [(customer: Customer, subject: String, lastMessageID: String?)]) throws {
        let maildir = MaildirWriter(root: root)
        try maildir.create()
        var minutesAgo = 300
        func date() -> String {
            minutesAgo -= 17
            return Self.rfc5322(now.addingTimeInterval(-Double(minutesAgo) * 60))
        }
        for (index, message) in newCustomers.enumerated() {
            _ = try maildir.deliver(Self.message(from: message.from, subject: message.subject, date: date(),
                                                 id: "demo-new-\(index)@mail.example", body: message.body,
                                                 extraHeaders: message.headers))
        }
        for (index, thread) in threads.enumerated() {
            let c = thread.customer
            let headers = thread.lastMessageID.map { ["In-Reply-To: <\($0)>", "References: <\($0)>"] } ?? []
            // Every third reply comes from the customer's second address when they have one.
            let address = c.addresses.count > 1 && index % 3 == 0 ? c.addresses[1] : c.primaryEmail
            _ = try maildir.deliver(Self.message(
                from: "\(c.fullName) <\(address)>", subject: Subject.reply(to: thread.subject), date: date(),
                id: "demo-reply-\(index)@mail.example", body: Self.replies[index % Self.replies.count], extraHeaders: headers))
        }
    }

    private var newCustomers: [(from: String, subject: String, body: String, headers: [String])] {
        [
            ("=?UTF-8?Q?Bj=C3=B6rn_Lindqvist?= <bjorn.lindqvist@post.example>", "Quote for contents insurance",
             "Hello,\n\nWe just moved into a flat on Harbour Street and need contents insurance. Could you send me a quote?\n\nBjörn\n", []),
            ("Priyanka Shah <priyanka.shah@mail.example>", "Do you insure food trucks?",
             "Hi!\n\nI'm starting a small food truck in spring. Do you do business insurance for that?\n\nPriyanka\n", []),
            ("\"O'Neill, Siobhan\" <siobhan.oneill@fastmail.example>", "Switching my car insurance",
             "Hi there,\n\nMy friend Dana Whitfield says you're great. My car insurance renews in three weeks; can you beat 620 a year?\n\nSiobhan\n", []),
            ("Kwame Mensah <kwame.mensah@mail.example>", "=?UTF-8?B?RmFtaWx5IHRyYXZlbCBjb3ZlciDinIg=?=",
             "", ["MIME-Version: 1.0", "Content-Type: text/html; charset=utf-8", "X-Body-HTML: yes"]),
            ("=?ISO-8859-1?Q?Ren=E9e_Faure?= <renee.faure@post.example>", "Assurance habitation — question",
             "", ["MIME-Version: 1.0", "Content-Type: text/plain; charset=ISO-8859-1",
                  "Content-Transfer-Encoding: quoted-printable", "X-Body-Latin1: yes"]),
            ("Lars Eriksen <lars.eriksen@mail.example>", "Claim form attached",
             "", ["X-Body-Attachment: yes"]),
        ]
    }

    static let replies = [
        "Thanks, that's really helpful. One more thing: does it cover my bike in the shed?\n",
        "Sorry to bother you again, I can't find the email with the documents. Could you resend?\n",
        "Brilliant, thank you! Talk soon.\n",
        "Quick question before I sign: is there a cooling-off period?\n",
        "I've attached the photos now (well, I will as soon as my phone syncs).\n",
        "Perfect. And could we move the payment date to the 20th?\n",
    ]

    /// One message as text. The few special bodies are built here so the demo shows real MIME.
    static func message(from: String, subject: String, date: String, id: String, body: String,
                        extraHeaders: [String]) -> String {
        var headers = ["From: \(from)", "To: Harbor Lane <hello@harborlane.example>", "Subject: \(subject)",
                       "Date: \(date)", "Message-ID: <\(id)>"]
        var text = body
        if extraHeaders.contains("X-Body-HTML: yes") {
            headers += extraHeaders.filter { !$0.hasPrefix("X-") }
            text = "<html><body><p>Hi,</p><p>We&#39;re a family of four going to <b>Portugal</b> in July.</p>"
                + "<ul><li>Is our annual cover enough?</li><li>Does it include the kids&#39; surf lessons?</li></ul>"
                + "<p>Thanks!<br>Kwame</p></body></html>\n"
        } else if extraHeaders.contains("X-Body-Latin1: yes") {
            headers += extraHeaders.filter { !$0.hasPrefix("X-") }
            text = "Bonjour,\n\nJ'ai une question sur l'assurance habitation: le d=E9g=E2t des eaux est-il couvert?\n\nRen=E9e\n"
        } else if extraHeaders.contains("X-Body-Attachment: yes") {
            let boundary = "demo-boundary-42"
            headers += ["MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"\(boundary)\""]
            let pdf = Data("%PDF-1.4\n% demo claim form\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
            text = "--\(boundary)\nContent-Type: text/plain; charset=utf-8\n\nHello,\n\nHere is the claim form for the "
                + "dent in my car door. Let me know if anything is missing.\n\nLars\n\n--\(boundary)\n"
                + "Content-Type: application/pdf; name=\"claim-form.pdf\"\nContent-Disposition: attachment; filename=\"claim-form.pdf\"\n"
                + "Content-Transfer-Encoding: base64\n\n\(pdf.base64EncodedString(options: .lineLength76Characters))\n--\(boundary)--\n"
        } else {
            headers += extraHeaders
        }
        return headers.joined(separator: "\n") + "\n\n" + text
    }

    static func rfc5322(_ date: Date) -> String {
        DateFormatter.utc("EEE, dd MMM yyyy HH:mm:ss Z", locale: "en_US_POSIX").string(from: date)
    }
}
