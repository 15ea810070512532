import AreaNeedsMethods
import AreaNeedsTestSupport
import Testing

/// The rank stage ranks areas by number, with arrays: the same rule as the dictionaries.
@Suite("Ranking areas by number")
struct PositionalRankingTests {
    /// Values with ties, missing and non-finite ones, and a group (or none) for each.
    private func sample(_ count: Int, _ generator: inout SeededGenerator) -> (values: [Double], groups: [Int?]) {
        let values = (0..<count).map { _ -> Double in
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: .nan
            case 1: .infinity
            case 2, 3: Double(Int.random(in: 0...3, using: &generator))  // ties
            default: Double.random(in: -100...100, using: &generator)
            }
        }
        let groups = (0..<count).map { _ in Int.random(in: 0..<8, using: &generator) == 0 ? nil : Int.random(in: 0..<5, using: &generator) }
        return (values, groups)
    }

    /// The rule, written the slow and obvious way: an area's rank is one more than the
    /// number of areas of its group with a greater need; n counts the group's finite values;
    /// a group of fewer than five, or of equal values, is not ranked.
    private func expectedRank(of position: Int, _ values: [Double], higherIsWorse: Bool, groups: [Int?]?) -> NeedRank? {
        guard values[position].isFinite, groups.map({ $0[position] != nil }) ?? true else { return nil }
        let peers = values.indices.filter { values[$0].isFinite && (groups == nil || groups![$0] == groups![position]) }
        guard peers.count >= 5, Set(peers.map { values[$0] == 0 ? 0 : values[$0] }).count > 1 else { return nil }
        let rank = 1 + peers.filter { higherIsWorse ? values[$0] > values[position] : values[$0] < values[position] }.count
        return NeedRank(rank: rank, quintile: NeedRanking.quintile(rank: rank, count: peers.count))
    }

    @Test func positionsRankByTheRuleNationallyAndWithinGroups() {
        var generator = SeededGenerator(seed: 2021)
        for _ in 0..<500 {
            let (values, groups) = sample(Int.random(in: 0...60, using: &generator), &generator)
            for polarity in [Polarity.higherIsWorse, .higherIsBetter] {
                let worse = polarity == .higherIsWorse
                let ranks = NeedRanking.rank(positions: values, polarity: polarity)
                #expect(ranks.indices.allSatisfy { ranks[$0] == expectedRank(of: $0, values, higherIsWorse: worse, groups: nil) })
                let inGroups = NeedRanking.rank(positions: values, polarity: polarity, groups: groups)
                #expect(inGroups.indices.allSatisfy { inGroups[$0] == expectedRank(of: $0, values, higherIsWorse: worse, groups: groups) })

                // The dictionaries give the same, keyed by area.
                let byKey = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($0.offset, $0.element) })
                let keyed = NeedRanking.rank(byKey, polarity: polarity) { groups[$0].map { "district \($0)" } }
                #expect(inGroups.indices.allSatisfy { inGroups[$0] == keyed[$0] })
            }
        }
    }

    @Test func objectivesByPositionRankTheMeansByTheRule() {
        var generator = SeededGenerator(seed: 2022)
        for _ in 0..<300 {
            let count = Int.random(in: 0...40, using: &generator)
            let indicatorRanks = (0..<count).map { _ in
                (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                    NeedRank(rank: Int.random(in: 1...count + 1, using: &generator), quintile: Int.random(in: 1...5, using: &generator))
                }
            }
            let groups = (0..<count).map { _ in Int.random(in: 0..<6, using: &generator) == 0 ? nil : Int.random(in: 0..<3, using: &generator) }
            let means = indicatorRanks.map { $0.isEmpty ? Double.nan : Double($0.map(\.rank).reduce(0, +)) / Double($0.count) }

            for (needs, grouping) in [(ObjectiveRanking.rank(positions: indicatorRanks), nil as [Int?]?),
                                      (ObjectiveRanking.rank(positions: indicatorRanks, groups: groups), groups)] {
                for area in 0..<count {
                    // The lowest mean need rank is the greatest need.
                    let rank = expectedRank(of: area, means, higherIsWorse: false, groups: grouping)
                    #expect(needs[area]?.rank == rank)
                    #expect(needs[area]?.indicatorsRanked == (rank == nil ? nil : indicatorRanks[area].count))
                    #expect(needs[area]?.indicatorsInWorstTwoFifths == (rank == nil ? nil : indicatorRanks[area].filter { $0.quintile <= 2 }.count))
                }
            }
        }
    }

    @Test func aGroupRanksAsIfItWereTheWholeSet() {
        // Two districts: each area's rank within its own is its rank among its own alone.
        let values = [5.0, 9, 1, 7, 7, .nan, 3, 2, 4, 6, 0, 8]
        let groups: [Int?] = [0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1]
        let ranks = NeedRanking.rank(positions: values, polarity: .higherIsWorse, groups: groups)
        // Group 0: 5, 1, 3, 2, 4 → ranks 1, 5, 3, 4, 2. Group 1: 9, 7, 7, 6, 0, 8 → 1, 3, 3, 5, 6, 2.
        #expect(ranks.map { $0?.rank } == [1, 1, 5, 3, 3, nil, 3, 4, 2, 5, 6, 2])
        let all = [5.0, 1, 3, 2, 4]
        #expect(NeedRanking.rank(positions: all, polarity: .higherIsWorse, groups: [0, 0, 0, 0, 0])
                == NeedRanking.rank(positions: all, polarity: .higherIsWorse))
    }
}
