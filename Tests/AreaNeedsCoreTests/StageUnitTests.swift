import Testing
@testable import AreaNeedsCore

@Suite("The names of stage units and ranked tables")
struct StageUnitTests {
    @Test func unitsNameTheirManifestsAndTables() {
        #expect(StageUnit.indicator("fuel-poverty").name == "indicator-fuel-poverty")
        #expect(StageUnit.indicator("fuel-poverty").stagedFile == "indicator-fuel-poverty.staged")
        #expect(StageUnit.population("lsoa").stagedFile == "population-lsoa.staged")
        #expect(StageUnit.population("lsoa").earlierCSVFile == "population-lsoa.csv")
        #expect(StageUnit.geography.manifestFile == "geography.manifest.json")
        #expect([StageUnit.needs, .release].map(\.name) == ["needs", "release"])
    }

    @Test func rankedTablesAreNamedAsTheReleaseNamesThem() {
        #expect(RankedTable.allCases.map(\.fileName) == ["indicator_needs.csv", "objective_needs.csv", "indicator_summaries.csv"])
    }
}
