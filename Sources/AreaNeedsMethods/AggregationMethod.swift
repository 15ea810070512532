/// How small-area figures combine into a figure for a larger area. The README's methods
/// section gives each formula.
package enum AggregationMethod: String, Codable, Sendable, CaseIterable, Hashable {
    /// Sum numerators and denominators, then divide; Wilson score 95% interval.
    case rate
    /// Population-weighted mean of a score or rate.
    case weightedMean = "weighted-mean"
    /// Population-weighted mean of reversed national ranks (IoD): higher is more deprived.
    case averageRank = "average-rank"
    /// IoD extent: population share in the most deprived 30% nationally, tapered.
    case extent
    /// IoD local concentration: mean reversed rank of the most deprived 10% of the population.
    case localConcentration = "local-concentration"
    /// Share of small areas in the most deprived 10% nationally.
    case shareInMostDeprivedDecile = "share-in-most-deprived-decile"
    /// A district figure copied to each of its areas (flagged `inherited`).
    case inherit
    /// Medians cannot be combined exactly: a population-weighted mean (flagged `approximate`).
    case median
    /// Life expectancy from deaths and person-years by age band (Chiang II abridged life table,
    /// as PHEindicatormethods' `phe_life_expectancy`), with its interval.
    case lifeExpectancy = "life-expectancy"
    /// Disability-free life expectancy by Sullivan's method on the life table.
    case disabilityFreeLifeExpectancy = "disability-free-life-expectancy"
    /// A directly standardised rate (2013 European Standard Population by default) with
    /// Dobson's interval, as PHEindicatormethods' `calculate_dsr`.
    case standardisedRate = "standardised-rate"
}

extension AggregationMethod {
    /// Whether the method reads each small area's national rank from the value column.
    package var readsNationalRanks: Bool {
        switch self {
        case .averageRank, .extent, .localConcentration, .shareInMostDeprivedDecile: true
        case .rate, .weightedMean, .inherit, .median: false
        case .lifeExpectancy, .disabilityFreeLifeExpectancy, .standardisedRate: false
        }
    }

    /// Whether the method needs the number of small areas in the national ranking: the rank
    /// methods do, and the share in the most deprived decile does when the source gives no
    /// deciles of its own.
    package func needsNationalCount(hasDeciles: Bool) -> Bool {
        switch self {
        case .averageRank, .extent, .localConcentration: true
        case .shareInMostDeprivedDecile: !hasDeciles
        case .rate, .weightedMean, .inherit, .median: false
        case .lifeExpectancy, .disabilityFreeLifeExpectancy, .standardisedRate: false
        }
    }

    /// Whether its figures are IoD-style reversed national ranks (higher is more deprived,
    /// the national count the most), rather than values in the indicator's unit.
    package var givesRanks: Bool {
        switch self {
        case .averageRank, .localConcentration: true
        case .rate, .weightedMean, .extent, .shareInMostDeprivedDecile, .inherit, .median: false
        case .lifeExpectancy, .disabilityFreeLifeExpectancy, .standardisedRate: false
        }
    }

    /// Whether the method orders small areas by their codes (ties of `local-concentration`),
    /// and so needs each row's code as text.
    package var ordersByCode: Bool {
        switch self {
        case .localConcentration: true
        case .rate, .weightedMean, .averageRank, .extent, .shareInMostDeprivedDecile, .inherit, .median: false
        case .lifeExpectancy, .disabilityFreeLifeExpectancy, .standardisedRate: false
        }
    }

    /// Whether the method reads rows by small area and age band (`age-band:`) and computes
    /// each area's figure from its counts summed per band (`AgeBandAccumulator`).
    package var readsAgeBands: Bool {
        switch self {
        case .lifeExpectancy, .disabilityFreeLifeExpectancy, .standardisedRate: true
        case .rate, .weightedMean, .averageRank, .extent, .localConcentration, .shareInMostDeprivedDecile, .inherit, .median: false
        }
    }
}
