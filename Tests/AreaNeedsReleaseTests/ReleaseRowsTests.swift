import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsMethods
import AreaNeedsRelease
import Testing

@Suite("A release's rows as typed values")
struct ReleaseRowsTests {
    /// Publishes `sample` (CSV alone: the database edition would refuse a value outside its
    /// set before any reader sees it) and opens the release.
    func published(_ sample: SampleDraft) throws -> (Release, ReleasesFolder) {
        let folder = ReleasesFolder()
        var draft = sample.draft
        draft.editions = [.csv]
        _ = try folder.writer.publish(draft)
        return (try Release.open(folder.path + "/latest"), folder)
    }

    @Test func closedSetsAreReadAsTheirTypes() throws {
        let (release, folder) = try published(SampleDraft())
        let indicators = try release.indicators()
        #expect(indicators.map(\.polarity) == [.higherIsWorse, .higherIsBetter])
        #expect(indicators.map(\.aggregation) == [.rate, .weightedMean])
        #expect(indicators.map(\.sourceGeography) == [.lsoa11, .lsoa11])
        let needs = try release.indicatorNeeds()
        #expect(needs.map(\.quality) == [.exact, .exact, .exact, .exact])
        #expect(needs.map(\.comparedWithCounty) == [.better, .similar, nil, nil])
        withExtendedLifetime(folder) {}
    }

    @Test func aValueOutsideItsSetIsAnErrorNamingTheCell() throws {
        var sample = SampleDraft()
        sample.indicatorNeeds[1][10] = "exactish"
        let (release, folder) = try published(sample)
        let error = #expect(throws: AreaNeedsError.self) { try release.indicatorNeeds() }
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("indicator_needs.csv, line 3, column quality: \"exactish\" is none of exact, apportioned, inherited, approximate, proxy") == true)
        withExtendedLifetime(folder) {}
    }

    @Test func theSchemaAllowsEachSetsTexts() {
        let needs = ReleaseSchema().indicatorNeeds
        #expect(needs.fields.first { $0.name == "quality" }?.allowed == ReleaseText.texts(of: Quality.self))
        #expect(needs.fields.first { $0.name == "compared_with_county" }?.allowed == ["worse", "similar", "better"])
        #expect(ReleaseSchema().indicators.fields.first { $0.name == "polarity" }?.allowed == ["higher-is-worse", "higher-is-better"])
    }
}
