import Testing
import AreaNeedsMethods

@Suite("Standard populations")
struct StandardPopulationTests {
    @Test func europeanStandardPopulation2013InTheStandardBands() throws {
        let esp = try #require(StandardPopulation.esp2013(for: .standard))
        // Eurostat's 0 and 1-4 kept apart; its 90-94 (800) and 95+ (200) joined into 90+.
        #expect(esp.weights == [
            1_000, 4_000, 5_500, 5_500, 5_500, 6_000, 6_000, 6_500, 7_000, 7_000,
            7_000, 7_000, 6_500, 6_000, 5_500, 5_000, 4_000, 2_500, 1_500, 1_000,
        ])
        #expect(esp.weights.reduce(0, +) == 100_000)
    }

    @Test func europeanStandardPopulation2013AsPHEindicatormethodsHasIt() throws {
        // The package's esp2013 vector (data-raw/LoadTestdata.R), 19 bands 0-4 to 90+.
        let scheme = try AgeBandScheme(startAges: Array(stride(from: 0, through: 90, by: 5)))
        let esp = try #require(StandardPopulation.esp2013(for: scheme))
        #expect(esp.weights == [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000])
    }

    @Test func onlyForBandsTheStandardHas() throws {
        #expect(StandardPopulation.esp2013(for: try AgeBandScheme(startAges: [0, 3, 10])) == nil)
        #expect(StandardPopulation.esp2013(for: try AgeBandScheme(startAges: [5, 10])) == nil)
        // Wider bands are sums of the standard's: 0-64 and 65+.
        let two = try #require(StandardPopulation.esp2013(for: try AgeBandScheme(startAges: [0, 65])))
        #expect(two.weights == [80_500, 19_500])
    }

    @Test func otherStandardsAreWeightsPerBand() throws {
        // The 1976 European Standard Population in 18 bands (0-4 to 85+), as the package's
        // DSR vignette gives it.
        let scheme = try AgeBandScheme(startAges: Array(stride(from: 0, through: 85, by: 5)))
        let esp1976 = try StandardPopulation(scheme: scheme, weights: [8000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 6000, 5000, 4000, 3000, 2000, 1000, 1000])
        #expect(esp1976.weights.reduce(0, +) == 100_000)
        #expect(throws: StandardPopulationError.bandCount(weights: 2, bands: 18)) { try StandardPopulation(scheme: scheme, weights: [1, 2]) }
        let two = try AgeBandScheme(startAges: [0, 65])
        #expect(throws: StandardPopulationError.badWeight(two.band(1), -1)) { try StandardPopulation(scheme: two, weights: [5, -1]) }
        #expect(throws: StandardPopulationError.allZero) { try StandardPopulation(scheme: two, weights: [0, 0]) }
        #expect(StandardPopulationError.allZero.description == "every weight of the standard population is 0")
    }
}
