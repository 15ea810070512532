import Testing
@testable import AreaNeedsMethods

@Suite("The IoD 2019 summary measures on any geography")
struct DeprivationAggregationTests {
    private func aggregate(_ rows: [SmallAreaFigures], _ method: AggregationMethod, nationalCount: Int) -> AreaFigure {
        Aggregation.aggregate(rows, method: method, parameters: AggregationParameters(nationalCount: nationalCount))
    }

    // MARK: average-rank

    @Test func averageRankIsThePopulationWeightedMeanOfReversedRanks() {
        // N = 100, reversed rank = 101 - rank.
        //   A rank 1 → 100, 100 people; B rank 100 → 1, 300 people; C rank 50 → 51, 100 × 0.5 = 50 people.
        //   (100 × 100 + 300 × 1 + 50 × 51) / (100 + 300 + 50) = (10000 + 300 + 2550) / 450 = 12850 / 450
        let figure = aggregate([
            SmallAreaFigures(code: "A", population: 100, nationalRank: 1),
            SmallAreaFigures(code: "B", population: 300, nationalRank: 100),
            SmallAreaFigures(code: "C", weight: 0.5, population: 100, nationalRank: 50),
        ], .averageRank, nationalCount: 100)
        #expect(figure.value == 12850.0 / 450.0)
        #expect(figure.quality == .apportioned)
        #expect(figure.smallAreasUsed == 3)
    }

    @Test func averageRankOfTheMostDeprivedAreaIsN() {
        let figure = aggregate([SmallAreaFigures(code: "A", population: 1500, nationalRank: 1)], .averageRank, nationalCount: 32_844)
        #expect(figure.value == 32_844)
        #expect(figure.quality == .exact)
    }

    @Test func ranksOutOfRangeOrWithoutPopulationAreLeftOut() {
        let figure = aggregate([
            SmallAreaFigures(code: "A", population: 100, nationalRank: 10),
            SmallAreaFigures(code: "B", population: 100, nationalRank: 0),
            SmallAreaFigures(code: "C", population: 100, nationalRank: 101),
            SmallAreaFigures(code: "D", nationalRank: 20),
            SmallAreaFigures(code: "E", population: 100),
        ], .averageRank, nationalCount: 100)
        #expect(figure.value == 91)
        #expect(figure.smallAreasUsed == 1)
        #expect(figure.smallAreasMissing == 4)
    }

    // MARK: extent

    @Test func percentilesFollowThePublishedDecileRule() {
        // ⌈100 r / 32844⌉: 328 × 100 / 32844 = 0.9987 → 1; 329 → 1.0017 → 2;
        // 3284 → 9.9988 → 10 (the last rank of decile 1); 3285 → 10.0018 → 11;
        // 9853 → 29.9994 → 30; 9854 → 30.0024 → 31; 32844 → 100.
        let n = 32_844
        let expected = [1: 1, 328: 1, 329: 2, 3284: 10, 3285: 11, 9853: 30, 9854: 31, 32_844: 100]
        for (rank, percentile) in expected {
            #expect(Aggregation.nationalPercentile(rank: rank, nationalCount: n) == percentile, "rank \(rank)")
        }
        // Percentiles 1-10 are exactly decile 1, ⌈10 r / N⌉ = 1.
        for rank in 3_200...3_400 {
            #expect((Aggregation.nationalPercentile(rank: rank, nationalCount: n) <= 10)
                == Aggregation.isInMostDeprivedDecile(rank: rank, nationalCount: n))
        }
    }

    @Test func extentWeightsTaperFromNinetyFiveToFivePercent() {
        #expect(Aggregation.extentWeight(percentile: 1) == 1)
        #expect(Aggregation.extentWeight(percentile: 10) == 1)
        #expect(Aggregation.extentWeight(percentile: 11) == 0.95)
        #expect(Aggregation.extentWeight(percentile: 30) == 0.05)
        #expect(Aggregation.extentWeight(percentile: 31) == 0)
        #expect(Aggregation.extentWeight(percentile: 100) == 0)
        // The technical report's wording: 0.95 at the 11th percentile, less (0.95 - 0.05) / 19 a percentile.
        for percentile in 11...30 {
            let reportWeight = 0.95 - Double(percentile - 11) * (0.95 - 0.05) / 19
            #expect(abs(Aggregation.extentWeight(percentile: percentile) - reportWeight) < 1e-15)
        }
    }

    @Test func extentWeightsThePopulationByNationalPercentile() {
        // N = 1000, so percentile = ⌈r / 10⌉.
        //   A rank 100 → 10th → weight 1,              200 people
        //   B rank 101 → 11th → 0.95,                  100 people
        //   E rank 200 → 20th → 0.95 - 9 × 0.9 / 19 = 199/380, 200 people
        //   C rank 300 → 30th → 0.05,                  100 people
        //   D rank 301 → 31st → 0,                     400 people
        //   (200 + 95 + 200 × 199/380 + 5 + 0) / 1000 = (300 + 104.7368...) / 1000 = 0.40473684...
        let figure = aggregate([
            SmallAreaFigures(code: "A", population: 200, nationalRank: 100),
            SmallAreaFigures(code: "B", population: 100, nationalRank: 101),
            SmallAreaFigures(code: "E", population: 200, nationalRank: 200),
            SmallAreaFigures(code: "C", population: 100, nationalRank: 300),
            SmallAreaFigures(code: "D", population: 400, nationalRank: 301),
        ], .extent, nationalCount: 1000)
        let value = figure.value ?? .nan
        #expect(abs(value - (300 + 200 * 199.0 / 380) / 1000) < 1e-15)
        #expect(figure.quality == .exact)
    }

    @Test func extentIsZeroWithoutDeprivedSmallAreas() {
        let figure = aggregate([SmallAreaFigures(code: "A", population: 10, nationalRank: 900)], .extent, nationalCount: 1000)
        #expect(figure.value == 0)
    }

    // MARK: local-concentration

    @Test func localConcentrationTakesExactlyTenPercentOfThePopulation() {
        // N = 1000. Population P = 50 + 100 + 850 = 1000; 10% is T = 100 people.
        //   A rank 10 (reversed 991): all 50 people taken, 50 to go.
        //   B rank 20 (reversed 981): 50 of its 100 people take it to exactly 100.
        //   C rank 500: none.
        //   (50 × 991 + 50 × 981) / 100 = (49550 + 49050) / 100 = 986
        let rows = [
            SmallAreaFigures(code: "C", population: 850, nationalRank: 500),
            SmallAreaFigures(code: "A", population: 50, nationalRank: 10),
            SmallAreaFigures(code: "B", population: 100, nationalRank: 20),
        ]
        let figure = aggregate(rows, .localConcentration, nationalCount: 1000)
        #expect(figure.value == 986)
        #expect(figure.quality == .exact)
        #expect(figure.smallAreasUsed == 3)
        // The order of the rows does not matter.
        #expect(aggregate(rows.reversed(), .localConcentration, nationalCount: 1000).value == 986)
    }

    @Test func localConcentrationCountsApportionedPopulations() {
        // B is half in the area: 200 × 0.5 = 100 people, the same as above; still 986.
        let figure = aggregate([
            SmallAreaFigures(code: "A", population: 50, nationalRank: 10),
            SmallAreaFigures(code: "B", weight: 0.5, population: 200, nationalRank: 20),
            SmallAreaFigures(code: "C", population: 850, nationalRank: 500),
            SmallAreaFigures(code: "D", population: 5000),
        ], .localConcentration, nationalCount: 1000)
        #expect(figure.value == 986)
        #expect(figure.quality == .apportioned)
        #expect(figure.smallAreasMissing == 1)
    }

    @Test func theMostDeprivedSmallAreaCanHoldTheWholeTenPercent() {
        // 1000 people, 100 needed. B (rank 2, reversed 999) is the most deprived and holds 400,
        // more than enough: 100 × 999 / 100 = 999. A (rank 10) is not reached.
        let figure = aggregate([
            SmallAreaFigures(code: "A", population: 600, nationalRank: 10),
            SmallAreaFigures(code: "B", population: 400, nationalRank: 2),
        ], .localConcentration, nationalCount: 1000)
        #expect(figure.value == 999)
        // Alone, A gives its own reversed rank, 991.
        let alone = aggregate([SmallAreaFigures(code: "A", population: 600, nationalRank: 10)], .localConcentration, nationalCount: 1000)
        #expect(alone.value == 991)
    }

    @Test func localConcentrationOfNoPeopleHasNoValue() {
        let figure = aggregate([SmallAreaFigures(code: "A", population: 0, nationalRank: 10)], .localConcentration, nationalCount: 1000)
        #expect(figure.value == nil)
    }

    // MARK: share-in-most-deprived-decile

    @Test func shareCountsSmallAreasByLookupWeight() {
        // N = 1000: a rank alone is in decile 1 when 10 r <= 1000, r <= 100.
        //   A decile 1, weight 1 → in;  B decile 2 → out;  C rank 100, weight 0.5 → in;
        //   D rank 101 → out;  E neither → missing.
        //   (1 + 0.5) / (1 + 1 + 0.5 + 1) = 1.5 / 3.5 = 3/7
        let figure = aggregate([
            SmallAreaFigures(code: "A", nationalDecile: 1),
            SmallAreaFigures(code: "B", nationalDecile: 2),
            SmallAreaFigures(code: "C", weight: 0.5, nationalRank: 100),
            SmallAreaFigures(code: "D", nationalRank: 101),
            SmallAreaFigures(code: "E", population: 10),
        ], .shareInMostDeprivedDecile, nationalCount: 1000)
        #expect(figure.value == 1.5 / 3.5)
        #expect(figure.quality == .apportioned)
        #expect(figure.smallAreasUsed == 4 && figure.smallAreasMissing == 1)
    }

    @Test func mostDeprivedDecileOfTheIoD2019() {
        // Decile 1 of the IoD 2019 is ranks 1-3,284 of 32,844.
        let figure = aggregate([
            SmallAreaFigures(code: "A", nationalRank: 3284),
            SmallAreaFigures(code: "B", nationalRank: 3285),
        ], .shareInMostDeprivedDecile, nationalCount: 32_844)
        #expect(figure.value == 0.5)
    }

    @Test func aPublishedDecileWinsOverARank() {
        let figure = Aggregation.aggregate(
            [SmallAreaFigures(code: "A", nationalRank: 5, nationalDecile: 2)],
            method: .shareInMostDeprivedDecile, parameters: AggregationParameters())
        #expect(figure.value == 0)
    }

    @Test func rankMethodsNeedTheNationalCount() async {
        await #expect(processExitsWith: .failure) {
            _ = Aggregation.aggregate(
                [SmallAreaFigures(code: "A", population: 1, nationalRank: 1)], method: .averageRank,
                parameters: AggregationParameters())
        }
    }
}
