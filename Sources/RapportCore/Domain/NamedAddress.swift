import Foundation

/// A display name and an address as written in From, Reply-To, To or Cc (`"Ann Lee" <ann@lee.example>`).
public struct NamedAddress: Sendable, Hashable, Codable {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }
}
