import Testing
@testable import AreaNeedsMethods

/// Each area against the county's own figure, worked by hand.
///
/// Three areas, each with 100 people at risk: A has 10 cases, B 30, C 50. The county's rate
/// is (10 + 30 + 50) / 300 = 30%. The Wilson 95% intervals (`WilsonInterval`, z = 1.959964):
///
///     A  10/100  5.52% to 17.44%   wholly below 30%
///     B  30/100  21.89% to 39.58%  includes 30%
///     C  50/100  40.38% to 59.62%  wholly above 30%
@Suite("Areas compared with the county")
struct CountyComparisonTests {
    static let county = 30.0

    func interval(_ cases: Double) throws -> (lower: Double, upper: Double) {
        let wilson = try #require(WilsonInterval(numerator: cases, denominator: 100))
        return (wilson.lower * 100, wilson.upper * 100)
    }

    @Test func theCountyRateIsTheSummedCountsNotTheMeanOfRates() throws {
        let county = try #require(CountyFigure.rate(numerators: [10, 30, 50], denominators: [100, 100, 100], multiplier: 100))
        #expect(abs(county - 30) < 1e-12)
        // Unequal denominators: 1/10 (10%) and 89/90 (98.9%) average to 54.4%, but the county
        // has 90 cases in 100: 90%.
        #expect(CountyFigure.rate(numerators: [1, 89], denominators: [10, 90], multiplier: 100).map { abs($0 - 90) < 1e-12 } == true)
        // Areas without counts are left out; none left, no figure.
        #expect(CountyFigure.rate(numerators: [10, nil], denominators: [100, 50], multiplier: 1) == 0.1)
        #expect(CountyFigure.rate(numerators: [nil], denominators: [nil], multiplier: 1) == nil)
        #expect(CountyFigure.rate(numerators: [0], denominators: [0], multiplier: 1) == nil)
    }

    @Test func otherFiguresAreWeightedByPopulation() {
        // (70 × 1,000 + 80 × 3,000) / 4,000 = 77.5
        #expect(CountyFigure.populationWeightedMean(values: [70, 80], populations: [1_000, 3_000]) == 77.5)
        // An area without a population, or a figure, is left out.
        #expect(CountyFigure.populationWeightedMean(values: [70, 80, nil], populations: [1_000, nil, 5_000]) == 70)
        #expect(CountyFigure.populationWeightedMean(values: [70], populations: [0]) == nil)
    }

    /// Sums beyond a double are not left out quietly: the figure is infinite or NaN, for
    /// the rank stage to refuse with the indicator's name.
    @Test func sumsBeyondADoubleGiveNoFiniteFigure() {
        #expect(CountyFigure.rate(numerators: [1e308, 1e308], denominators: [1, 1], multiplier: 1)?.isFinite == false)
        #expect(CountyFigure.rate(numerators: [1e300], denominators: [1e-300], multiplier: 100)?.isFinite == false)
        #expect(CountyFigure.populationWeightedMean(values: [1e300, 1], populations: [1e300, 1])?.isFinite == false)
        #expect(CountyFigure.populationWeightedMean(values: [1, 2], populations: [1e308, 1e308])?.isFinite == false)
    }

    @Test func higherIsWorse() throws {
        let (a, b, c) = (try interval(10), try interval(30), try interval(50))
        #expect(CountyComparison(lower: a.lower, upper: a.upper, county: Self.county, polarity: .higherIsWorse) == .better)
        #expect(CountyComparison(lower: b.lower, upper: b.upper, county: Self.county, polarity: .higherIsWorse) == .similar)
        #expect(CountyComparison(lower: c.lower, upper: c.upper, county: Self.county, polarity: .higherIsWorse) == .worse)
    }

    @Test func higherIsBetterTurnsItRound() throws {
        let (a, b, c) = (try interval(10), try interval(30), try interval(50))
        #expect(CountyComparison(lower: a.lower, upper: a.upper, county: Self.county, polarity: .higherIsBetter) == .worse)
        #expect(CountyComparison(lower: b.lower, upper: b.upper, county: Self.county, polarity: .higherIsBetter) == .similar)
        #expect(CountyComparison(lower: c.lower, upper: c.upper, county: Self.county, polarity: .higherIsBetter) == .better)
    }

    @Test func withoutAnIntervalThereIsNoComparison() {
        // An average rank or an inherited district figure has no interval: not compared,
        // never "similar".
        #expect(CountyComparison(lower: nil, upper: nil, county: Self.county, polarity: .higherIsWorse) == nil)
        #expect(CountyComparison(lower: 1, upper: nil, county: Self.county, polarity: .higherIsWorse) == nil)
        #expect(CountyComparison(lower: 1, upper: 2, county: nil, polarity: .higherIsWorse) == nil)
        #expect(CountyComparison(lower: .nan, upper: 2, county: 1, polarity: .higherIsWorse) == nil)
        #expect(CountyComparison(lower: 3, upper: 2, county: 1, polarity: .higherIsWorse) == nil)
    }

    @Test func anIntervalTouchingTheCountyIsSimilar() {
        #expect(CountyComparison(lower: 30, upper: 40, county: 30, polarity: .higherIsWorse) == .similar)
        #expect(CountyComparison(lower: 20, upper: 30, county: 30, polarity: .higherIsWorse) == .similar)
        #expect(CountyComparison(lower: 30.000001, upper: 40, county: 30, polarity: .higherIsWorse) == .worse)
    }
}
