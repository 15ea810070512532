/// The lower and upper limits of a confidence interval.
package struct ConfidenceInterval: Hashable, Sendable {
    /// The lower confidence limit.
    package var lower: Double
    /// The upper confidence limit.
    package var upper: Double

    /// An interval with the given limits.
    package init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// upper - lower.
    package var width: Double { upper - lower }
}
