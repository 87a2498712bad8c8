import Foundation

/// What most use cases are built on: the store port they call, and the clock that dates what they write.
public struct Ports<Store> {
    public let store: Store
    public var clock: () -> Date
}

/// A use case over one store port and a clock. It keeps its `Ports` and gets `init(store:clock:)`,
/// `store` and `clock` from here, so every use case is built the same way.
public protocol StoreUseCase {
    associatedtype Store
    var ports: Ports<Store> { get }
    init(ports: Ports<Store>)
}

extension StoreUseCase {
    public init(store: Store, clock: @escaping () -> Date = Date.init) {
        self.init(ports: Ports(store: store, clock: clock))
    }

    public var store: Store { ports.store }
    public var clock: () -> Date { ports.clock }
}
