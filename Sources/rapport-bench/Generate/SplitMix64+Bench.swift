import Foundation
import RapportCore

/// The benchmark's draws, on the shared seeded generator (`SplitMix64`): a seed always gives the same Maildir.
extension SplitMix64 {
    /// A generator for one item (a message, a customer) independent of every other item's,
    /// so items can be generated in any order, on any thread, with the same result.
    init(seed: UInt64, stream: UInt64, item: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (item &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: mixer.next())
    }

    mutating func chance(_ p: Double) -> Bool {
        unit() < p
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
