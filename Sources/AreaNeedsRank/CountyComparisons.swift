import AreaNeedsCore
import AreaNeedsMethods

/// An indicator's county figure and each area's comparison with it.
///
/// The county figure is the indicator's method over every area of the release (`CountyFigure`):
/// summed numerators over summed denominators for a rate, the method over every small area's
/// counts pooled for the age-band methods (computed by the normalise stage), otherwise the mean of the areas'
/// figures weighted by their populations from the areas table. An area is compared by its
/// 95% interval (`CountyComparison`); areas without one are not compared.
struct CountyComparisons: Sendable {
    /// The county's figure; nil when it cannot be made.
    let county: Double?
    /// Each area's comparison, by area number; nil when not compared.
    let areas: [CountyComparison?]

    init(_ table: NormalisedTable, indicator: IndicatorSpec, populations: [Double?]) {
        let value = table.values.map(NormalisedTable.optional)
        if indicator.aggregation?.readsAgeBands == true {
            // From the counts of every small area pooled, as the normalise stage computed it.
            county = table.county
        } else if indicator.aggregation == .rate {
            county = CountyFigure.rate(numerators: table.numerators.map(NormalisedTable.optional),
                                       denominators: table.denominators.map(NormalisedTable.optional),
                                       multiplier: indicator.scale ?? 1)
        } else {
            county = CountyFigure.populationWeightedMean(values: value, populations: populations)
        }
        areas = table.values.indices.map { [county] area in
            CountyComparison(lower: NormalisedTable.optional(table.lowers[area]), upper: NormalisedTable.optional(table.uppers[area]),
                             county: county, polarity: indicator.polarity)
        }
    }
}
