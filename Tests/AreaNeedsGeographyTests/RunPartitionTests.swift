import Testing
@testable import AreaNeedsGeography

@Suite("Cutting a district's MSOAs into runs of even population")
struct RunPartitionTests {
    @Test func evenTotals() {
        #expect(RunPartition.cut([100, 50, 50, 100], into: 2) == [0..<2, 2..<4])
        #expect(RunPartition.cut([1, 1, 1, 1, 1, 1], into: 3) == [0..<2, 2..<4, 4..<6])
    }

    @Test func oneRunOrOneItemPerRun() {
        #expect(RunPartition.cut([3, 1, 2], into: 1) == [0..<3])
        #expect(RunPartition.cut([3, 1, 2], into: 3) == [0..<1, 1..<2, 2..<3])
    }

    @Test func findsTheLeastSpreadAmongAllCuts() {
        // Of the six ways to cut 4, 4, 4, 1, 1 into three runs, 4 | 4 | 4+1+1 gives totals
        // 4, 4, 6 (sum of squares 68); the next best, such as 4 | 4+4 | 1+1, give 84.
        #expect(RunPartition.cut([4, 4, 4, 1, 1], into: 3) == [0..<1, 1..<2, 2..<5])
        #expect(RunPartition.cut([1, 1, 1, 10, 1, 1, 1], into: 3) == [0..<3, 3..<4, 4..<7])
    }

    @Test func equallyGoodCutsKeepTheEarliest() {
        // 1 | 2+1 and 1+2 | 1 both give 1 and 3.
        #expect(RunPartition.cut([1, 2, 1], into: 2) == [0..<1, 1..<3])
    }
}
