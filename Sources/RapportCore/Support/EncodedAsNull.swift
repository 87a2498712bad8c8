/// An optional that synthesised `Encodable` writes as `null` when it is absent, where it would leave
/// the key out: the JSON contract keeps every documented key present.
@propertyWrapper
public struct EncodedAsNull<Value: Encodable & Sendable & Hashable>: Encodable, Sendable, Hashable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}
