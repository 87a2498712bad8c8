import RapportCore

/// The demo store is seeded (`SplitMix64`), so it is the same on every machine.
extension SplitMix64 {
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
}
