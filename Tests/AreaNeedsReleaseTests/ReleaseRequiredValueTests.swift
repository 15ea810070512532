import AreaNeedsCore
import AreaNeedsRelease
import Foundation
import Testing

/// A column the data package marks required has a value on every row: an empty one is
/// refused naming the line and column, never read as missing data.
@Suite("A release's required values are present")
struct ReleaseRequiredValueTests {
    @Test func aNeedRowWithoutItsIndicatorIsRefused() throws {
        var sample = SampleDraft()
        sample.indicatorNeeds[2][1] = ""
        let (release, folder) = try EditedRelease.open(sample)
        let error = #expect(throws: AreaNeedsError.self) { try release.indicatorNeeds() }
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("/indicator_needs.csv, line 4, column indicator_id: empty, where every row must have a value") == true,
                "\(error?.message ?? "")")
        withExtendedLifetime(folder) {}
    }

    @Test(arguments: [
        ("areas", 1, "/areas.csv, line 2, column spa_name: empty"),
        ("indicators", 8, "/indicators.csv, line 2, column vintage: empty"),
        ("indicators", 3, "/indicators.csv, line 2, column polarity: empty"),
        ("objective_needs", 2, "/objective_needs.csv, line 2, column indicators_ranked: empty"),
    ])
    func anEmptyRequiredValueIsRefused(table: String, column: Int, message: String) throws {
        var sample = SampleDraft()
        switch table {
        case "areas": sample.areas[0][column] = ""
        case "indicators": sample.indicators[0][column] = ""
        default: sample.objectiveNeeds[0][column] = ""
        }
        let folder = try EditedRelease.publish(sample)
        let error = EditedRelease.readingError(folder.path + "/1.0.0")
        #expect(error?.category == .inputData)
        #expect(error?.message.contains(message + ", where every row must have a value") == true, "\(error?.message ?? "")")
    }

    @Test func aRequiredColumnMissingFromTheDescriptorIsRefused() throws {
        var sample = SampleDraft()
        sample.schemas["areas"]!.fields.remove(at: 1)
        for index in sample.areas.indices { sample.areas[index].remove(at: 1) }
        let folder = try EditedRelease.publish(sample)
        let error = #expect(throws: AreaNeedsError.self) { try Release.open(folder.path + "/1.0.0") }
        #expect(error?.message.contains("datapackage.json: resource areas has no column spa_name, which every release of areaneeds has") == true,
                "\(error?.message ?? "")")
    }

    @Test func emptyOptionalValuesAreMissing() throws {
        let (release, folder) = try EditedRelease.open(SampleDraft())
        let needs = try release.indicatorNeeds()
        #expect(needs[2].numerator == nil && needs[2].ciLower == nil && needs[2].comparedWithCounty == nil)
        #expect(try release.areas().map(\.population) == [100, 200])
        withExtendedLifetime(folder) {}
    }
}
