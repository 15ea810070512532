/// The figure for one target area, with what went into it.
package struct AreaFigure: Sendable, Hashable {
    /// The area's figure; nil when no small area supplied what the method needs, or the
    /// total it divides by is zero.
    package var value: Double?
    /// For `rate`: the sum of the weighted numerators (weight × numerator), before scaling.
    package var numerator: Double?
    /// For `rate`: the sum of the weighted denominators (weight × denominator).
    package var denominator: Double?
    /// The 95% interval: for `rate`, the Wilson score interval, scaled like the value (nil
    /// when the figure is not a proportion, numerator above denominator); for a value taken
    /// as published, the interval the source publishes with it (`AreaAccumulator`); nil
    /// when the figure has no value.
    package var interval: WilsonInterval?
    /// Exact, apportioned, inherited or approximate.
    package var quality: Quality
    /// How many small areas supplied every figure the method needs.
    package var smallAreasUsed: Int
    /// How many small areas were left out because a figure the method needs was missing.
    package var smallAreasMissing: Int

    /// A figure with the given parts.
    package init(
        value: Double?, numerator: Double? = nil, denominator: Double? = nil, interval: WilsonInterval? = nil,
        quality: Quality, smallAreasUsed: Int, smallAreasMissing: Int
    ) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.interval = interval
        self.quality = quality
        self.smallAreasUsed = smallAreasUsed
        self.smallAreasMissing = smallAreasMissing
    }
}
