import Foundation

/// A small seeded generator (SplitMix64): the same seed always makes the same data set.
struct BenchRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in 0..<1.
    mutating func uniform() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// A uniform number in `range`.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + uniform() * (range.upperBound - range.lowerBound)
    }

    /// A whole number in `range`.
    mutating func integer(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        uniform() < probability
    }

    /// A normally distributed number (Box-Muller).
    mutating func normal(mean: Double = 0, sd: Double = 1) -> Double {
        let u1 = max(uniform(), 1e-12)
        let u2 = uniform()
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    /// A count of `trials` with success probability `probability`, drawn from the normal
    /// approximation of the binomial and kept within 0...trials.
    mutating func binomial(_ trials: Int, _ probability: Double) -> Int {
        let mean = Double(trials) * probability
        let sd = (mean * (1 - probability)).squareRoot()
        return min(trials, max(0, Int((mean + sd * normal()).rounded())))
    }

    /// `total` split into `parts` counts with random shares (each share at least a fifth of
    /// an even one), adding up to `total` exactly.
    mutating func partition(_ total: Int, parts: Int) -> [Int] {
        guard parts > 0 else { return [] }
        let shares = (0..<parts).map { _ in uniform(0.2...1) }
        let sum = shares.reduce(0, +)
        var counts = shares.map { Int(Double(total) * $0 / sum) }
        counts[0] += total - counts.reduce(0, +)
        return counts
    }
}

/// The logistic function and its inverse, for probabilities that move with a latent score.
enum Logistic {
    static func probability(base: Double, slope: Double, score: Double) -> Double {
        let logit = log(base / (1 - base)) + slope * score
        return 1 / (1 + exp(-logit))
    }
}
