import AreaNeedsSample
import Foundation

/// The draws the national data set needs, beyond the sample's.
extension SeededRandom {
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
