/// How an area's figure compares with the county's own, the way public health profiles
/// (Fingertips) compare an area with England: by the area's 95% confidence interval against
/// the county's figure, turned by the indicator's polarity.
package enum CountyComparison: String, Sendable, CaseIterable, Hashable {
    /// The whole interval lies on the side of more need.
    case worse
    /// The interval includes the county's figure.
    case similar
    /// The whole interval lies on the side of less need.
    case better

    /// Compares an area's interval with the county's figure; nil (not compared) when the
    /// area has no interval or the county no figure. An interval that only touches the
    /// county's figure counts as similar.
    package init?(lower: Double?, upper: Double?, county: Double?, polarity: Polarity) {
        guard let lower, let upper, let county, lower.isFinite, upper.isFinite, county.isFinite, lower <= upper else { return nil }
        let higher: Bool
        if lower > county {
            higher = true
        } else if upper < county {
            higher = false
        } else {
            self = .similar
            return
        }
        switch polarity {
        case .higherIsWorse: self = higher ? .worse : .better
        case .higherIsBetter: self = higher ? .better : .worse
        }
    }
}
