import Foundation

/// A small seeded generator (SplitMix64): the same seed always makes the same sample, the
/// same national benchmark data set and the same random tests.
package struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in 0..<1.
    package mutating func uniform() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// A normally distributed number (Box-Muller).
    package mutating func normal(mean: Double = 0, sd: Double = 1) -> Double {
        let u1 = max(uniform(), 1e-12)
        let u2 = uniform()
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
