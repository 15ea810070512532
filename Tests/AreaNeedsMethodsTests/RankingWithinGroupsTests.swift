import AreaNeedsMethods
import Testing

@Suite("Need ranks within districts")
struct RankingWithinGroupsTests {
    /// Areas a1-a4 in district A, b1-b3 in district B.
    static func district(_ area: String) -> String? { area.hasPrefix("x") ? nil : String(area.prefix(1)) }

    @Test func eachDistrictIsRankedAsIfItWereTheWholeSet() {
        let values: [String: Double] = ["a1": 5, "a2": 9, "a3": 1, "a4": 7, "b1": 2, "b2": 8, "b3": 3]
        let ranks = NeedRanking.rank(values, polarity: .higherIsWorse, within: Self.district)
        // District A, n = 4: a2 (9), a4 (7), a1 (5), a3 (1); quintile = max(1, 6 - ⌈(5 - r) × 5 / 4⌉):
        //   r = 1: ⌈20/4⌉ = 5 → 1; r = 2: ⌈15/4⌉ = 4 → 2; r = 3: ⌈10/4⌉ = 3 → 3; r = 4: ⌈5/4⌉ = 2 → 4.
        #expect(ranks["a2"] == NeedRank(rank: 1, quintile: 1))
        #expect(ranks["a4"] == NeedRank(rank: 2, quintile: 2))
        #expect(ranks["a1"] == NeedRank(rank: 3, quintile: 3))
        #expect(ranks["a3"] == NeedRank(rank: 4, quintile: 4))
        // District B, n = 3: b2 (8), b3 (3), b1 (2); quintile = max(1, 6 - ⌈(4 - r) × 5 / 3⌉):
        //   r = 1: 5 → 1; r = 2: ⌈10/3⌉ = 4 → 2; r = 3: ⌈5/3⌉ = 2 → 4.
        #expect(ranks["b2"] == NeedRank(rank: 1, quintile: 1))
        #expect(ranks["b3"] == NeedRank(rank: 2, quintile: 2))
        #expect(ranks["b1"] == NeedRank(rank: 3, quintile: 4))
    }

    @Test func sameRulesAsNationally() {
        // Ties share the lowest rank, missing values are not counted, polarity turns round.
        let values: [String: Double] = ["a1": 4, "a2": 4, "a3": .nan, "a4": 6, "b1": 1]
        let ranks = NeedRanking.rank(values, polarity: .higherIsBetter, within: Self.district)
        // District A holds three values (n = 3): a1 and a2 tie at rank 1 (quintile 1), a4 is rank 3 (quintile 4).
        #expect(ranks["a1"] == NeedRank(rank: 1, quintile: 1) && ranks["a2"] == NeedRank(rank: 1, quintile: 1))
        #expect(ranks["a4"] == NeedRank(rank: 3, quintile: 4))
        #expect(ranks["a3"] == nil)
        // A district of one area: rank 1, quintile 1.
        #expect(ranks["b1"] == NeedRank(rank: 1, quintile: 1))
    }

    @Test func areasWithoutADistrictGetNoRank() {
        let ranks = NeedRanking.rank(["a1": 1, "x1": 2], polarity: .higherIsWorse, within: Self.district)
        #expect(ranks.keys.sorted() == ["a1"])
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
            "a1": [NeedRank(rank: 1, quintile: 1), NeedRank(rank: 3, quintile: 4)],  // mean 2
            "a2": [NeedRank(rank: 2, quintile: 2), NeedRank(rank: 1, quintile: 1)],  // mean 1.5
            "a3": [NeedRank(rank: 3, quintile: 4), NeedRank(rank: 2, quintile: 2)],  // mean 2.5
            "b1": [NeedRank(rank: 1, quintile: 1)],                                  // mean 1
            "b2": [],
        ]
        let needs = ObjectiveRanking.rank(ranks, within: Self.district)
        #expect(needs["a2"]?.rank == NeedRank(rank: 1, quintile: 1))
        #expect(needs["a1"]?.rank == NeedRank(rank: 2, quintile: 2))
        #expect(needs["a3"]?.rank == NeedRank(rank: 3, quintile: 4))
        #expect(needs["a1"]?.meanNeedRank == 2 && needs["a1"]?.indicatorsInWorstTwoFifths == 1)
        #expect(needs["b1"]?.rank == NeedRank(rank: 1, quintile: 1))
        #expect(needs["b2"] == nil)
    }
}
