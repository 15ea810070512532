import Testing
import AreaNeedsMethods

@Suite("Rates, weighted means, medians and inherited figures")
struct AggregationTests {
    private func aggregate(_ rows: [SmallAreaFigures], _ method: AggregationMethod, multiplier: Double = 1) -> AreaFigure {
        Aggregation.aggregate(rows, method: method, parameters: AggregationParameters(multiplier: multiplier))
    }

    // MARK: rate

    @Test func rateSumsBeforeDividingAndNeverAveragesRates() {
        // 1 of 10 (10%) and 50 of 100 (50%): (1 + 50) / (10 + 100) = 51 / 110 = 46.36%, not the
        // 30% an average of the two rates would give.
        let figure = aggregate([
            SmallAreaFigures(code: "E01000001", numerator: 1, denominator: 10),
            SmallAreaFigures(code: "E01000002", numerator: 50, denominator: 100),
        ], .rate, multiplier: 100)
        #expect(figure.numerator == 51)
        #expect(figure.denominator == 110)
        #expect(figure.value == 51.0 / 110.0 * 100)
        #expect(figure.quality == .exact)
        #expect(figure.smallAreasUsed == 2 && figure.smallAreasMissing == 0)
    }

    @Test func rateWeightsApportionedAreasAndLeavesOutMissingFigures() throws {
        // A whole: 10 of 100. B half in the area: 0.5 × 30 = 15 of 0.5 × 200 = 100.
        // C has no numerator, D no denominator: left out, not read as zero.
        //   numerator = 10 + 15 = 25; denominator = 100 + 100 = 200; value = 25 / 200 × 100 = 12.5%
        //   Wilson(25, 200): z² = 3.8414588206941236; z² + 4·25·(1 - 25/200) = 91.34145882069413;
        //   √ = 9.557272561808318; z·√ = 18.731910011577156; n + z² = 203.84145882069413
        //   lower = (50 + 3.8414588206941236 - 18.731910011577156) / 2 / 203.84145882069413 = 0.0861197447571265
        //   upper = (50 + 3.8414588206941236 + 18.731910011577156) / 2 / 203.84145882069413 = 0.1780142500258235
        let figure = aggregate([
            SmallAreaFigures(code: "A", numerator: 10, denominator: 100),
            SmallAreaFigures(code: "B", weight: 0.5, numerator: 30, denominator: 200),
            SmallAreaFigures(code: "C", denominator: 50),
            SmallAreaFigures(code: "D", numerator: 5),
        ], .rate, multiplier: 100)
        #expect(figure.numerator == 25)
        #expect(figure.denominator == 200)
        #expect(figure.value == 12.5)
        let interval = try #require(figure.interval)
        #expect(abs(interval.lower - 8.61197447571265) < 1e-12)
        #expect(abs(interval.upper - 17.80142500258235) < 1e-12)
        #expect(figure.quality == .apportioned)
        #expect(figure.smallAreasUsed == 2)
        #expect(figure.smallAreasMissing == 2)
    }

    @Test func rateWithZeroDenominatorHasNoValue() {
        let figure = aggregate([SmallAreaFigures(code: "A", numerator: 0, denominator: 0)], .rate)
        #expect(figure.value == nil)
        #expect(figure.interval == nil)
        #expect(figure.numerator == 0 && figure.denominator == 0)
        #expect(figure.smallAreasUsed == 1)
    }

    @Test func rateAboveOneHasAValueButNoProportionInterval() {
        // 30 admissions among 20 people, per 1,000: 1,500. Not a proportion, so no Wilson interval.
        let figure = aggregate([SmallAreaFigures(code: "A", numerator: 30, denominator: 20)], .rate, multiplier: 1000)
        #expect(figure.value == 1500)
        #expect(figure.interval == nil)
    }

    @Test func rateWithNothingUsableHasNoFigures() {
        let figure = aggregate([
            SmallAreaFigures(code: "A"),
            SmallAreaFigures(code: "B", numerator: -1, denominator: 10),
            SmallAreaFigures(code: "C", numerator: .nan, denominator: 10),
        ], .rate)
        #expect(figure.value == nil && figure.numerator == nil && figure.denominator == nil && figure.interval == nil)
        #expect(figure.smallAreasUsed == 0)
        #expect(figure.smallAreasMissing == 3)
    }

    @Test(arguments: [0.0, -0.5, 1.5, Double.nan, Double.infinity])
    func weightOutsideAShareIsAMissingFigure(weight: Double) {
        let figure = aggregate([
            SmallAreaFigures(code: "A", numerator: 1, denominator: 4),
            SmallAreaFigures(code: "B", weight: weight, numerator: 3, denominator: 4),
        ], .rate)
        #expect(figure.value == 0.25)
        #expect(figure.smallAreasMissing == 1)
    }

    // MARK: weighted-mean and median

    @Test func weightedMeanWeightsByPopulationTimesLookupWeight() {
        // A: 10 × 100 people; B: 20 × (300 × 0.5 = 150 people); C no value; D no population.
        //   (100 × 10 + 150 × 20) / (100 + 150) = (1000 + 3000) / 250 = 16
        let rows = [
            SmallAreaFigures(code: "A", value: 10, population: 100),
            SmallAreaFigures(code: "B", weight: 0.5, value: 20, population: 300),
            SmallAreaFigures(code: "C", population: 50),
            SmallAreaFigures(code: "D", value: 30),
        ]
        let figure = aggregate(rows, .weightedMean)
        #expect(figure.value == 16)
        #expect(figure.quality == .apportioned)
        #expect(figure.smallAreasUsed == 2 && figure.smallAreasMissing == 2)
        #expect(figure.numerator == nil && figure.denominator == nil && figure.interval == nil)
    }

    @Test func missingValueIsNotZero() {
        // If B's missing value were read as 0 the mean would be (10 + 0) / 2 = 5; it is left out: 10.
        let figure = aggregate([
            SmallAreaFigures(code: "A", value: 10, population: 100),
            SmallAreaFigures(code: "B", value: nil, population: 100),
        ], .weightedMean)
        #expect(figure.value == 10)
        #expect(figure.smallAreasMissing == 1)
    }

    @Test func weightedMeanOfNoPeopleHasNoValue() {
        let figure = aggregate([SmallAreaFigures(code: "A", value: 5, population: 0)], .weightedMean)
        #expect(figure.value == nil)
        #expect(figure.smallAreasUsed == 1)
    }

    @Test func medianIsThePopulationWeightedMeanFlaggedApproximate() {
        // Same arithmetic as the weighted mean: (100 × 10 + 150 × 20) / 250 = 16. Approximate
        // wins over apportioned.
        let figure = aggregate([
            SmallAreaFigures(code: "A", value: 10, population: 100),
            SmallAreaFigures(code: "B", weight: 0.5, value: 20, population: 300),
        ], .median)
        #expect(figure.value == 16)
        #expect(figure.quality == .approximate)
        let whole = aggregate([SmallAreaFigures(code: "A", value: 10, population: 100)], .median)
        #expect(whole.quality == .approximate)
    }

    // MARK: inherit

    @Test func inheritCopiesTheDistrictFigure() {
        let figure = aggregate([SmallAreaFigures(code: "E07000117", value: 42.5)], .inherit)
        #expect(figure.value == 42.5)
        #expect(figure.quality == .inherited)
        #expect(figure.smallAreasUsed == 1 && figure.smallAreasMissing == 0)
    }

    @Test func inheritIgnoresLookupWeightsAndRepeats() {
        // The district's figure applies whole to each of its areas, however often it is given.
        let figure = aggregate([
            SmallAreaFigures(code: "E07000117", weight: 0.3, value: 42.5),
            SmallAreaFigures(code: "E07000117", weight: 0.3, value: 42.5),
        ], .inherit)
        #expect(figure.value == 42.5)
        #expect(figure.quality == .inherited)
    }

    @Test func inheritWithDisagreeingOrNoFiguresHasNoValue() {
        let disagreeing = aggregate([
            SmallAreaFigures(code: "E07000117", value: 42.5),
            SmallAreaFigures(code: "E07000118", value: 40),
        ], .inherit)
        #expect(disagreeing.value == nil)
        #expect(disagreeing.smallAreasUsed == 2)
        let none = aggregate([SmallAreaFigures(code: "E07000117")], .inherit)
        #expect(none.value == nil)
        #expect(none.smallAreasMissing == 1)
        #expect(none.quality == .inherited)
    }
}
