import AreaNeedsRelease

/// A spine chart in the style of the public health profiles: the county's range of area
/// values as a pale bar, the middle half (25th to 75th percentile) as a darker band, the
/// median as a line in the centre, and the area's value as a dot coloured by its need
/// quintile. Worse is always on the left: the indicator's polarity decides which end of
/// the range that is, and each half is scaled on its own so the median sits in the middle.
struct SpineChart {
    static let width = 220.0
    static let height = 22.0
    static let margin = 7.0

    let view: SpineView

    init(distribution: Distribution, higherIsWorse: Bool, value: Double?, quintile: Int?, description: String) {
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
        view = SpineView(
            description: description,
            width: SVGNumber.text(SpineChart.width), height: SVGNumber.text(SpineChart.height),
            barX: SVGNumber.text(x(worst)), barWidth: SVGNumber.text(x(best) - x(worst)),
            bandX: SVGNumber.text(bandStart), bandWidth: SVGNumber.text(max(bandEnd - bandStart, 1)),
            medianX: SVGNumber.text(centre),
            hasValue: value != nil, dotX: SVGNumber.text(value.map(x) ?? centre),
            dotY: SVGNumber.text(SpineChart.height / 2),
            fill: NeedPalette.fill(quintile: quintile))
    }
}
