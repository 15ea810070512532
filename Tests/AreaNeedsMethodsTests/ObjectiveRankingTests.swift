import Testing
import AreaNeedsMethods

@Suite("Objective need from indicator need ranks")
struct ObjectiveRankingTests {
    @Test func lowestMeanNeedRankIsTheGreatestNeed() throws {
        // Means: A (1 + 2) / 2 = 1.5; B (3 + 1) / 2 = 2; C 2 / 1 = 2; E (5 + 4) / 2 = 4.5;
        // F (5 + 6) / 2 = 5.5; D none. n = 5: A 1; B and C tie at 2; E 4; F 5; quintile = rank.
        let needs = ObjectiveRanking.rank([
            "A": [NeedRank(rank: 1, quintile: 1), NeedRank(rank: 2, quintile: 1)],
            "B": [NeedRank(rank: 3, quintile: 3), NeedRank(rank: 1, quintile: 1)],
            "C": [NeedRank(rank: 2, quintile: 2)],
            "D": [],
            "E": [NeedRank(rank: 5, quintile: 5), NeedRank(rank: 4, quintile: 4)],
            "F": [NeedRank(rank: 5, quintile: 5), NeedRank(rank: 6, quintile: 5)],
        ])
        #expect(needs["D"] == nil)
        #expect(needs.count == 5)
        let a = try #require(needs["A"])
        #expect(a == ObjectiveNeed(
            meanNeedRank: 1.5, indicatorsRanked: 2, indicatorsInWorstTwoFifths: 2, rank: NeedRank(rank: 1, quintile: 1)))
        #expect(needs["B"] == ObjectiveNeed(
            meanNeedRank: 2, indicatorsRanked: 2, indicatorsInWorstTwoFifths: 1, rank: NeedRank(rank: 2, quintile: 2)))
        #expect(needs["C"] == ObjectiveNeed(
            meanNeedRank: 2, indicatorsRanked: 1, indicatorsInWorstTwoFifths: 1, rank: NeedRank(rank: 2, quintile: 2)))
        #expect(needs["E"] == ObjectiveNeed(
            meanNeedRank: 4.5, indicatorsRanked: 2, indicatorsInWorstTwoFifths: 0, rank: NeedRank(rank: 4, quintile: 4)))
        #expect(needs["F"]?.rank == NeedRank(rank: 5, quintile: 5))
    }

    @Test func equalMeansFromDifferentCountsTie() {
        // X: (1 + 1 + 2) / 3 = 4/3; Y: (1 + 1 + 1 + 1 + 2 + 2) / 6 = 8/6 = 4/3; Z: 2; V 3; W 4.
        func ranks(_ numbers: [Int]) -> [NeedRank] { numbers.map { NeedRank(rank: $0, quintile: 1) } }
        let needs = ObjectiveRanking.rank(["X": ranks([1, 1, 2]), "Y": ranks([1, 1, 1, 1, 2, 2]), "Z": ranks([2]),
                                           "V": ranks([3]), "W": ranks([4])])
        #expect(needs["X"]?.meanNeedRank == needs["Y"]?.meanNeedRank)
        #expect(needs["X"]?.rank.rank == 1 && needs["Y"]?.rank.rank == 1)
        #expect(needs["Z"]?.rank.rank == 3)
    }

    @Test func objectiveQuintilesFollowTheSameRule() {
        // 34 areas, area k with need ranks [k, k]: mean k, objective rank k, quintiles 7,7,7,7,6.
        var input: [Int: [NeedRank]] = [:]
        for area in 1...34 {
            let rank = NeedRank(rank: area, quintile: NeedRanking.quintile(rank: area, count: 34))
            input[area] = [rank, rank]
        }
        let needs = ObjectiveRanking.rank(input)
        let sizes = (1...5).map { quintile in needs.values.filter { $0.rank.quintile == quintile }.count }
        #expect(sizes == [7, 7, 7, 7, 6])
        #expect(needs[14]?.rank.highestNeed == true)
        #expect(needs[15]?.rank.highestNeed == false)
        #expect(needs[14]?.indicatorsInWorstTwoFifths == 2)
        #expect(needs[15]?.indicatorsInWorstTwoFifths == 0)
    }

    @Test func noIndicatorsNoObjectiveRank() {
        #expect(ObjectiveRanking.rank(["A": [NeedRank]()]).isEmpty)
    }
}
