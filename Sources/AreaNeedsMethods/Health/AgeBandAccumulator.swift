/// One area's counts by age band, summed over its small areas by lookup weight as their rows
/// stream past: deaths (or other events) and person-years for `LifeExpectancy` and
/// `StandardisedRate`, and for `DisabilityFreeLifeExpectancy` also the people with a disability
/// among those counted.
///
/// The storage is a few arrays of one number a band, made once per area; adding a row is a
/// few additions. A row with a bad count is refused with an `AgeBandRowError` and adds
/// nothing; a band that no row reaches is found by the calculations (`HealthSuppression`).
package struct AgeBandAccumulator: Sendable {
    /// The area's age bands.
    package let scheme: AgeBandScheme
    /// Σ wᵢ × deaths (or events) by band.
    package private(set) var events: [Double]
    /// Σ wᵢ × person-years by band.
    package private(set) var population: [Double]
    /// Σ wᵢ × people with a disability by band.
    package private(set) var disabled: [Double]
    /// Σ wᵢ × people counted for the prevalence of disability by band.
    package private(set) var surveyed: [Double]
    /// The bands that deaths and population rows reached.
    package private(set) var countedBands = AgeBandSet()
    /// The bands that prevalence rows reached.
    package private(set) var prevalenceBands = AgeBandSet()
    /// Whether a row that was added belongs to a small area split between areas (weight below 1).
    package private(set) var apportioned = false

    /// An area with nothing counted yet.
    package init(scheme: AgeBandScheme) {
        self.scheme = scheme
        events = Array(repeating: 0, count: scheme.count)
        population = events
        disabled = events
        surveyed = events
    }

    /// Adds one small area's deaths (or events) and person-years in one band, times its lookup
    /// weight. Person-years need not be whole numbers, nor need the counts once apportioned.
    package mutating func add(band: Int, events count: Double, population people: Double, weight: Double = 1) throws(AgeBandRowError) {
        try Self.check(count, "deaths")
        try Self.check(people, "population")
        try use(weight)
        events[band] += weight * count
        population[band] += weight * people
        countedBands.insert(band)
    }

    /// Adds one small area's count of people with a disability among `surveyed` people in one
    /// band, times its lookup weight.
    package mutating func addPrevalence(band: Int, disabled count: Double, surveyed counted: Double, weight: Double = 1) throws(AgeBandRowError) {
        try Self.check(count, "disabled")
        try Self.check(counted, "surveyed")
        guard count <= counted else { throw .disabledAboveSurveyed(disabled: count, surveyed: counted) }
        try use(weight)
        disabled[band] += weight * count
        surveyed[band] += weight * counted
        prevalenceBands.insert(band)
    }

    /// Exact when every small area lies wholly in the area, apportioned otherwise.
    package var quality: Quality { apportioned ? .apportioned : .exact }

    /// The first band with no deaths and population row; nil when every band has one.
    package var firstBandNotCounted: AgeBand? {
        countedBands.firstMissing(of: scheme.count).map(scheme.band)
    }

    /// The first band with no prevalence row; nil when every band has one.
    package var firstBandWithoutPrevalence: AgeBand? {
        prevalenceBands.firstMissing(of: scheme.count).map(scheme.band)
    }

    private static func check(_ count: Double, _ figure: String) throws(AgeBandRowError) {
        guard count.isFinite else { throw .notANumber(figure: figure) }
        guard count >= 0 else { throw .negative(figure: figure, value: count) }
    }

    private mutating func use(_ weight: Double) throws(AgeBandRowError) {
        guard weight.isFinite, weight > 0, weight <= 1 else { throw .weightOutOfRange(weight) }
        if weight < 1 { apportioned = true }
    }
}
