import Foundation
import RapportCore

/// Recording how a customer heard about us, and the thank-you it earns the referrer. One use case
/// for `rapport referral record` and the inbox's referral picker, so both say the same thing.
public struct Referrals: StoreUseCase {
    public let ports: Ports<any WorkflowStore>

    public init(ports: Ports<any WorkflowStore>) {
        self.ports = ports
    }

    /// Records that `referrer` sent `customer` our way (a thank-you draft, with `coupon` if given, waits
    /// for the referrer's owner or in Unassigned; nothing is sent), or that they came through `source`.
    @discardableResult
    public func record(customer id: CustomerID, referrer referrerID: CustomerID?, source: String?,
                       coupon: String? = nil) throws -> RecordedReferral {
        guard let customer = try store.customer(id: id) else { throw RapportError.unknownCustomer("#\(id)") }
        guard let referrerID else {
            try store.recordReferral(customer: id, referrer: nil, source: source, coupon: nil, thankYou: nil, at: clock())
            return RecordedReferral(customer: customer, referrer: nil, referrerOwner: nil, source: source)
        }
        guard referrerID != id else { throw RapportError.invalid("a customer cannot refer themselves") }
        guard let referrer = try store.customer(id: referrerID) else { throw RapportError.unknownCustomer("#\(referrerID)") }
        let owner = try referrer.owner.flatMap { try store.agent(login: $0) }
        let thanks = try PreparedMessages.thankYou(referrer: referrer, referred: customer, owner: owner, coupon: coupon)
        try store.recordReferral(customer: id, referrer: referrerID, source: nil, coupon: coupon, thankYou: thanks, at: clock())
        return RecordedReferral(customer: customer, referrer: referrer, referrerOwner: owner, source: nil)
    }

    /// Recorded referrals, oldest first; with `unthankedOnly`, those whose referrer is not thanked yet.
    public func list(unthankedOnly: Bool) throws -> [ReferralRecord] {
        try store.referrals(unthankedOnly: unthankedOnly)
    }
}

/// What `Referrals.record` did, and the one sentence that tells a person so.
public struct RecordedReferral: Sendable, Hashable {
    public var customer: Customer
    public var referrer: Customer?
    /// The referrer's owner, who finds the thank-you draft in their Thank-you view.
    public var referrerOwner: Agent?
    public var source: String?

    /// "Dana Whitfield referred Marcus: a thank-you draft waits in priya's Thank-you view", as read by `viewer`
    /// (who reads "your Thank-you view" when the draft is theirs).
    public func summary(for viewer: String?) -> String {
        guard let referrer else { return "\(customer.firstName) heard about us through \(source ?? "")" }
        let whose = referrerOwner.map { $0.login == viewer ? "your Thank-you view" : "\($0.login)'s Thank-you view" }
            ?? "the Thank-you view (\(referrer.firstName) has no owner yet)"
        return "\(referrer.fullName) referred \(customer.firstName): a thank-you draft waits in \(whose)"
    }
}
