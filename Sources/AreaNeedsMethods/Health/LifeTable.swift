/// Chiang's abridged life table ("Chiang II") with Silcocks et al.'s variance for the open last
/// band, computed as PHEindicatormethods' `phe_life_expectancy` computes it, operation for
/// operation, so that the two agree to the last few bits.
///
/// For band i of width nᵢ (the last band's "width" is 2/Mᵢ), with Dᵢ deaths, Pᵢ person-years
/// and aᵢ the fraction of the band lived by those who die in it (0.1 for the band that starts
/// at age 0, 0.5 for the others):
///
///     Mᵢ  = Dᵢ / Pᵢ
///     qᵢ  = Mᵢnᵢ / (1 + Mᵢnᵢ(1 - aᵢ))       when Dᵢ <= Pᵢ / nᵢ / aᵢ, else 1   (1 for the last band)
///     l₀  = 100,000;  lᵢ₊₁ = lᵢ(1 - qᵢ);  dᵢ = lᵢ - lᵢ₊₁ (d of the last band = its l)
///     Lᵢ  = nᵢ(lᵢ₊₁ + aᵢdᵢ);  L of the last band = l/M
///     Tᵢ  = Σⱼ₌ᵢ Lⱼ;  eᵢ = Tᵢ / lᵢ (0 when lᵢ = 0)
///     s²ᵢ = qᵢ²(1 - qᵢ) / Dᵢ (0 when dᵢ = 0);  s² of the last band = 4 / (D M²)     (Silcocks)
///     Wᵢ  = s²ᵢ lᵢ² ((1 - aᵢ)nᵢ + eᵢ₊₁)²;      W of the last band = (l/2)² s²
///     Var(eᵢ) = Σⱼ₌ᵢ Wⱼ / lᵢ²
///
/// The table assumes what `LifeExpectancy` checks first: every band has person-years, and the
/// last band has deaths (otherwise its L is infinite).
package struct LifeTable: Sendable {
    /// The radix l₀.
    package static let radix = 100_000.0

    /// The bands.
    package let scheme: AgeBandScheme
    /// aᵢ, the fraction of band i lived by those who die in it.
    package let fractions: [Double]
    /// nᵢ, the width of band i in years; 2 / M for the open last band.
    package private(set) var widths: [Double] = []
    /// Mᵢ = Dᵢ / Pᵢ.
    package private(set) var deathRates: [Double] = []
    /// Dᵢ, the deaths in band i.
    package private(set) var deaths: [Double] = []
    /// qᵢ, the probability of dying in band i having reached it.
    package private(set) var deathProbabilities: [Double] = []
    /// lᵢ, the survivors to the start of band i out of 100,000 born.
    package private(set) var survivors: [Double] = []
    /// Lᵢ, the years lived in band i.
    package private(set) var yearsLived: [Double] = []
    /// eᵢ, the life expectancy at the start of band i.
    package private(set) var expectancies: [Double] = []
    /// s²ᵢ, the variance of qᵢ; for the open last band, Silcocks et al.'s 4 / (D M²).
    package private(set) var deathProbabilityVariances: [Double] = []
    /// The standard error of eᵢ.
    package private(set) var standardErrors: [Double] = []

    /// The fractions `phe_life_expectancy` uses: 0.1 for the band that starts at age 0, 0.5 for
    /// every other band.
    package static func standardFractions(for scheme: AgeBandScheme) -> [Double] {
        scheme.startAges.map { $0 == 0 ? 0.1 : 0.5 }
    }

    /// The life table of an area's deaths and person-years by band; `fractions` replace the
    /// standard aᵢ when given (one a band, each within 0...1).
    package init(_ counts: AgeBandAccumulator, fractions: [Double]? = nil) {
        self.init(scheme: counts.scheme, deaths: counts.events, population: counts.population, fractions: fractions)
    }

    /// The life table of deaths and person-years by band.
    package init(scheme: AgeBandScheme, deaths: [Double], population: [Double], fractions: [Double]? = nil) {
        let bandCount = scheme.count
        precondition(deaths.count == bandCount && population.count == bandCount, "one count a band")
        precondition(fractions.map { $0.count == bandCount && $0.allSatisfy { (0...1).contains($0) } } ?? true, "one fraction a band, each within 0...1")
        self.scheme = scheme
        self.fractions = fractions ?? Self.standardFractions(for: scheme)
        self.deaths = deaths
        widths.reserveCapacity(bandCount)
        deathRates.reserveCapacity(bandCount)
        deathProbabilities.reserveCapacity(bandCount)
        for band in 0..<bandCount {
            let m = deaths[band] / population[band]
            let n = band + 1 < bandCount ? Double(scheme.startAges[band + 1] - scheme.startAges[band]) : 2 / m
            let a = self.fractions[band]
            deathRates.append(m)
            widths.append(n)
            deathProbabilities.append(deaths[band] <= population[band] / n / a ? m * n / (1 + m * n * (1 - a)) : 1)
        }
        survivors = Array(repeating: Self.radix, count: bandCount)
        for band in 1..<max(bandCount, 1) {
            survivors[band] = survivors[band - 1] * (1 - deathProbabilities[band - 1])
        }
        computeExpectancies()
    }

    /// Years lived, life expectancies and their standard errors, from the last band back.
    private mutating func computeExpectancies() {
        let bandCount = scheme.count
        let last = bandCount - 1
        yearsLived = Array(repeating: 0, count: bandCount)
        expectancies = yearsLived
        deathProbabilityVariances = yearsLived
        standardErrors = yearsLived
        var yearsAfter = 0.0
        var weightedVariancesAfter = 0.0
        for band in stride(from: last, through: 0, by: -1) {
            let l = survivors[band], q = deathProbabilities[band], n = widths[band], a = fractions[band]
            let weightedVariance: Double
            if band == last {
                yearsLived[band] = l / deathRates[band]
                let m = deathRates[band]
                deathProbabilityVariances[band] = 4 / (deaths[band] * (m * m))
                weightedVariance = (l / 2) * (l / 2) * deathProbabilityVariances[band]
            } else {
                let next = survivors[band + 1]
                let died = l - next
                yearsLived[band] = n * (next + a * died)
                deathProbabilityVariances[band] = died == 0 ? 0 : q * q * (1 - q) / deaths[band]
                let span = (1 - a) * n + expectancies[band + 1]
                weightedVariance = deathProbabilityVariances[band] * (l * l) * (span * span)
            }
            yearsAfter += yearsLived[band]
            weightedVariancesAfter += weightedVariance
            expectancies[band] = l == 0 ? 0 : yearsAfter / l
            standardErrors[band] = (weightedVariancesAfter / (l * l)).squareRoot()
        }
    }
}
