import AreaNeedsCLI
import AreaNeedsCore
@testable import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// Releases as the product publishes them read whole through the checks (the bundled
/// sample, and a release ranked within districts with its extra columns), and a table
/// whose shape is not the one the data package declares is refused.
@Suite("Reading a release through its checks")
struct ReleaseReadingTests {
    /// The data rows of a CSV file, counted by its lines (no field of these holds one).
    static func lineCount(_ path: String) throws -> Int {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count - 1
    }

    @Test func theBundledSampleReadsWhole() throws {
        let output = NSTemporaryDirectory() + "areaneeds-sample-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let pipeline = try Pipeline.load(path: FixtureProject.repository + "/pipelines/sample.yml", outputRoot: output)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let folder = try #require(try PipelineRunner(pipeline: pipeline, logger: logger).run().releaseFolder)
        #expect(EditedRelease.readingError(folder) == nil)
        let release = try Release.open(folder)
        #expect(release.tableNames == release.schema.tables.map(\.name))
        for name in release.tableNames {
            var rows = 0
            try release.tableReader(name).forEachRecord { _ in rows += 1 }
            #expect(rows == (try Self.lineCount(folder + "/" + name + ".csv")), "\(name)")
            #expect(rows > 0, "\(name)")
        }
        #expect(try release.indicatorNeeds().count == 34 * 20)
    }

    @Test func aReleaseRankedWithinDistrictsReadsAndItsDistrictColumnsAreChecked() throws {
        let project = FixtureProject()
        project.write("pipelines/test.yml", project.read("pipelines/test.yml").replacingOccurrences(
            of: "indicators:\n", with: "ranking: {within-district: true}\nindicators:\n"))
        try project.run()
        let folder = project.folder("1.0.0")
        #expect(EditedRelease.readingError(folder) == nil)
        let release = try Release.open(folder)
        #expect(release.schema.ranksWithinDistricts)
        #expect(try release.tableReader("indicator_needs").column("district_need_quintile") != nil)

        try EditedRelease.edit(folder, "indicator_needs") { lines in
            var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[fields.count - 1] = "7"
            lines[1] = fields.joined(separator: ",")
        }
        #expect(EditedRelease.readingError(folder)?.message.contains("/indicator_needs.csv, line 2, column district_need_quintile: 7 is above the greatest value allowed, 5") == true)
    }

    @Test func aHeaderOtherThanTheDescriptorsIsRefused() throws {
        let folder = try EditedRelease.publish(SampleDraft())
        let path = folder.path + "/1.0.0"
        try EditedRelease.edit(path, "indicator_needs") { lines in
            lines[0] = lines[0].replacingOccurrences(of: "need_rank,need_quintile", with: "need_quintile,need_rank")
        }
        let error = EditedRelease.readingError(path)
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("/indicator_needs.csv, line 1: the header is spa_code,indicator_id,value,numerator,denominator,ci_lower,ci_upper,need_quintile,need_rank,") == true,
                "\(error?.message ?? "")")
        #expect(error?.message.contains("where datapackage.json declares spa_code,indicator_id,value,numerator,denominator,ci_lower,ci_upper,need_rank,need_quintile,") == true)
    }

    @Test func aShortRowAfterTheTableIsRefused() throws {
        let folder = try EditedRelease.publish(SampleDraft())
        let path = folder.path + "/1.0.0"
        try EditedRelease.edit(path, "indicator_needs") { lines in lines.append("A1") }
        let error = EditedRelease.readingError(path)
        #expect(error?.message.contains("/indicator_needs.csv, line 6: a row with fewer fields than the header (A1)") == true, "\(error?.message ?? "")")
    }

    @Test func aReleaseAsPublishedIsReadAsBefore() throws {
        let (release, folder) = try EditedRelease.open(SampleDraft())
        #expect(try release.areas() == [
            AreaRow(code: "A1", name: "Area One", districtCode: "D1", districtName: "Dale", population: 100),
            AreaRow(code: "A2", name: "Area Two", districtCode: "D1", districtName: "Dale", population: 200),
        ])
        let needs = try release.indicatorNeeds()
        #expect(needs[1] == IndicatorNeedRow(
            areaCode: "A2", indicatorId: "ind-a", value: 20, numerator: 40, denominator: 200, ciLower: 15, ciUpper: 26,
            needRank: 1, needQuintile: 1, highestNeed: true, quality: .exact, comparedWithCounty: .similar))
        #expect(try release.objectives().map(\.id) == [1, 2, 3, 4, 5])
        #expect(try release.framework() == [MeasureRow(objectiveId: 1, outcomeId: 1, measureNumber: 1, outcome: "An outcome", exampleMeasure: "A measure")])
        withExtendedLifetime(folder) {}
    }
}
