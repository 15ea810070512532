/// Life expectancy for an area from its deaths and person-years by age band, exactly as
/// PHEindicatormethods' `phe_life_expectancy` computes it: the `LifeTable`, the interval
/// e ± z × SE, and the package's validation and suppression rules, each reported per area as a
/// `HealthSuppression`.
///
/// The rules, in the order they are looked for (the input errors first):
/// - a band with no row (the package: "a different number of age bands than 20"): bad input;
/// - more deaths than person-years in a band: bad input;
/// - person-years of zero in a band;
/// - 5,000 person-years or fewer in all (the package tests `total <= 5000`);
/// - no deaths in the open last band (the package then gives no value);
/// - a 95% interval wider than 20 years, 2 × 1.96 × SE > 20, whatever confidence is asked
///   for: the value is suppressed and the interval still given.
/// Negative counts are refused row by row (`AgeBandRowError`).
package enum LifeExpectancy {
    /// The fewest person-years `phe_life_expectancy` gives a figure for is more than this.
    package static let smallestPopulation = 5_000.0
    /// The widest 95% interval, in years, that `phe_life_expectancy` publishes a value with.
    package static let widestInterval = 20.0

    /// Life expectancy at the start of band `atBand` (0: at birth), with its interval at the
    /// given confidence (0.95 for 95%; none outside 0 < confidence < 1).
    ///
    /// - Precondition: `atBand` is a band of the scheme (the stage finds it with
    ///   `AgeBandScheme.index(startingAt:)` when it reads the configuration).
    package static func figure(
        _ counts: AgeBandAccumulator, atBand: Int = 0, confidence: Double = 0.95, fractions: [Double]? = nil
    ) -> HealthFigure {
        if let reason = problem(counts) { return suppressed(counts, reason) }
        let table = LifeTable(counts, fractions: fractions)
        return figure(
            expectancy: table.expectancies[atBand], standardError: table.standardErrors[atBand],
            confidence: confidence, counts: counts)
    }

    /// The first rule an area's counts break, in the order of the type's summary; nil when the
    /// life table can be computed.
    package static func problem(_ counts: AgeBandAccumulator) -> HealthSuppression? {
        let scheme = counts.scheme
        if let band = counts.firstBandNotCounted { return .bandMissing(band) }
        if let band = counts.events.indices.first(where: { counts.events[$0] > counts.population[$0] }) {
            return .deathsAbovePopulation(scheme.band(band))
        }
        if let band = counts.population.firstIndex(where: { $0 <= 0 }) {
            return .populationNotPositive(scheme.band(band))
        }
        let total = counts.population.reduce(0, +)
        if total <= smallestPopulation { return .populationTooSmall(total) }
        let last = scheme.count - 1
        if counts.events[last] == 0 { return .noDeathsInLastBand(scheme.band(last)) }
        return nil
    }

    /// A figure with no value for the reason given.
    static func suppressed(_ counts: AgeBandAccumulator, _ reason: HealthSuppression) -> HealthFigure {
        HealthFigure(
            value: nil, interval: nil, suppression: reason, events: counts.events.reduce(0, +),
            population: counts.population.reduce(0, +), quality: counts.quality)
    }

    /// The figure for an expectancy and its standard error: e ± z × SE; the value suppressed,
    /// the interval kept, when z₀.₉₇₅ × SE > 10 (a 95% interval wider than 20 years).
    static func figure(expectancy: Double, standardError: Double, confidence: Double, counts: AgeBandAccumulator) -> HealthFigure {
        let z = NormalQuantile.zScore(confidence: confidence)
        var interval: ConfidenceInterval?
        if z.isFinite, standardError.isFinite {
            interval = ConfidenceInterval(lower: expectancy - z * standardError, upper: expectancy + z * standardError)
        }
        let halfWidth95 = NormalQuantile.value(0.975) * standardError
        let tooWide = halfWidth95 > widestInterval / 2
        return HealthFigure(
            value: tooWide ? nil : expectancy, interval: interval,
            suppression: tooWide ? .intervalWiderThan20Years(2 * halfWidth95) : nil,
            events: counts.events.reduce(0, +), population: counts.population.reduce(0, +), quality: counts.quality)
    }
}
