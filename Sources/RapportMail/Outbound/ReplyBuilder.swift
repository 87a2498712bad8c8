import Foundation
import RapportCore

/// Decides every header of a reply from what the store knows. Pure: no GMime, no I/O.
public enum ReplyBuilder {
    /// From and Reply-To are the agent's own name and address; To is the address `Replies` chose, Cc the
    /// people it copied (both stored with the message). Refuses a no-reply address again here, at send
    /// time, in either direction: from an agent, or to a customer (or anyone copied). A `legalFooter`
    /// (`[mail] legal_footer`) is appended below a `-- ` line: added here, at send time, it is never part
    /// of the stored reply that the policy checks.
    public static func outgoing(_ reply: OutboundReply, timeZone: TimeZone = .current,
                                legalFooter: String? = nil) throws -> OutgoingMessage {
        let agent = reply.agent
        if NoReply.isNoReplyAddress(agent.email) { throw RapportError.noReplyAddress(agent.email) }
        let message = reply.message
        if let dead = ([reply.item.toAddress] + message.cc).first(where: NoReply.isNoReplyAddress) {
            throw OutboundError.cannotBuild("\(dead) is a no-reply address: nobody would read the reply")
        }
        guard let messageID = message.messageID else {
            throw OutboundError.cannotBuild("the queued message has no Message-ID")
        }
        return OutgoingMessage(
            from: Mailbox(name: agent.fullName, address: agent.email), replyTo: agent.email,
            to: Mailbox(name: reply.customerName.isEmpty ? nil : reply.customerName, address: reply.item.toAddress),
            cc: message.cc, subject: message.subject, messageID: messageID, inReplyTo: message.inReplyTo,
            references: message.references, date: message.date,
            utcOffset: timeZone.secondsFromGMT(for: message.date), body: body(message.text, legalFooter: legalFooter),
            attachments: reply.attachments)
    }

    /// The text as sent: normalised, then the legal footer, when there is one, below the signature
    /// delimiter (`-- `, its trailing space kept after normalising: mail readers recognise it).
    public static func body(_ text: String, legalFooter: String?) -> String {
        LegalFooter.appended(legalFooter.map(normalisedBody), to: normalisedBody(text))
    }

    /// LF line ends, no trailing spaces at line ends, and exactly one newline at the end.
    static func normalisedBody(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingTrailingWhitespace() }
        return lines.joined(separator: "\n").trimmingTrailingWhitespace() + "\n"
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> String { String(self).trimmingTrailingWhitespace() }
}
