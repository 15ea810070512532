import Testing
import AreaNeedsMethods

@Suite("Directly standardised rates as calculate_dsr computes them")
struct StandardisedRateTests {
    private func area(events: [Double], population: [Double], scheme: AgeBandScheme) throws -> AgeBandAccumulator {
        var area = AgeBandAccumulator(scheme: scheme)
        for band in 0..<scheme.count { try area.add(band: band, events: events[band], population: population[band]) }
        return area
    }

    @Test func twoBandsByHand() throws {
        // 30 events in 10,000 person-years and 70 in 5,000; standard weights 6,000 and 4,000.
        //   DSR = (30 × 6,000 / 10,000 + 70 × 4,000 / 5,000) / 10,000 × 100,000 = (18 + 56) × 10 = 740
        //   Var = (30 × 0.6² + 70 × 0.8²) / 10,000² = 55.6 / 10⁸ = 5.56e-7;  √(Var / 100) = 7.456540752922899e-05
        //   Byar's limits of 100 events: 81.36210549052788 and 121.62793757920647 (ByarsLimitsTests)
        //   lower = 740 + 7.456540752922899e-05 × (81.36210549052788 - 100) × 100,000 = 601.0257800414432
        //   upper = 740 + 7.456540752922899e-05 × (121.62793757920647 - 100) × 100,000 = 901.269597961026
        let scheme = try AgeBandScheme(startAges: [0, 65])
        let standard = try StandardPopulation(scheme: scheme, weights: [6_000, 4_000])
        let figure = StandardisedRate.figure(try area(events: [30, 70], population: [10_000, 5_000], scheme: scheme), standard: standard)
        #expect(abs(try #require(figure.value) - 740) < 1e-10)
        let interval = try #require(figure.interval)
        #expect(abs(interval.lower - 601.0257800414432) < 1e-9)
        #expect(abs(interval.upper - 901.269597961026) < 1e-9)
        #expect(figure.events == 100 && figure.population == 15_000)
        #expect(figure.suppression == nil)
    }

    @Test func matchesThePackagesDocumentedExample() throws {
        // PHEindicatormethods' DSR vignette (inst/doc/DSR-vignette.html, "Zero deaths for a
        // specific age band within a small geography"): pops2 and deaths2, no deaths at 10-24,
        // the package's 19-band esp2013. It prints
        //      value  lowercl  uppercl
        //   8283.016 6570.819 10289.65
        // (R's seven significant figures), which these match to the last printed digit.
        let scheme = try AgeBandScheme(startAges: Array(stride(from: 0, through: 90, by: 5)))
        let population: [Double] = [30, 35, 35, 35, 40, 40, 45, 50, 50, 50, 60, 60, 70, 75, 70, 60, 20, 20, 15]
        let deaths: [Double] = [1, 1, 0, 0, 0, 1, 1, 3, 3, 3, 3, 10, 10, 10, 10, 8, 8, 8, 8]
        let standard = try #require(StandardPopulation.esp2013(for: scheme))
        let figure = StandardisedRate.figure(try area(events: deaths, population: population, scheme: scheme), standard: standard)
        let interval = try #require(figure.interval)
        #expect(abs(try #require(figure.value) - 8283.016) < 0.0005)
        #expect(abs(interval.lower - 6570.819) < 0.0005)
        #expect(abs(interval.upper - 10289.65) < 0.005)
        #expect(figure.events == 88)
    }

    @Test func multiplierAndConfidence() throws {
        let scheme = try AgeBandScheme(startAges: [0, 65])
        let standard = try StandardPopulation(scheme: scheme, weights: [6_000, 4_000])
        let counts = try area(events: [30, 70], population: [10_000, 5_000], scheme: scheme)
        let perThousand = StandardisedRate.figure(counts, standard: standard, multiplier: 1_000)
        #expect(abs(try #require(perThousand.value) - 7.4) < 1e-12)
        let at95 = try #require(StandardisedRate.figure(counts, standard: standard).interval)
        let at998 = try #require(StandardisedRate.figure(counts, standard: standard, confidence: 0.998).interval)
        #expect(at998.lower < at95.lower && at95.upper < at998.upper)
    }

    @Test func fewerThanTenEventsAreSuppressed() throws {
        // calculate_dsr: "dsr NA for total count < 10". 9.5 apportioned events are fewer than 10.
        let scheme = try AgeBandScheme(startAges: [0, 65])
        let standard = try StandardPopulation(scheme: scheme, weights: [6_000, 4_000])
        let figure = StandardisedRate.figure(try area(events: [4, 5.5], population: [10_000, 5_000], scheme: scheme), standard: standard)
        #expect(figure.value == nil && figure.interval == nil)
        #expect(figure.suppression == .fewerThan10Events(9.5))
        let ten = StandardisedRate.figure(try area(events: [4, 6], population: [10_000, 5_000], scheme: scheme), standard: standard)
        #expect(ten.value != nil && ten.interval != nil)
    }

    @Test func missingBandsAndEmptyBands() throws {
        let scheme = try AgeBandScheme(startAges: [0, 65])
        let standard = try StandardPopulation(scheme: scheme, weights: [6_000, 4_000])
        var partial = AgeBandAccumulator(scheme: scheme)
        try partial.add(band: 0, events: 30, population: 10_000)
        #expect(StandardisedRate.figure(partial, standard: standard).suppression == .bandMissing(scheme.band(1)))
        let empty = StandardisedRate.figure(try area(events: [30, 0], population: [10_000, 0], scheme: scheme), standard: standard)
        #expect(empty.suppression == .populationNotPositive(scheme.band(1)))
        #expect(empty.value == nil)
    }
}
