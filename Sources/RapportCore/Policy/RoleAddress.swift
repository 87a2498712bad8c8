import Foundation

/// Recognises addresses that belong to a function, not a person (`info@`, `support@`, `forms@`):
/// a message from one is usually a relay (a web form, a shop system) whose Reply-To names the person.
/// No-reply addresses (`NoReply`) are a stricter kind of the same: nobody reads them at all.
public enum RoleAddress {
    /// Local parts (with `.`, `-`, `_` removed and lowercased, `+tag` dropped) that name a function.
    static let roleLocalParts: Set<String> = [
        "info", "information", "contact", "contactus", "support", "help", "helpdesk", "service", "services",
        "customerservice", "customerservices", "customercare", "care", "sales", "admin", "administrator",
        "office", "team", "enquiries", "enquiry", "inquiries", "inquiry", "billing", "accounts", "invoices",
        "webmaster", "postmaster", "hostmaster", "forms", "form", "webform", "web", "website", "wordpress",
        "notifications", "notification", "notify", "alerts", "alert", "newsletter", "news", "marketing",
        "feedback", "mail", "mailer", "system", "automailer", "bounce", "bounces", "orders", "shop", "store",
        "bookings", "booking", "reservations", "reception", "hello", "mailerdaemon", "root", "nobody",
    ]

    /// True for a role address, or a no-reply one.
    public static func isRoleAddress(_ address: String) -> Bool {
        if NoReply.isNoReplyAddress(address) { return true }
        let bare = EmailAddress.normalized(address)
        var local = bare.lastIndex(of: "@").map { String(bare[..<$0]) } ?? bare
        if let plus = local.firstIndex(of: "+") { local = String(local[..<plus]) }
        return roleLocalParts.contains(local.filter { $0 != "." && $0 != "-" && $0 != "_" })
    }

    /// A person's own address: neither a role nor a no-reply address.
    public static func isPersonal(_ address: String) -> Bool { !isRoleAddress(address) }
}
