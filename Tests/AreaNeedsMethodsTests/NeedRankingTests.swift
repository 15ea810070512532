import Testing
import AreaNeedsMethods

@Suite("Need ranks and quintiles")
struct NeedRankingTests {
    static let five: [String: Double] = ["a": 5, "b": 9, "c": 1, "d": 3, "e": 7]

    @Test func highestValueRanksFirstWhenHigherIsWorse() {
        let ranks = NeedRanking.rank(Self.five, polarity: .higherIsWorse)
        #expect(ranks.mapValues(\.rank) == ["b": 1, "e": 2, "a": 3, "d": 4, "c": 5])
    }

    @Test func lowestValueRanksFirstWhenHigherIsBetter() {
        let ranks = NeedRanking.rank(Self.five, polarity: .higherIsBetter)
        #expect(ranks.mapValues(\.rank) == ["c": 1, "d": 2, "a": 3, "e": 4, "b": 5])
    }

    @Test func tiesShareTheLowestRankNumber() {
        // Competition ranking "12245". n = 5, quintile = 6 - ⌈(6 - r) × 5 / 5⌉ = r.
        let ranks = NeedRanking.rank(["a": 10, "b": 8, "c": 8, "d": 3, "e": 1], polarity: .higherIsWorse)
        #expect(ranks == [
            "a": NeedRank(rank: 1, quintile: 1), "b": NeedRank(rank: 2, quintile: 2),
            "c": NeedRank(rank: 2, quintile: 2), "d": NeedRank(rank: 4, quintile: 4),
            "e": NeedRank(rank: 5, quintile: 5),
        ])
        #expect(ranks["b"]?.highestNeed == true)
        #expect(ranks["d"]?.highestNeed == false)
    }

    @Test func noRankingWithoutVariation() {
        // A county figure inherited by all 34 areas: every one would rank 1, in the worst fifth.
        var tied: [Int: Double] = [:]
        for area in 1...34 { tied[area] = 12.5 }
        #expect(NeedRanking.rank(tied, polarity: .higherIsWorse).isEmpty)
        #expect(NeedRanking.unranked(Array(tied.values)) == .noVariation)
        // One area apart is variation enough.
        tied[34] = 13
        #expect(NeedRanking.rank(tied, polarity: .higherIsWorse)[34] == NeedRank(rank: 1, quintile: 1))
        #expect(NeedRanking.rank(tied, polarity: .higherIsWorse)[1] == NeedRank(rank: 2, quintile: 1))
        #expect(NeedRanking.unranked(Array(tied.values)) == nil)
    }

    @Test func fewerValuesThanQuintilesAreNotRanked() {
        // phe_quantile gives no quantiles for fewer values than quantiles; nor does this.
        let four: [String: Double] = ["a": 1, "b": 2, "c": 3, "d": 4, "e": .nan]
        #expect(NeedRanking.rank(four, polarity: .higherIsWorse).isEmpty)
        #expect(NeedRanking.unranked(Array(four.values)) == .tooFew(count: 4))
        #expect(NeedRanking.unranked([7]) == .tooFew(count: 1))
        #expect(NeedRanking.unranked([]) == nil)
        #expect(NeedRanking.Unranked.tooFew(count: 1).description.hasPrefix("figures for 1 area, fewer than the 5"))
    }

    @Test func tiesAcrossAQuintileBoundaryTakeTheFirstRanksQuintile() {
        // n = 34 (quintile 1 is ranks 1-7). Areas 6, 7 and 8 tie: all rank 6, quintile 1, so
        // quintile 1 holds 8 areas and quintile 2 starts at rank 9.
        var values: [Int: Double] = [:]
        for area in 1...34 { values[area] = Double(100 - area) }
        values[7] = values[6]
        values[8] = values[6]
        let ranks = NeedRanking.rank(values, polarity: .higherIsWorse)
        #expect([6, 7, 8].map { ranks[$0] } == Array(repeating: NeedRank(rank: 6, quintile: 1), count: 3))
        #expect(ranks[9] == NeedRank(rank: 9, quintile: 2))
    }

    @Test func missingValuesGetNoRankAndAreNotCounted() {
        // Five hold a value, b and d do not: n = 5 and quintile = rank.
        let ranks = NeedRanking.rank(["a": 1, "b": .nan, "c": 2, "d": .infinity, "e": 3, "f": 4, "g": 5], polarity: .higherIsWorse)
        #expect(ranks == [
            "g": NeedRank(rank: 1, quintile: 1), "f": NeedRank(rank: 2, quintile: 2), "e": NeedRank(rank: 3, quintile: 3),
            "c": NeedRank(rank: 4, quintile: 4), "a": NeedRank(rank: 5, quintile: 5),
        ])
    }

    @Test func doublesAreComparedExactly() {
        // Three smaller values beside each pair, so that five are ranked.
        let others: [String: Double] = ["x": -3, "y": -2, "z": -1]
        // 0.1 + 0.2 is 0.30000000000000004, one bit above 0.3: they rank apart, not as a tie.
        let sum = 0.1 + 0.2
        let ranks = NeedRanking.rank(others.merging(["sum": sum, "literal": 0.3]) { $1 }, polarity: .higherIsWorse)
        #expect(ranks["sum"]?.rank == 1 && ranks["literal"]?.rank == 2)
        let neighbours = NeedRanking.rank(["a": 1.0, "b": 1.0.nextUp, "x": 3, "y": 4, "z": 5], polarity: .higherIsBetter)
        #expect(neighbours["a"]?.rank == 1 && neighbours["b"]?.rank == 2)
        // Zero and negative zero are equal doubles: a tie.
        let zeros = NeedRanking.rank(others.merging(["a": 0.0, "b": -0.0]) { $1 }, polarity: .higherIsWorse)
        #expect(zeros["a"]?.rank == 1 && zeros["b"]?.rank == 1 && zeros["z"]?.rank == 3)
    }

    @Test func emptyInputHasNoRanks() {
        #expect(NeedRanking.rank([String: Double](), polarity: .higherIsWorse).isEmpty)
    }

    /// Quintile sizes for n not divisible by five, by hand from the formula. With m = n + 1 - r,
    /// quintile = 6 - ⌈5m / n⌉, so quintile q holds the m with (5 - q) n / 5 < m <= (6 - q) n / 5:
    ///
    /// - n = 32: q1 m > 25.6 → m 26-32 (7); q2 19.2 < m <= 25.6 → 20-25 (6); q3 12.8 < m <= 19.2 → 13-19 (7);
    ///   q4 6.4 < m <= 12.8 → 7-12 (6); q5 m <= 6.4 → 1-6 (6). 7 + 6 + 7 + 6 + 6 = 32.
    /// - n = 33: q1 m > 26.4 → 27-33 (7); q2 19.8 < m <= 26.4 → 20-26 (7); q3 13.2 < m <= 19.8 → 14-19 (6);
    ///   q4 6.6 < m <= 13.2 → 7-13 (7); q5 → 1-6 (6). 7 + 7 + 6 + 7 + 6 = 33.
    /// - n = 34: q1 m > 27.2 → 28-34 (7); q2 20.4 < m <= 27.2 → 21-27 (7); q3 13.6 < m <= 20.4 → 14-20 (7);
    ///   q4 6.8 < m <= 13.6 → 7-13 (7); q5 → 1-6 (6). 7 + 7 + 7 + 7 + 6 = 34, as DESIGN.md says.
    /// - n = 35: the bounds 28, 21, 14, 7 are whole: 7 each.
    @Test(arguments: [
        (32, [7, 6, 7, 6, 6]),
        (33, [7, 7, 6, 7, 6]),
        (34, [7, 7, 7, 7, 6]),
        (35, [7, 7, 7, 7, 7]),
    ])
    func quintileSizesWhenNIsNotAMultipleOfFive(count: Int, sizes: [Int]) {
        var values: [Int: Double] = [:]
        for area in 1...count { values[area] = Double(area) * 1.5 }
        let ranks = NeedRanking.rank(values, polarity: .higherIsWorse)
        let counted = (1...5).map { quintile in ranks.values.filter { $0.quintile == quintile }.count }
        #expect(counted == sizes)
        // Quintiles run in rank order: the first sizes[0] ranks are quintile 1, and so on.
        var rank = 1
        for (index, size) in sizes.enumerated() {
            for _ in 0..<size {
                #expect(NeedRanking.quintile(rank: rank, count: count) == index + 1, "rank \(rank) of \(count)")
                rank += 1
            }
        }
    }

    @Test func quintilesOfSmallCounts() {
        #expect(NeedRanking.quintile(rank: 1, count: 1) == 1)
        #expect((1...5).map { NeedRanking.quintile(rank: $0, count: 5) } == [1, 2, 3, 4, 5])
        // n = 3: r = 1 → 6 - 5 = 1; r = 2 → 6 - ⌈10/3⌉ = 2; r = 3 → 6 - ⌈5/3⌉ = 4.
        #expect((1...3).map { NeedRanking.quintile(rank: $0, count: 3) } == [1, 2, 4])
    }

    @Test func highestNeedIsTheWorstTwoFifths() {
        #expect((1...5).map { NeedRank(rank: 1, quintile: $0).highestNeed } == [true, true, false, false, false])
    }
}
