/// One area's life expectancy, disability-free life expectancy or directly standardised rate.
package struct HealthFigure: Hashable, Sendable {
    /// The figure; nil when it is suppressed.
    package var value: Double?
    /// The confidence interval; nil when it cannot be computed. Kept for a value suppressed
    /// only because the interval is wider than 20 years, as `phe_life_expectancy` keeps it.
    package var interval: ConfidenceInterval?
    /// Why there is no value; nil when there is one.
    package var suppression: HealthSuppression?
    /// All deaths or events of the area, over every band.
    package var events: Double
    /// All person-years of the area, over every band.
    package var population: Double
    /// Exact, or apportioned when a split small area contributed.
    package var quality: Quality

    /// A figure with the given parts.
    package init(
        value: Double?, interval: ConfidenceInterval?, suppression: HealthSuppression?,
        events: Double, population: Double, quality: Quality
    ) {
        self.value = value
        self.interval = interval
        self.suppression = suppression
        self.events = events
        self.population = population
        self.quality = quality
    }
}
