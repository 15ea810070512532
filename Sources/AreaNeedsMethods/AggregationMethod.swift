/// How small-area figures combine into a figure for a larger area. The README's methods
/// section gives each formula.
public enum AggregationMethod: String, Codable, Sendable, CaseIterable, Hashable {
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
}
