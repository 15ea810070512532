import Testing
import AreaNeedsMethods

@Suite("Counts by age band summed over small areas")
struct AgeBandAccumulatorTests {
    private let scheme = try! AgeBandScheme(startAges: [0, 1, 5])

    @Test func sumsEachBandByLookupWeight() throws {
        var area = AgeBandAccumulator(scheme: scheme)
        // Small area A wholly in the area, B half in it: sums are 10 + 0.5 × 4 = 12 deaths and
        // 1,000 + 0.5 × 300 = 1,150 person-years in band 0, and so on.
        try area.add(band: 0, events: 10, population: 1_000)
        try area.add(band: 0, events: 4, population: 300, weight: 0.5)
        try area.add(band: 1, events: 2.5, population: 4_000.25)
        try area.add(band: 2, events: 50, population: 20_000, weight: 0.5)
        #expect(area.events == [12, 2.5, 25])
        #expect(area.population == [1_150, 4_000.25, 10_000])
        #expect(area.firstBandNotCounted == nil)
        #expect(area.quality == .apportioned)
    }

    @Test func wholeSmallAreasAreExact() throws {
        var area = AgeBandAccumulator(scheme: scheme)
        try area.add(band: 0, events: 1, population: 10)
        #expect(area.quality == .exact)
        #expect(area.firstBandNotCounted == scheme.band(1))
    }

    @Test func refusesBadRowsAndAddsNothing() {
        var area = AgeBandAccumulator(scheme: scheme)
        #expect(throws: AgeBandRowError.negative(figure: "deaths", value: -5)) { try area.add(band: 0, events: -5, population: 10) }
        #expect(throws: AgeBandRowError.negative(figure: "population", value: -1)) { try area.add(band: 0, events: 1, population: -1) }
        #expect(throws: AgeBandRowError.notANumber(figure: "deaths")) { try area.add(band: 0, events: .nan, population: 10) }
        #expect(throws: AgeBandRowError.weightOutOfRange(1.5)) { try area.add(band: 0, events: 1, population: 10, weight: 1.5) }
        #expect(throws: AgeBandRowError.weightOutOfRange(0)) { try area.add(band: 0, events: 1, population: 10, weight: 0) }
        #expect(throws: AgeBandRowError.disabledAboveSurveyed(disabled: 11, surveyed: 10)) {
            try area.addPrevalence(band: 0, disabled: 11, surveyed: 10)
        }
        #expect(area.events == [0, 0, 0] && area.population == [0, 0, 0])
        #expect(area.disabled == [0, 0, 0] && area.surveyed == [0, 0, 0])
        #expect(area.firstBandNotCounted == scheme.band(0))
        #expect(area.quality == .exact)
    }

    @Test func sumsPrevalenceCountsApart() throws {
        var area = AgeBandAccumulator(scheme: scheme)
        try area.addPrevalence(band: 2, disabled: 30, surveyed: 200, weight: 0.25)
        try area.addPrevalence(band: 2, disabled: 5, surveyed: 50)
        #expect(area.disabled == [0, 0, 12.5])
        #expect(area.surveyed == [0, 0, 100])
        #expect(area.firstBandWithoutPrevalence == scheme.band(0))
        #expect(area.firstBandNotCounted == scheme.band(0), "prevalence rows do not count as deaths and population")
    }

    @Test func rowErrorsSayWhatIsWrong() {
        #expect(AgeBandRowError.negative(figure: "deaths", value: -5).description == "deaths is negative (-5.0)")
        #expect(AgeBandRowError.weightOutOfRange(2).description == "lookup weight 2.0 is outside 0 < weight <= 1")
    }
}
