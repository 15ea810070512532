/// Cuts a sequence into runs of consecutive items with totals as even as possible.
enum RunPartition {
    /// Cuts `values` into `runs` non-empty runs of consecutive items, choosing the cut points
    /// that minimise the sum of squared run totals, which for a fixed grand total is the same
    /// as minimising the variance of the run totals about their mean.
    ///
    /// Exact, by dynamic programming over cut points (O(runs × n²)); among equally good cuts
    /// the earliest is kept, so the result is reproducible.
    static func cut(_ values: [Double], into runs: Int) -> [Range<Int>] {
        let count = values.count
        precondition(runs >= 1 && runs <= count, "need between 1 and \(count) runs")
        var prefix = [0.0]
        for value in values { prefix.append(prefix.last! + value) }

        // cost[j][i]: the least sum of squares cutting the first i items into j runs;
        // start[j][i]: where the last of those runs starts.
        var cost = Array(repeating: Array(repeating: Double.infinity, count: count + 1), count: runs + 1)
        var start = Array(repeating: Array(repeating: 0, count: count + 1), count: runs + 1)
        cost[0][0] = 0
        for run in 1...runs {
            for end in run...(count - (runs - run)) {
                for begin in (run - 1)..<end where cost[run - 1][begin] < .infinity {
                    let total = prefix[end] - prefix[begin]
                    let candidate = cost[run - 1][begin] + total * total
                    if candidate < cost[run][end] {
                        cost[run][end] = candidate
                        start[run][end] = begin
                    }
                }
            }
        }
        var ranges: [Range<Int>] = []
        var end = count
        for run in stride(from: runs, to: 0, by: -1) {
            let begin = start[run][end]
            ranges.insert(begin..<end, at: 0)
            end = begin
        }
        return ranges
    }
}
