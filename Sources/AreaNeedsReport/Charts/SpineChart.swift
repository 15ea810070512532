import AreaNeedsRelease

/// A spine chart in the style of the public health profiles: the county's range of area
/// values as a pale bar, the middle half (25th to 75th percentile) as a darker band, the
/// median as a line in the centre, the county's own figure as a small triangle above a
/// thin line, and the area's value as a marker shaped and coloured by its comparison with
/// the county, across its 95% confidence interval (a line with end caps) where it has one.
/// Worse is always on the left: the indicator's polarity decides which end of
/// the range that is, and each half is scaled on its own so the median sits in the middle.
struct SpineChart {
    static let width = 220.0
    static let height = 28.0
    static let margin = 8.0
    /// The bar's top and height: room above it for the county's triangle.
    static let barTop = 10.0
    static let barHeight = 12.0

    let view: SpineView

    /// - Parameter interval: the area's 95% confidence interval; drawn within the bar, an end
    ///   beyond the areas' range stopping at the bar's end.
    init(distribution: Distribution, higherIsWorse: Bool, value: Double?, interval: (lower: Double, upper: Double)? = nil,
         comparison: ComparisonMark, county: Double?, description: String) {
        let centre = SpineChart.width / 2
        let half = centre - SpineChart.margin
        let worst = distribution.worst(higherIsWorse: higherIsWorse)
        let best = distribution.best(higherIsWorse: higherIsWorse)
        let median = distribution.median
        func x(_ v: Double) -> Double {
            // Which side of the median a value falls on depends on the polarity.
            let worse = higherIsWorse ? v > median : v < median
            let end = worse ? worst : best
            guard end != median else { return centre }
            let share = min(max((v - median) / (end - median), 0), 1)
            return worse ? centre - share * half : centre + share * half
        }
        let bandStart = x(distribution.worseQuartile(higherIsWorse: higherIsWorse))
        let bandEnd = x(distribution.betterQuartile(higherIsWorse: higherIsWorse))
        let middle = SpineChart.barTop + SpineChart.barHeight / 2
        let countyX = county.map(x) ?? centre
        // The interval's ends in either order: polarity may put the lower bound on the right.
        let ends = interval.map { [x($0.lower), x($0.upper)].sorted() } ?? [centre, centre]
        view = SpineView(
            description: description,
            width: SVGNumber.text(SpineChart.width), height: SVGNumber.text(SpineChart.height),
            barX: SVGNumber.text(x(worst)), barWidth: SVGNumber.text(x(best) - x(worst)),
            bandX: SVGNumber.text(bandStart), bandWidth: SVGNumber.text(max(bandEnd - bandStart, 1)),
            barY: SVGNumber.text(SpineChart.barTop), barHeight: SVGNumber.text(SpineChart.barHeight),
            medianX: SVGNumber.text(centre), medianTop: SVGNumber.text(SpineChart.barTop - 3),
            medianBottom: SVGNumber.text(SpineChart.barTop + SpineChart.barHeight + 3),
            hasCounty: county != nil, countyX: SVGNumber.text(countyX),
            countyPoints: [(countyX - 4, 1.0), (countyX + 4, 1.0), (countyX, 7.0)]
                .map { "\(SVGNumber.text($0.0)),\(SVGNumber.text($0.1))" }.joined(separator: " "),
            countyTop: SVGNumber.text(7), countyBottom: SVGNumber.text(SpineChart.height - 1),
            hasValue: value != nil,
            hasInterval: value != nil && interval != nil,
            intervalStart: SVGNumber.text(ends[0]), intervalEnd: SVGNumber.text(ends[1]), intervalY: SVGNumber.text(middle),
            capTop: SVGNumber.text(middle - 5), capBottom: SVGNumber.text(middle + 5),
            marker: ComparisonMarker(comparison, x: value.map(x) ?? centre, y: middle))
    }
}
