/// The spread of the areas' values on one indicator, as the spine chart shows it: the
/// worst and best values, the 25th and 75th percentiles and the median, ordered by need
/// (the indicator's polarity decides which end is worse).
struct Distribution: Sendable, Equatable {
    var lowest: Double
    var lowerQuartile: Double
    var median: Double
    var upperQuartile: Double
    var highest: Double
    var count: Int

    /// Nil when no area has a value.
    init?(_ values: [Double]) {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return nil }
        lowest = sorted[0]
        highest = sorted[sorted.count - 1]
        lowerQuartile = Distribution.percentile(sorted, 0.25)
        median = Distribution.percentile(sorted, 0.5)
        upperQuartile = Distribution.percentile(sorted, 0.75)
        count = sorted.count
    }

    /// The `p` percentile by linear interpolation between the closest ranks (R's default,
    /// type 7; Excel's PERCENTILE.INC): position `(n - 1) p` counted from 0.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let position = Double(sorted.count - 1) * p
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + (sorted[above] - sorted[below]) * fraction
    }

    /// The worst value, given the polarity.
    func worst(higherIsWorse: Bool) -> Double { higherIsWorse ? highest : lowest }
    /// The best value, given the polarity.
    func best(higherIsWorse: Bool) -> Double { higherIsWorse ? lowest : highest }
    /// The quartile on the worse side of the median.
    func worseQuartile(higherIsWorse: Bool) -> Double { higherIsWorse ? upperQuartile : lowerQuartile }
    /// The quartile on the better side of the median.
    func betterQuartile(higherIsWorse: Bool) -> Double { higherIsWorse ? lowerQuartile : upperQuartile }
}
