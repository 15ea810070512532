import AreaNeedsTestSupport
import Testing
import AreaNeedsMethods

@Suite("Need ranking properties on random data")
struct NeedRankingPropertyTests {
    /// Distinct values in random order, some negative, some far apart, some a bit apart.
    private func distinctValues(_ count: Int, _ generator: inout SeededGenerator) -> [Int: Double] {
        var seen = Set<Double>()
        var values: [Int: Double] = [:]
        while values.count < count {
            let value: Double = switch Int.random(in: 0..<3, using: &generator) {
            case 0: Double.random(in: -1e6...1e6, using: &generator)
            case 1: Double(Int.random(in: -50...50, using: &generator)) / 7
            default: 1.0 + Double(Int.random(in: 0...40, using: &generator)) * 1.0.ulp
            }
            if seen.insert(value).inserted { values[values.count] = value }
        }
        return values
    }

    @Test func distinctValuesRankAsAPermutationInEvenQuintiles() {
        var generator = SeededGenerator(seed: 2019)
        for _ in 0..<2_000 {
            let count = Int.random(in: 1...120, using: &generator)
            let values = distinctValues(count, &generator)
            let ranks = NeedRanking.rank(values, polarity: .higherIsWorse)
            // Fewer values than quintiles are not ranked.
            guard count >= NeedRanking.minimumValues else {
                #expect(ranks.isEmpty, "n = \(count)")
                continue
            }

            // Every area ranked, the ranks 1...n each once.
            #expect(ranks.count == count)
            #expect(ranks.values.map(\.rank).sorted() == Array(1...count))

            // Quintile sizes differ by at most one.
            let sizes = (1...5).map { quintile in ranks.values.filter { $0.quintile == quintile }.count }
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "n = \(count): \(sizes)")
            // The worst fifth holds ⌈n/5⌉ areas and the best ⌊n/5⌋.
            #expect(sizes.first == (count + 4) / 5 && sizes.last == count / 5, "n = \(count): \(sizes)")

            // Need falls as the rank rises; quintiles never go back.
            let byRank = ranks.sorted { $0.value.rank < $1.value.rank }
            for (better, worse) in zip(byRank, byRank.dropFirst()) {
                #expect((values[better.key] ?? .nan) > (values[worse.key] ?? .nan))
                #expect(better.value.quintile <= worse.value.quintile)
            }

            // Turning the polarity round reverses the ranks.
            let reversed = NeedRanking.rank(values, polarity: .higherIsBetter)
            for (area, rank) in ranks {
                #expect(reversed[area]?.rank == count + 1 - rank.rank)
            }
        }
    }

    @Test func tiedValuesTakeOnePlusTheCountOfGreaterNeeds() {
        var generator = SeededGenerator(seed: 34)
        for _ in 0..<1_000 {
            let count = Int.random(in: 1...60, using: &generator)
            var values: [Int: Double] = [:]
            for area in 0..<count where Int.random(in: 0..<10, using: &generator) > 0 {
                // Few distinct values, so ties are common; some areas have none.
                values[area] = Double(Int.random(in: 0...8, using: &generator))
            }
            let ranks = NeedRanking.rank(values, polarity: .higherIsBetter)
            if NeedRanking.unranked(Array(values.values)) != nil {
                #expect(ranks.isEmpty)
                continue
            }
            #expect(ranks.count == values.count)
            for (area, rank) in ranks {
                let value = values[area] ?? .nan
                let greaterNeeds = values.values.filter { $0 < value }.count
                #expect(rank.rank == 1 + greaterNeeds)
                #expect(rank.quintile == NeedRanking.quintile(rank: rank.rank, count: values.count))
            }
        }
    }
}
