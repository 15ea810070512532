/// Shares a number of areas between districts in proportion to population.
enum SeatAllocation {
    /// The largest remainder (Hamilton) method with a floor: each district gets the whole
    /// part of its quota, and the areas left over go to the largest fractions (ties to the
    /// larger population, then the earlier district). A district below `minimum` is given
    /// `minimum` and the rest are shared again among the others, until none is below.
    static func largestRemainder(_ populations: [Double], seats: Int, minimum: Int) -> [Int] {
        precondition(seats >= minimum * populations.count, "too few seats for the minimum")
        var fixed = Set<Int>()
        while true {
            let free = populations.indices.filter { !fixed.contains($0) }
            let freeSeats = seats - minimum * fixed.count
            let total = free.reduce(0) { $0 + populations[$1] }
            var allocation = populations.indices.map { fixed.contains($0) ? minimum : 0 }
            var quotas: [Int: Double] = [:]
            for index in free {
                quotas[index] = total > 0 ? populations[index] * Double(freeSeats) / total : Double(freeSeats) / Double(free.count)
                allocation[index] = Int(quotas[index]!.rounded(.down))
            }
            let left = freeSeats - free.reduce(0) { $0 + allocation[$1] }
            let byRemainder = free.sorted { a, b in
                let (ra, rb) = (quotas[a]! - Double(allocation[a]), quotas[b]! - Double(allocation[b]))
                if ra != rb { return ra > rb }
                if populations[a] != populations[b] { return populations[a] > populations[b] }
                return a < b
            }
            for index in byRemainder.prefix(left) { allocation[index] += 1 }
            let below = free.filter { allocation[$0] < minimum }
            if below.isEmpty { return allocation }
            fixed.formUnion(below)
        }
    }
}
