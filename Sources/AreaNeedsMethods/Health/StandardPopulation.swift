/// The weight of each age band in a standard population, for `StandardisedRate`.
///
/// `esp2013(for:)` is the 2013 European Standard Population (Eurostat 2013, "Revision of the
/// European Standard Population: report of Eurostat's task force", Methodologies and Working
/// papers, table of the standard by five-year age group), 100,000 people:
///
///     0: 1,000   1-4: 4,000   5-9, 10-14, 15-19: 5,500 each   20-24, 25-29: 6,000 each
///     30-34: 6,500   35-39, 40-44, 45-49, 50-54: 7,000 each   55-59: 6,500   60-64: 6,000
///     65-69: 5,500   70-74: 5,000   75-79: 4,000   80-84: 2,500   85-89: 1,500
///     90-94: 800   95+: 200
///
/// joined into the bands of the scheme asked for: for the 20 standard bands 90+ is 1,000; for
/// PHEindicatormethods' 19 bands (its `esp2013` vector) 0-4 is 5,000 and 90+ is 1,000.
package struct StandardPopulation: Hashable, Sendable {
    /// The bands the weights belong to.
    package let scheme: AgeBandScheme
    /// One weight a band (people in the standard population), none negative.
    package let weights: [Double]

    /// The published bands of the 2013 European Standard Population and their people.
    private static let esp2013StartAges = [0, 1] + Array(stride(from: 5, through: 95, by: 5))
    private static let esp2013People: [Double] = [
        1_000, 4_000, 5_500, 5_500, 5_500, 6_000, 6_000, 6_500, 7_000, 7_000, 7_000, 7_000,
        6_500, 6_000, 5_500, 5_000, 4_000, 2_500, 1_500, 800, 200,
    ]

    /// A standard population given as one weight a band: finite, none negative, not all zero.
    package init(scheme: AgeBandScheme, weights: [Double]) throws(StandardPopulationError) {
        guard weights.count == scheme.count else { throw .bandCount(weights: weights.count, bands: scheme.count) }
        if let band = weights.indices.first(where: { !weights[$0].isFinite || weights[$0] < 0 }) {
            throw .badWeight(scheme.band(band), weights[band])
        }
        guard weights.contains(where: { $0 > 0 }) else { throw .allZero }
        self.scheme = scheme
        self.weights = weights
    }

    /// The 2013 European Standard Population in the bands of `scheme`; nil unless every band
    /// of the scheme starts at one of the standard's ages (0, 1, 5, 10, ..., 95) and the first
    /// starts at 0.
    package static func esp2013(for scheme: AgeBandScheme) -> StandardPopulation? {
        guard scheme.startAges.first == 0, scheme.startAges.allSatisfy(esp2013StartAges.contains) else { return nil }
        var weights = Array(repeating: 0.0, count: scheme.count)
        for (start, people) in zip(esp2013StartAges, esp2013People) {
            let band = scheme.startAges.lastIndex(where: { $0 <= start })!
            weights[band] += people
        }
        return try? StandardPopulation(scheme: scheme, weights: weights)
    }
}

/// A standard population that cannot be used.
package enum StandardPopulationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not one weight a band.
    case bandCount(weights: Int, bands: Int)
    /// A weight that is negative or not a number.
    case badWeight(AgeBand, Double)
    /// Every weight zero.
    case allZero

    package var description: String {
        switch self {
        case .bandCount(let weights, let bands): "the standard population has \(weights) weights for \(bands) age bands"
        case .badWeight(let band, let weight): "the standard population's weight for age band \(band.label) is \(weight); it must be 0 or more"
        case .allZero: "every weight of the standard population is 0"
        }
    }
}
