import Testing
@testable import AreaNeedsGeography

@Suite("Sharing areas between districts by largest remainder")
struct SeatAllocationTests {
    @Test func wholeQuotasThenLargestRemainders() {
        // Quotas 3.5, 2.4, 4.1: the one seat left goes to the largest fraction, 0.5.
        #expect(SeatAllocation.largestRemainder([35, 24, 41], seats: 10, minimum: 0) == [4, 2, 4])
    }

    @Test func equalRemaindersGoToTheLargerPopulationThenTheEarlierDistrict() {
        #expect(SeatAllocation.largestRemainder([30, 10, 10], seats: 2, minimum: 0) == [1, 1, 0])
        #expect(SeatAllocation.largestRemainder([25, 25], seats: 1, minimum: 0) == [1, 0])
    }

    @Test func districtsBelowTheMinimumAreRaisedAndTheRestShared() {
        // Quotas 5, 3, 1.5, 0.5 give 5, 3, 2, 0; the last is raised to 2, and the 8 left
        // are shared by the others (4.21, 2.53, 1.26 give 4, 3, 1); the third is raised
        // too, and the 6 left go 3.75, 2.25: 4 and 2.
        #expect(SeatAllocation.largestRemainder([500, 300, 150, 50], seats: 10, minimum: 2) == [4, 2, 2, 2])
    }

    @Test func seatsAlwaysAddUp() {
        let populations: [Double] = [87, 111, 77, 80, 140, 90, 140, 59, 69, 110, 112, 110]
        for seats in 24...60 {
            let allocation = SeatAllocation.largestRemainder(populations, seats: seats, minimum: 2)
            #expect(allocation.reduce(0, +) == seats)
            #expect(allocation.allSatisfy { $0 >= 2 })
        }
    }
}
