/// Spearman's rank correlation: how far two sets of figures for the same areas put them in
/// the same order (1: the same order, 0: unrelated, -1: reversed). Ties take the mean of
/// the ranks they span, and the coefficient is Pearson's correlation of the ranks.
package enum RankCorrelation {
    /// The coefficient of paired figures; nil for fewer than three pairs or when either
    /// side has every figure equal (no order to compare).
    package static func spearman(_ first: [Double], _ second: [Double]) -> Double? {
        precondition(first.count == second.count, "paired figures")
        guard first.count >= 3 else { return nil }
        return pearson(ranks(first), ranks(second))
    }

    /// Ranks from 1, ties sharing the mean of the ranks they span.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let shared = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = shared }
            start = end + 1
        }
        return ranks
    }

    private static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let (meanX, meanY) = (x.reduce(0, +) / n, y.reduce(0, +) / n)
        var (covariance, varianceX, varianceY) = (0.0, 0.0, 0.0)
        for (a, b) in zip(x, y) {
            covariance += (a - meanX) * (b - meanY)
            varianceX += (a - meanX) * (a - meanX)
            varianceY += (b - meanY) * (b - meanY)
        }
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }
}
