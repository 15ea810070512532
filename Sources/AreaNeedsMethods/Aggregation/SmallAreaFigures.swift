/// One small area's figures for one indicator, as the caller found them for one target area.
///
/// Each method reads only the figures it needs (see `AggregationMethod`); the others may be
/// nil. A figure that is absent or not a finite number is missing: the row is left out of that
/// method's result and counted, never read as zero.
package struct SmallAreaFigures: Sendable, Hashable {
    /// The small area's code (an LSOA, OA, MSOA or ward code; a district code for `inherit`).
    package var code: String
    /// The share of the small area that lies in the target area, 0 < weight <= 1, from the
    /// lookup; below 1 the small area is split between target areas (apportioned). The
    /// normalise stage passes the lookup's weight beside the row instead
    /// (`AreaAccumulator.add(_:weight:)`), adding one row to each of its areas.
    package var weight: Double
    /// A score, rate or median (`weighted-mean`, `median`, `inherit`).
    package var value: Double?
    /// The count of cases (`rate`).
    package var numerator: Double?
    /// The count at risk (`rate`).
    package var denominator: Double?
    /// The population that weights the small area (`weighted-mean`, `median` and the IoD measures).
    package var population: Double?
    /// The national rank, 1 = most deprived, out of `AggregationParameters.nationalCount`.
    package var nationalRank: Int?
    /// The national decile, 1 = most deprived 10% (`share-in-most-deprived-decile`).
    package var nationalDecile: Int?
    /// The 95% interval the source publishes with the value, carried to a figure that takes
    /// the value as published (`AreaAccumulator`).
    package var publishedInterval: WilsonInterval?

    /// A row of figures; give those the method needs.
    package init(
        code: String, weight: Double = 1, value: Double? = nil, numerator: Double? = nil,
        denominator: Double? = nil, population: Double? = nil, nationalRank: Int? = nil,
        nationalDecile: Int? = nil, publishedInterval: WilsonInterval? = nil
    ) {
        self.code = code
        self.weight = weight
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.population = population
        self.nationalRank = nationalRank
        self.nationalDecile = nationalDecile
        self.publishedInterval = publishedInterval
    }
}

// The figures as the methods may use them: a figure outside its range counts as missing.
extension SmallAreaFigures {
    /// The value when it is a finite number.
    var finiteValue: Double? { value.flatMap { $0.isFinite ? $0 : nil } }

    /// The numerator when it is a finite count (not negative).
    var count: Double? { Self.nonNegative(numerator) }

    /// The denominator when it is a finite count (not negative).
    var countAtRisk: Double? { Self.nonNegative(denominator) }

    /// The population when it is finite and not negative.
    var people: Double? { Self.nonNegative(population) }

    /// The national rank when it lies in 1...nationalCount.
    func rank(outOf nationalCount: Int) -> Int? {
        nationalRank.flatMap { (1...nationalCount).contains($0) ? $0 : nil }
    }

    /// The national decile when it lies in 1...10.
    var decile: Int? { nationalDecile.flatMap { (1...10).contains($0) ? $0 : nil } }

    private static func nonNegative(_ figure: Double?) -> Double? {
        figure.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
    }
}
