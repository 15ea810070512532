/// The settings of an aggregation that do not vary from area to area.
package struct AggregationParameters: Sendable, Hashable {
    /// How many small areas the national ranks run over (32,844 LSOAs for the IoD 2019).
    /// The rank methods (`average-rank`, `extent`, `local-concentration`, and
    /// `share-in-most-deprived-decile` when it reads ranks) need it.
    package var nationalCount: Int?
    /// What a rate is multiplied by: 1 for a proportion, 100 for a percentage, 1000 per thousand.
    /// Only `rate` uses it; the IoD measures keep their published scales.
    package var multiplier: Double
    /// The confidence level of the rate's interval, as a fraction (0.95 for 95%, 0.998 for
    /// 99.8%); a level outside 0 < confidence < 1 gives no interval.
    package var confidence: Double

    /// Parameters with PHEindicatormethods' defaults: a proportion with a 95% interval.
    package init(nationalCount: Int? = nil, multiplier: Double = 1, confidence: Double = 0.95) {
        self.nationalCount = nationalCount
        self.multiplier = multiplier
        self.confidence = confidence
    }
}
