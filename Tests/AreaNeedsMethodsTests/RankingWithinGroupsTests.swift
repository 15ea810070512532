import AreaNeedsMethods
import Testing

@Suite("Need ranks within districts")
struct RankingWithinGroupsTests {
    /// Areas a1-a5 in district A, b1-b6 in district B; x areas in none.
    static func district(_ area: String) -> String? { area.hasPrefix("x") ? nil : String(area.prefix(1)) }

    @Test func eachDistrictIsRankedAsIfItWereTheWholeSet() {
        let values: [String: Double] = ["a1": 5, "a2": 9, "a3": 1, "a4": 7, "a5": 3,
                                        "b1": 2, "b2": 8, "b3": 3, "b4": 6, "b5": 4, "b6": 10]
        let ranks = NeedRanking.rank(values, polarity: .higherIsWorse, within: Self.district)
        // District A, n = 5: a2 (9), a4 (7), a1 (5), a5 (3), a3 (1); quintile = rank.
        #expect(["a2", "a4", "a1", "a5", "a3"].map { ranks[$0] } == (1...5).map { NeedRank(rank: $0, quintile: $0) })
        // District B, n = 6: b6 (10), b2 (8), b4 (6), b5 (4), b3 (3), b1 (2); quintile =
        // max(1, 6 - ⌈(7 - r) × 5 / 6⌉): r = 1: 5 → 1; r = 2: ⌈25/6⌉ = 5 → 1; r = 3: ⌈20/6⌉ = 4 → 2;
        // r = 4: ⌈15/6⌉ = 3 → 3; r = 5: ⌈10/6⌉ = 2 → 4; r = 6: ⌈5/6⌉ = 1 → 5.
        #expect(["b6", "b2", "b4", "b5", "b3", "b1"].map { ranks[$0]?.quintile } == [1, 1, 2, 3, 4, 5])
        #expect(["b6", "b2", "b4", "b5", "b3", "b1"].map { ranks[$0]?.rank } == [1, 2, 3, 4, 5, 6])
    }

    @Test func sameRulesAsNationally() {
        // Ties share the lowest rank, missing values are not counted, polarity turns round.
        let values: [String: Double] = ["a1": 4, "a2": 4, "a3": .nan, "a4": 6, "a5": 8, "a6": 9, "a7": 10, "b1": 1]
        let ranks = NeedRanking.rank(values, polarity: .higherIsBetter, within: Self.district)
        // District A holds six values (n = 6): a1 and a2 tie at rank 1 (quintile 1); a4 rank 3 (quintile 2).
        #expect(ranks["a1"] == NeedRank(rank: 1, quintile: 1) && ranks["a2"] == NeedRank(rank: 1, quintile: 1))
        #expect(ranks["a4"] == NeedRank(rank: 3, quintile: 2))
        #expect(ranks["a7"] == NeedRank(rank: 6, quintile: 5))
        #expect(ranks["a3"] == nil)
        // A district of one area: fewer than five, not ranked.
        #expect(ranks["b1"] == nil)
    }

    @Test func aDistrictOfOneInheritedFigureIsNotRanked() {
        // Every area of district A has its district's figure: no variation within it.
        let values: [String: Double] = ["a1": 30, "a2": 30, "a3": 30, "a4": 30, "a5": 30,
                                        "b1": 1, "b2": 2, "b3": 3, "b4": 4, "b5": 5]
        let ranks = NeedRanking.rank(values, polarity: .higherIsWorse, within: Self.district)
        #expect(ranks.keys.sorted() == ["b1", "b2", "b3", "b4", "b5"])
    }

    @Test func areasWithoutADistrictGetNoRank() {
        let ranks = NeedRanking.rank(["a1": 1, "a2": 2, "a3": 3, "a4": 4, "a5": 5, "x1": 2], polarity: .higherIsWorse, within: Self.district)
        #expect(ranks.keys.sorted() == ["a1", "a2", "a3", "a4", "a5"])
    }

    @Test func oneDistrictGivesTheNationalRanks() {
        var values: [Int: Double] = [:]
        for area in 1...34 { values[area] = Double((area * 7) % 34) }
        #expect(NeedRanking.rank(values, polarity: .higherIsWorse, within: { _ in "only" })
                == NeedRanking.rank(values, polarity: .higherIsWorse))
    }

    @Test func objectiveNeedIsRankedWithinTheDistrict() {
        // District ranks on two indicators; the means are ranked again within each district.
        let ranks: [String: [NeedRank]] = [
            "a1": [NeedRank(rank: 1, quintile: 1), NeedRank(rank: 3, quintile: 3)],  // mean 2
            "a2": [NeedRank(rank: 2, quintile: 2), NeedRank(rank: 1, quintile: 1)],  // mean 1.5
            "a3": [NeedRank(rank: 3, quintile: 3), NeedRank(rank: 2, quintile: 2)],  // mean 2.5
            "a4": [NeedRank(rank: 4, quintile: 4), NeedRank(rank: 4, quintile: 4)],  // mean 4
            "a5": [NeedRank(rank: 5, quintile: 5), NeedRank(rank: 5, quintile: 5)],  // mean 5
            "b1": [NeedRank(rank: 1, quintile: 1)],                                  // mean 1
            "b2": [],
        ]
        let needs = ObjectiveRanking.rank(ranks, within: Self.district)
        // District A, n = 5: quintile = rank.
        #expect(["a2", "a1", "a3", "a4", "a5"].map { needs[$0]?.rank } == (1...5).map { NeedRank(rank: $0, quintile: $0) })
        #expect(needs["a1"]?.meanNeedRank == 2 && needs["a1"]?.indicatorsInWorstTwoFifths == 1)
        // District B has one mean: fewer than five, not ranked.
        #expect(needs["b1"] == nil)
        #expect(needs["b2"] == nil)
    }
}
