/// Combines the figures of an area's small areas into the area's figure, by the indicator's
/// aggregation method. The caller groups small-area rows by target area and calls once per
/// area, or feeds them to an `AreaAccumulator` per area as they are read.
package enum Aggregation {
    /// The figure for one target area from the rows of its small areas.
    ///
    /// A row that lacks a figure the method needs (absent, not finite, or out of range: a
    /// negative count or population, a weight outside 0 < w <= 1, a rank outside
    /// 1...nationalCount, a decile outside 1...10) is left out and counted in
    /// `smallAreasMissing`; it is never read as zero. The formulas are on `AreaAccumulator`,
    /// which does the work, and in the README's Methods section.
    ///
    /// - Precondition: `parameters.nationalCount` is set (and positive) for `average-rank`,
    ///   `extent` and `local-concentration`, and for `share-in-most-deprived-decile` when a row
    ///   gives a rank but no decile. It is configuration, checked before any data is read.
    package static func aggregate(
        _ rows: [SmallAreaFigures], method: AggregationMethod, parameters: AggregationParameters = AggregationParameters()
    ) -> AreaFigure {
        var accumulator = AreaAccumulator(method: method, parameters: parameters)
        for row in rows { accumulator.add(row) }
        return accumulator.figure
    }
}
