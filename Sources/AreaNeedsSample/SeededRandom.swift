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

    /// A Poisson count with the given mean: Knuth's product of uniforms below a mean of 30, a
    /// rounded normal above (close enough for synthetic counts).
    package mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        guard mean < 30 else { return max(0, Int(normal(mean: mean, sd: mean.squareRoot()).rounded())) }
        let limit = exp(-mean)
        var product = uniform()
        var count = 0
        while product > limit {
            count += 1
            product *= uniform()
        }
        return count
    }

    /// A binomial count of successes in `trials` at `probability`: one draw a trial up to 200
    /// trials, a rounded normal (kept within 0...trials) above.
    package mutating func binomial(trials: Int, probability: Double) -> Int {
        guard trials > 0, probability > 0 else { return 0 }
        guard probability < 1 else { return trials }
        guard trials <= 200 else {
            let mean = Double(trials) * probability
            let draw = normal(mean: mean, sd: (mean * (1 - probability)).squareRoot()).rounded()
            return min(trials, max(0, Int(draw)))
        }
        var count = 0
        for _ in 0..<trials where uniform() < probability { count += 1 }
        return count
    }
}
