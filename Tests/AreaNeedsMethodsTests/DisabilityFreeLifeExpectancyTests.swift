import Testing
import AreaNeedsMethods

@Suite("Disability-free life expectancy by Sullivan's method")
struct DisabilityFreeLifeExpectancyTests {
    typealias Examples = PHEindicatormethodsExamples

    /// The counts of `Examples` with `disabled` of `surveyed` people in every band.
    private func area(disabled: (Int) -> Double, surveyed: Double, deaths: [Double] = Examples.lifeExpectancyDeaths) throws -> AgeBandAccumulator {
        var area = try Examples.counts(deaths: deaths, population: Examples.lifeExpectancyPopulation)
        for band in 0..<20 {
            try area.addPrevalence(band: band, disabled: disabled(band), surveyed: surveyed)
        }
        return area
    }

    @Test func twoBandsByHand() throws {
        // The two-band table of LifeTableTests (l₀ = 100,000, l₁ = 99008.91972249752,
        // L₀ = 99108.02775024777, L₁ = 7920713.577799802, s²₀ = 9.725053283824917e-08,
        // s²₁ = 5.12), with 100 of 1,000 disabled in band 0 (π₀ = 0.1) and 800 of 2,000 in the
        // open band (π₁ = 0.4):
        //   DFLE₁ = 0.6 × L₁ / l₁ = 0.6 × 80 = 48
        //   DFLE₀ = (0.9 L₀ + 0.6 L₁) / l₀ = 48.41625371655104
        //   life table terms:  M₁ = 0.6² (l₁/2)² s²₁ = 4517114657.871033
        //                      M₀ = s²₀ l₀² (0.9 × 0.9 × 1 + 48)² = 2316912.3516742354
        //   prevalence terms:  P₁ = L₁² × 0.4 × 0.6 / 2,000 = 7528524429.785057
        //                      P₀ = L₀² × 0.1 × 0.9 / 1,000 = 884016.1048089495
        //   SE(DFLE₀) = √((M₀ + M₁ + P₀ + P₁) / l₀²) = 1.0976720829151378
        let scheme = try AgeBandScheme(startAges: [0, 1])
        var area = AgeBandAccumulator(scheme: scheme)
        try area.add(band: 0, events: 1_000, population: 100_000)
        try area.add(band: 1, events: 5_000, population: 400_000)
        try area.addPrevalence(band: 0, disabled: 100, surveyed: 1_000)
        try area.addPrevalence(band: 1, disabled: 800, surveyed: 2_000)
        let figure = DisabilityFreeLifeExpectancy.figure(area)
        let value = try #require(figure.value)
        let interval = try #require(figure.interval)
        #expect(abs(value - 48.41625371655104) < 1e-12)
        let z = 1.959963984540054
        #expect(abs(interval.lower - (48.41625371655104 - z * 1.0976720829151378)) < 1e-11)
        #expect(abs(interval.upper - (48.41625371655104 + z * 1.0976720829151378)) < 1e-11)
        let atOpenBand = try #require(DisabilityFreeLifeExpectancy.figure(area, atBand: 1).value)
        #expect(abs(atOpenBand - 48) < 1e-12)
    }

    @Test func withNoDisabilityItIsLifeExpectancyToTheLastBit() throws {
        // Every π = 0: the prevalence term vanishes and the life table term is
        // phe_life_expectancy's, so value and interval are the life expectancy's exactly.
        let area = try area(disabled: { _ in 0 }, surveyed: 500)
        for band in [0, 7, 19] {
            let free = DisabilityFreeLifeExpectancy.figure(area, atBand: band)
            let life = LifeExpectancy.figure(area, atBand: band)
            #expect(free == life)
            #expect(free.value != nil)
        }
    }

    @Test func aSteadyPrevalenceScalesLifeExpectancy() throws {
        // π = 0.25 in every band: DFLE = 0.75 × LE (answer1's 80.16960813 at birth).
        let area = try area(disabled: { _ in 250 }, surveyed: 1_000)
        let value = try #require(DisabilityFreeLifeExpectancy.figure(area).value)
        #expect(abs(value - 0.75 * 80.16960813) < 0.75 * 0.00005)
    }

    @Test func smallSurveysWidenTheInterval() throws {
        let large = try area(disabled: { band in band < 10 ? 50 : 300 }, surveyed: 1_000)
        let small = try area(disabled: { band in band < 10 ? 5 : 30 }, surveyed: 100)
        let wide = try #require(DisabilityFreeLifeExpectancy.figure(small).interval)
        let narrow = try #require(DisabilityFreeLifeExpectancy.figure(large).interval)
        #expect(DisabilityFreeLifeExpectancy.figure(small).value == DisabilityFreeLifeExpectancy.figure(large).value)
        #expect(wide.width > narrow.width)
        // And the prevalence adds to the life table's own uncertainty.
        let life = try #require(LifeExpectancy.figure(large).interval)
        #expect(narrow.width > 0.5 * life.width)
    }

    @Test func followsTheLifeTablesRulesAndItsOwn() throws {
        var deaths = Examples.lifeExpectancyDeaths
        deaths[19] = 0
        let noDeaths = try area(disabled: { _ in 1 }, surveyed: 10, deaths: deaths)
        #expect(DisabilityFreeLifeExpectancy.figure(noDeaths).suppression == .noDeathsInLastBand(AgeBandScheme.standard.band(19)))

        var withoutPrevalence = try Examples.counts(deaths: Examples.lifeExpectancyDeaths, population: Examples.lifeExpectancyPopulation)
        try withoutPrevalence.addPrevalence(band: 0, disabled: 1, surveyed: 10)
        let missing = DisabilityFreeLifeExpectancy.figure(withoutPrevalence)
        #expect(missing.suppression == .prevalenceMissing(AgeBandScheme.standard.band(1)))
        #expect(missing.suppression?.isBadInput == true)

        let nobody = try area(disabled: { _ in 0 }, surveyed: 0)
        #expect(DisabilityFreeLifeExpectancy.figure(nobody).suppression == .nobodySurveyed(AgeBandScheme.standard.band(0)))
        #expect(DisabilityFreeLifeExpectancy.figure(nobody).value == nil)
    }
}
