/// A Wilson score confidence interval for a proportion, as PHEindicatormethods'
/// `phe_proportion` (through its `wilson_lower` and `wilson_upper`) computes it.
///
/// With `x` cases out of `n` and `z` the two-sided normal quantile for the confidence level
/// (`qnorm(0.975)` for 95%: the double 1.9599639845400536, which R prints as 1.959963984540054):
///
///     lower = (2x + z² - z √(z² + 4x(1 - x/n))) / 2 / (n + z²)
///     upper = (2x + z² + z √(z² + 4x(1 - x/n))) / 2 / (n + z²)
///
/// Sources: Wilson EB (1927), J Am Stat Assoc 22, 209-212; Newcombe RG, Altman DG (2000),
/// Statistics with confidence, 46-48; PHEindicatormethods `R/Wilson.R`.
package struct WilsonInterval: Sendable, Hashable {
    /// The lower confidence limit.
    package var lower: Double
    /// The upper confidence limit.
    package var upper: Double

    /// An interval with the given limits.
    package init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// The Wilson interval of the proportion `numerator / denominator`, as a proportion
    /// (0 to 1); nil unless `0 <= numerator <= denominator`, `denominator > 0` and
    /// `0 < confidence < 1`, the cases where the interval of a proportion exists.
    ///
    /// Numerator and denominator need not be whole numbers: apportioned counts are not.
    /// The limits are clamped to 0...1: at `x = 0` and `x = n` they are exactly 0 and 1,
    /// and the clamp removes the last-bit rounding (an upper limit of 1.0000000000000002)
    /// that R would print.
    package init?(numerator x: Double, denominator n: Double, confidence: Double = 0.95) {
        guard x.isFinite, n.isFinite, n > 0, x >= 0, x <= n else { return nil }
        let z = Self.zScore(confidence: confidence)
        guard z.isFinite else { return nil }
        // The operations in the order R evaluates PHEindicatormethods' expressions.
        let zSquared = z * z
        let spread = z * (zSquared + 4 * x * (1 - x / n)).squareRoot()
        let lower = (2 * x + zSquared - spread) / 2 / (n + zSquared)
        let upper = (2 * x + zSquared + spread) / 2 / (n + zSquared)
        self.init(lower: min(max(lower, 0), 1), upper: min(max(upper, 0), 1))
    }

    /// Both limits times `multiplier` (100 for a percentage, 1000 for a rate per thousand).
    package func scaled(by multiplier: Double) -> WilsonInterval {
        WilsonInterval(lower: lower * multiplier, upper: upper * multiplier)
    }

    /// The two-sided z value for a confidence level: `qnorm(confidence + (1 - confidence) / 2)`,
    /// as PHEindicatormethods' `zscore`; NaN unless 0 < confidence < 1.
    package static func zScore(confidence: Double) -> Double {
        NormalQuantile.zScore(confidence: confidence)
    }
}
