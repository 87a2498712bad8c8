import Foundation

/// SplitMix64: tiny, fast and the same on every platform, so a seed always gives the same Maildir.
/// (Swift's `SystemRandomNumberGenerator` cannot be seeded.)
struct BenchRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A generator for one item (a message, a customer) independent of every other item's,
    /// so items can be generated in any order, on any thread, with the same result.
    init(seed: UInt64, stream: UInt64, item: UInt64) {
        var mixer = BenchRandom(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (item &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n (n > 0). The modulo bias is irrelevant at these sizes.
    mutating func below(_ n: Int) -> Int {
        Int(next() % UInt64(n))
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// Log-normal with the given median: most values near it, a long tail above.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        let u1 = max(unit(), 1e-12), u2 = unit()
        let normal = (-2 * Foundation.log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        return median * exp(sigma * normal)
    }

    /// Exponential with the given mean.
    mutating func exponential(mean: Double) -> Double {
        -mean * Foundation.log(max(1 - unit(), 1e-12))
    }

    /// A rank in 0..<count with P(rank) roughly proportional to 1/(rank+1): Zipf's law of word use.
    mutating func zipf(_ count: Int) -> Int {
        min(count - 1, Int(exp(unit() * Foundation.log(Double(count) + 1))) - 1)
    }
}
