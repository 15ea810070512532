import Testing
@testable import AreaNeedsMethods

@Suite("Spearman's rank correlation")
struct RankCorrelationTests {
    @Test func sameOrderReversedAndWorkedExample() throws {
        #expect(RankCorrelation.spearman([1, 2, 3, 4], [10, 20, 30, 45]) == 1)
        #expect(RankCorrelation.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1)
        // Ranks (1, 2, 3, 4, 5) against (2, 1, 4, 3, 5): d² sums to 4, so
        // rho = 1 - 6 × 4 / (5 × 24) = 0.8.
        let rho = try #require(RankCorrelation.spearman([10, 20, 30, 40, 50], [2, 1, 4, 3, 5]))
        #expect(abs(rho - 0.8) < 1e-12)
    }

    @Test func tiesShareTheMeanRank() {
        #expect(RankCorrelation.ranks([5, 1, 5, 3]) == [3.5, 1, 3.5, 2])
    }

    @Test func noOrderNoCoefficient() {
        #expect(RankCorrelation.spearman([1, 2], [2, 1]) == nil)
        #expect(RankCorrelation.spearman([3, 3, 3], [1, 2, 3]) == nil)
    }
}
