import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsMethods

/// The streaming aggregation against the Methods formulas written out plainly, on random
/// rows with missing and out-of-range figures: the same figure to the last bit, as both
/// sum the rows in the order they come.
@Suite("Aggregating areas as their rows stream past")
struct AreaAccumulatorTests {
    private func randomRows(_ generator: inout SeededGenerator, nationalCount: Int) -> [SmallAreaFigures] {
        (0..<Int.random(in: 0...12, using: &generator)).map { index in
            func maybe<T>(_ value: T) -> T? { Int.random(in: 0..<8, using: &generator) == 0 ? nil : value }
            let weight = [1, 1, 1, 0.25, 0.5, 0, 1.5].randomElement(using: &generator)!
            let numerator = Double(Int.random(in: -2...60, using: &generator))
            return SmallAreaFigures(
                code: "S\(Int.random(in: 0..<6, using: &generator))\(index)", weight: weight,
                value: maybe(Double.random(in: -3...90, using: &generator)),
                numerator: maybe(numerator), denominator: maybe(numerator + Double(Int.random(in: -5...100, using: &generator))),
                population: maybe(Double(Int.random(in: -10...2_000, using: &generator))),
                nationalRank: maybe(Int.random(in: -1...(nationalCount + 2), using: &generator)),
                nationalDecile: maybe(Int.random(in: 0...11, using: &generator)))
        }
    }

    /// The rows a method uses: a share for a weight, and the figures it needs in range.
    private func share(_ row: SmallAreaFigures) -> Double? {
        row.weight > 0 && row.weight <= 1 ? row.weight : nil
    }

    private func people(_ row: SmallAreaFigures) -> Double? {
        row.population.flatMap { $0 >= 0 ? $0 : nil }
    }

    private func rank(_ row: SmallAreaFigures, _ n: Int) -> Int? {
        row.nationalRank.flatMap { (1...n).contains($0) ? $0 : nil }
    }

    @Test func streamingGivesTheFormulasFiguresToTheLastBit() {
        var generator = SeededGenerator(seed: 2025)
        let n = 50
        for _ in 0..<3_000 {
            let rows = randomRows(&generator, nationalCount: n)
            let parameters = AggregationParameters(nationalCount: n, multiplier: 100)

            // rate: Σ w x / Σ w n × 100 over rows with both counts not negative.
            let rated = rows.compactMap { row -> (Double, Double, Double)? in
                guard let w = share(row), let x = row.numerator, let d = row.denominator, x >= 0, d >= 0 else { return nil }
                return (w, x, d)
            }
            let x = rated.reduce(0.0) { $0 + $1.0 * $1.1 }
            let d = rated.reduce(0.0) { $0 + $1.0 * $1.2 }
            let rate = Aggregation.aggregate(rows, method: .rate, parameters: parameters)
            #expect(rate.value == (rated.isEmpty || !(d > 0) ? nil : x / d * 100))
            #expect(rate.numerator == (rated.isEmpty ? nil : x) && rate.smallAreasUsed == rated.count)
            #expect(rate.smallAreasMissing == rows.count - rated.count)

            // The population-weighted means: Σ (p w) s / Σ (p w).
            func mean(_ score: (SmallAreaFigures) -> Double?) -> (value: Double?, used: Int) {
                let used = rows.compactMap { row -> (Double, Double)? in
                    guard let w = share(row), let p = people(row), let s = score(row) else { return nil }
                    return (p * w, s)
                }
                let total = used.reduce(0.0) { $0 + $1.0 }
                let weighted = used.reduce(0.0) { $0 + $1.0 * $1.1 }
                return (total > 0 ? weighted / total : nil, used.count)
            }
            let weightedMean = mean { $0.value.flatMap { $0.isFinite ? $0 : nil } }
            #expect(Aggregation.aggregate(rows, method: .weightedMean, parameters: parameters).value == weightedMean.value)
            let median = Aggregation.aggregate(rows, method: .median, parameters: parameters)
            #expect(median.value == weightedMean.value && median.quality == .approximate)
            let averageRank = mean { row in rank(row, n).map { Double(n + 1 - $0) } }
            #expect(Aggregation.aggregate(rows, method: .averageRank, parameters: parameters).value == averageRank.value)
            let extent = mean { row in
                rank(row, n).map { r in
                    let c = (100 * r + n - 1) / n
                    return c <= 10 ? 1 : c <= 30 ? Double(19 + 18 * (30 - c)) / 380 : 0
                }
            }
            #expect(Aggregation.aggregate(rows, method: .extent, parameters: parameters).value == extent.value)

            // share-in-most-deprived-decile: Σ w d / Σ w, the decile when in range, else the rank.
            let counted = rows.compactMap { row -> (Double, Bool)? in
                guard let w = share(row) else { return nil }
                if let decile = row.nationalDecile, (1...10).contains(decile) { return (w, decile == 1) }
                guard row.nationalRank != nil, let r = rank(row, n) else { return nil }
                return (w, 10 * r <= n)
            }
            let shares = counted.reduce(0.0) { $0 + $1.0 }
            let inDecile = counted.reduce(0.0) { $0 + ($1.1 ? $1.0 : 0) }
            let decile = Aggregation.aggregate(rows, method: .shareInMostDeprivedDecile, parameters: parameters)
            #expect(decile.value == (shares > 0 ? inDecile / shares : nil) && decile.smallAreasUsed == counted.count)

            // inherit: the one value all finite rows agree on.
            let values = rows.compactMap { $0.value.flatMap { $0.isFinite ? $0 : nil } }
            let inherited = Aggregation.aggregate(rows, method: .inherit, parameters: parameters)
            #expect(inherited.value == (values.first.flatMap { first in values.allSatisfy { $0 == first } ? first : nil }))
            #expect(inherited.quality == .inherited && inherited.smallAreasUsed == values.count)
        }
    }

    // MARK: Published intervals

    private static let interval = WilsonInterval(lower: 527.9, upper: 658.1)

    private func figure(_ method: AggregationMethod, _ rows: [SmallAreaFigures]) -> AreaFigure {
        var accumulator = AreaAccumulator(method: method)
        for row in rows { accumulator.add(row) }
        return accumulator.figure
    }

    @Test func anInheritedFigureKeepsTheIntervalPublishedWithIt() {
        let row = SmallAreaFigures(code: "E07000117", value: 593, publishedInterval: Self.interval)
        #expect(figure(.inherit, [row]).interval == Self.interval)
        // The same district row twice (two lookups): the same figure and interval.
        #expect(figure(.inherit, [row, row]).interval == Self.interval)
        // Rows that disagree give no value, and so no interval.
        var other = row
        other.publishedInterval = WilsonInterval(lower: 500, upper: 700)
        #expect(figure(.inherit, [row, other]).interval == nil)
        #expect(figure(.inherit, [SmallAreaFigures(code: "E07000117", value: 593)]).interval == nil)
    }

    @Test func oneWholeSmallAreasValueKeepsItsIntervalAndCombinedValuesHaveNone() {
        let one = SmallAreaFigures(code: "L1", value: 593, population: 1000, publishedInterval: Self.interval)
        let two = SmallAreaFigures(code: "L2", value: 600, population: 1000, publishedInterval: WilsonInterval(lower: 550, upper: 650))
        for method in [AggregationMethod.weightedMean, .median] {
            #expect(figure(method, [one]).interval == Self.interval, "\(method)")
            // Averaged from two small areas: never an interval made up for the mean.
            let mean = figure(method, [one, two])
            #expect(mean.value == 596.5 && mean.interval == nil, "\(method)")
            // Part of a split small area, or one of two whose other is missing: not the value as published.
            var part = one
            part.weight = 0.5
            #expect(figure(method, [part]).interval == nil, "\(method)")
            var missing = two
            missing.value = nil
            #expect(figure(method, [one, missing]).value == 593 && figure(method, [one, missing]).interval == nil, "\(method)")
        }
        // Rank methods read ranks, not a published value.
        let ranked = SmallAreaFigures(code: "L1", value: 10, population: 1000, nationalRank: 10, publishedInterval: Self.interval)
        var accumulator = AreaAccumulator(method: .averageRank, parameters: AggregationParameters(nationalCount: 100))
        accumulator.add(ranked)
        #expect(accumulator.figure.value != nil && accumulator.figure.interval == nil)
    }
}
