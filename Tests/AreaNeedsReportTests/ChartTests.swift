@testable import AreaNeedsReport
import Testing

/// The charts' arithmetic: percentiles, the spine's orientation, axis ticks, number text.
@Suite("Report charts")
struct ChartTests {
    @Test func percentilesInterpolateBetweenRanks() throws {
        // R: quantile(c(1, 2, 3, 4, 10), c(.25, .5, .75)) = 2, 3, 4; for 1..4: 1.75, 2.5, 3.25.
        let five = try #require(Distribution([10, 3, 1, 4, 2]))
        #expect([five.lowest, five.lowerQuartile, five.median, five.upperQuartile, five.highest] == [1, 2, 3, 4, 10])
        let four = try #require(Distribution([4, 3, 2, 1]))
        #expect([four.lowerQuartile, four.median, four.upperQuartile] == [1.75, 2.5, 3.25])
        #expect(Distribution([]) == nil)
        #expect(Distribution([7])?.median == 7)
    }

    /// The x of the dot, the worst end and the best end of a spine.
    func spine(_ values: [Double], value: Double, higherIsWorse: Bool) throws -> (dot: Double, worst: Double, best: Double) {
        let view = SpineChart(distribution: try #require(Distribution(values)), higherIsWorse: higherIsWorse,
                              value: value, comparison: .worse, county: nil, description: "").view
        let left = try #require(Double(view.barX))
        return (try #require(Double(view.marker.cx)), left, left + (try #require(Double(view.barWidth))))
    }

    @Test func worseIsAlwaysOnTheLeft() throws {
        let values: [Double] = [10, 20, 30, 40, 50]
        // Higher is worse: the highest value is the worst, drawn at the left end.
        let high = try spine(values, value: 50, higherIsWorse: true)
        #expect(high.dot == high.worst)
        #expect(try spine(values, value: 10, higherIsWorse: true).dot == high.best)
        // Higher is better: the lowest value is the worst, at the left end.
        let low = try spine(values, value: 10, higherIsWorse: false)
        #expect(low.dot == low.worst)
        #expect(try spine(values, value: 50, higherIsWorse: false).dot == low.best)
        // The median is in the middle whatever the skew.
        let skewed = try spine([1, 2, 3, 4, 100], value: 3, higherIsWorse: true)
        #expect(skewed.dot == SpineChart.width / 2)
        // Worse than the median sits left of centre in both directions.
        #expect(try spine(values, value: 40, higherIsWorse: true).dot < SpineChart.width / 2)
        #expect(try spine(values, value: 20, higherIsWorse: false).dot < SpineChart.width / 2)
    }

    @Test func theIntervalIsDrawnAcrossTheSpineWorseEndLeft() throws {
        let values: [Double] = [10, 20, 30, 40, 50]
        func ends(_ interval: (lower: Double, upper: Double)?, value: Double? = 35, higherIsWorse: Bool) throws -> (Double, Double)? {
            let view = SpineChart(distribution: try #require(Distribution(values)), higherIsWorse: higherIsWorse, value: value,
                                  interval: interval, comparison: .similar, county: nil, description: "").view
            guard view.hasInterval else { return nil }
            return (try #require(Double(view.intervalStart)), try #require(Double(view.intervalEnd)))
        }
        // Higher is worse: 30 is the median (the centre), 40 a quarter of the bar's width left of it.
        let half = SpineChart.width / 2 - SpineChart.margin
        let worse = try #require(try ends((30, 40), higherIsWorse: true))
        #expect(worse.0 == SpineChart.width / 2 - half / 2 && worse.1 == SpineChart.width / 2)
        // Higher is better: the same interval lies right of the centre, its lower bound at the centre.
        let better = try #require(try ends((30, 40), higherIsWorse: false))
        #expect(better.0 == SpineChart.width / 2 && better.1 == SpineChart.width / 2 + half / 2)
        // An end beyond the areas' range stops at the bar's end.
        let wide = try #require(try ends((0, 70), higherIsWorse: true))
        #expect(wide.0 == SpineChart.margin && wide.1 == SpineChart.width - SpineChart.margin)
        // No interval, or no value to put it round: none drawn.
        #expect(try ends(nil, higherIsWorse: true) == nil)
        #expect(try ends((30, 40), value: nil, higherIsWorse: true) == nil)
    }

    @Test func aFlatDistributionPutsEverythingInTheMiddle() throws {
        let flat = try spine([5, 5, 5], value: 5, higherIsWorse: true)
        #expect(flat.dot == SpineChart.width / 2)
    }

    @Test func axisTicksAreRoundAndCoverTheData() {
        let scale = AxisScale(covering: [13.2, 47.9], from: 0, to: 100)
        #expect(scale.ticks == [10, 20, 30, 40, 50])
        #expect(scale.x(10) == 0 && scale.x(50) == 100)
        let small = AxisScale(covering: [0.12, 0.31], from: 0, to: 100)
        #expect(small.ticks.map(small.label) == ["0.10", "0.15", "0.20", "0.25", "0.30", "0.35"])
        let money = AxisScale(covering: [21_000, 38_000], from: 0, to: 100)
        #expect(money.ticks.map(money.label) == ["20,000", "25,000", "30,000", "35,000", "40,000"])
    }

    @Test func valuesAreWrittenWithTheirUnits() {
        #expect(ValueFormat(unit: "%", values: [12.34, 65.8]).text(12.34) == "12.3%")
        #expect(ValueFormat(unit: "£", values: [25_000, 31_000]).text(25_000.4) == "£25,000")
        #expect(ValueFormat(unit: "years", values: [78.123]).text(78.123) == "78.1 years")
        #expect(ValueFormat(unit: "score", values: [0.2, 0.45]).text(0.2) == "0.200 score")
        #expect(ValueFormat.grouped("-1234567.5") == "-1,234,567.5")
        #expect(ValueFormat.grouped("-0.0") == "0.0")
    }

    @Test func ranksAreWrittenAsRanksOfTheNationalCount() throws {
        let indicator = try #require(try ReportedRelease.fixture.release.indicators().first { $0.id == "deprivation" })
        // Whole ranks, whatever their size; in full, or "of" the count in narrow cells.
        let format = ValueFormat(indicator: indicator, values: [870.4, 27_645])
        #expect(format.isRank)
        #expect(format.text(25_726.1) == "average rank 25,726 of 32,844 (higher = more deprived)")
        #expect(format.compact(25_726.1) == "25,726 of 32,844")
        #expect(format.number(870.4) == "870")
        #expect(format.unitNote == "average rank of 32,844 (higher = more deprived)")
        // Other units say themselves where the numbers do not.
        #expect(ValueFormat(unit: "%", values: [12]).unitNote == "")
        #expect(ValueFormat(unit: "years", values: [78]).unitNote == "years")
        #expect(!ValueFormat(unit: "years", values: [78]).isRank)
    }

    @Test func pageNamesAreSafeAndUnique() {
        #expect(SitePaths.safe("E02001234") == "E02001234")
        #expect(SitePaths.safe("../x y/z") == "-x-y-z")
        let paths = SitePaths(areas: [], indicators: [])
        #expect(paths.area("none") == "areas/unknown.html")
    }

    /// A release edited by hand can hold any number: the charts are drawn, never trapped.
    @Test(arguments: [
        [-1.7e308, 1.7e308], [1e300, 1e300], [Double.infinity, 1], [Double.nan, 2, 3], [-Double.infinity], [8e307, -8e307, 0],
    ])
    func absurdValuesAreDrawnSomehow(values: [Double]) {
        let scale = AxisScale(covering: values, from: 0, to: 100)
        #expect(!scale.ticks.isEmpty)
        for value in values {
            let x = SVGNumber.text(scale.x(value))
            #expect(!x.isEmpty && !x.contains("nan") && !x.contains("inf"))
        }
        _ = scale.ticks.map(scale.label)
    }

    @Test func svgNumbersOfAnySize() {
        #expect(SVGNumber.text(1e300).hasPrefix("1000000000"))
        #expect(SVGNumber.text(-9.3e18).hasPrefix("-9300000000000000000"))
        #expect(SVGNumber.text(.nan) == "0")
        #expect(SVGNumber.text(.infinity) == "0")
        #expect(SVGNumber.text(12.34) == "12.3")
    }
}
