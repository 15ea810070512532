/// Disability-free life expectancy by Sullivan's method (Jagger et al., "Health expectancy
/// calculation by the Sullivan method: a practical guide"): the years of the `LifeTable` lived
/// without disability, at each band's prevalence of disability.
///
/// With πᵢ = disabledᵢ / surveyedᵢ the prevalence in band i and Nᵢ = surveyedᵢ:
///
///     DFLEᵢ = Σⱼ₌ᵢ (1 - πⱼ)Lⱼ / lᵢ                                   (0 when lᵢ = 0)
///     Var(DFLEᵢ) = Σⱼ₌ᵢ (Mⱼ + Pⱼ) / lᵢ²
///     Pⱼ = Lⱼ² πⱼ(1 - πⱼ) / Nⱼ                                       the guide's prevalence term
///     Mⱼ = s²ⱼ lⱼ² ((1 - πⱼ)(1 - aⱼ)nⱼ + DFLEⱼ₊₁)²                  the life table's term
///     M of the open last band = (1 - π)² (l/2)² s²                    Silcocks' s² = 4 / (D M²)
///
/// The guide's variance is the prevalence term alone: it treats the life table as exact, as it
/// nearly is for a nation but not for a small area. The life table's term is Chiang's, taken
/// through the Sullivan sum the way `LifeTable` takes it through Σ Lⱼ: the derivative of
/// Σ (1 - πⱼ)Lⱼ with respect to band j's survival is lⱼ((1 - πⱼ)(1 - aⱼ)nⱼ + DFLEⱼ₊₁). With no
/// disability (every π = 0) both terms reduce to `phe_life_expectancy`'s: DFLE and its
/// interval are then the life expectancy and its interval.
///
/// The area's life table follows `LifeExpectancy`'s rules; a band with no prevalence rows is
/// bad input, one where nobody was counted is suppressed; a 95% interval wider than 20 years
/// suppresses the value, as for life expectancy.
package enum DisabilityFreeLifeExpectancy {
    /// Disability-free life expectancy at the start of band `atBand` (0: at birth), with its
    /// interval at the given confidence.
    package static func figure(
        _ counts: AgeBandAccumulator, atBand: Int = 0, confidence: Double = 0.95, fractions: [Double]? = nil
    ) -> HealthFigure {
        if let reason = problem(counts) { return LifeExpectancy.suppressed(counts, reason) }
        let table = LifeTable(counts, fractions: fractions)
        let (expectancy, standardError) = sullivan(table, disabled: counts.disabled, surveyed: counts.surveyed, atBand: atBand)
        return LifeExpectancy.figure(expectancy: expectancy, standardError: standardError, confidence: confidence, counts: counts)
    }

    /// The first rule broken: a band without prevalence rows (bad input), then the life
    /// table's rules, then a band where nobody was counted.
    package static func problem(_ counts: AgeBandAccumulator) -> HealthSuppression? {
        if let band = counts.firstBandNotCounted { return .bandMissing(band) }
        if let band = counts.firstBandWithoutPrevalence { return .prevalenceMissing(band) }
        if let reason = LifeExpectancy.problem(counts) { return reason }
        if let band = counts.surveyed.firstIndex(where: { $0 <= 0 }) { return .nobodySurveyed(counts.scheme.band(band)) }
        return nil
    }

    /// DFLE and its standard error at the start of band `atBand`, from the last band back.
    static func sullivan(_ table: LifeTable, disabled: [Double], surveyed: [Double], atBand: Int) -> (Double, Double) {
        let last = table.scheme.count - 1
        var freeYearsAfter = 0.0
        var varianceAfter = 0.0
        var expectancyAfter = 0.0
        for band in stride(from: last, through: atBand, by: -1) {
            let prevalence = disabled[band] / surveyed[band]
            let free = 1 - prevalence
            let l = table.survivors[band], yearsLived = table.yearsLived[band]
            let mortality: Double
            if band == last {
                mortality = free * free * (l / 2) * (l / 2) * table.deathProbabilityVariances[band]
            } else {
                let span = free * (1 - table.fractions[band]) * table.widths[band] + expectancyAfter
                mortality = table.deathProbabilityVariances[band] * (l * l) * (span * span)
            }
            let sampling = yearsLived * yearsLived * prevalence * (1 - prevalence) / surveyed[band]
            freeYearsAfter += free * yearsLived
            varianceAfter += mortality + sampling
            expectancyAfter = l == 0 ? 0 : freeYearsAfter / l
        }
        let l = table.survivors[atBand]
        return (expectancyAfter, (varianceAfter / (l * l)).squareRoot())
    }
}
