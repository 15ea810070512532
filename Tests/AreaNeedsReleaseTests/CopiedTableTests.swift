import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTables
import Foundation
import Testing

/// Release tables copied from staging tables (`ReleaseTable(copyingRowsOf:header:)`), as
/// the publish stage copies the ranked need tables.
@Suite("Release tables copied from staging tables")
struct CopiedTableTests {
    let folder = ReleasesFolder()

    /// The sample draft with its indicator needs table copied from a staging table with
    /// the staging header (`area_code`) rather than given as rows.
    func copiedDraft(_ sample: SampleDraft, header: [String] = StagingTables.indicatorNeedColumns) throws -> ReleaseDraft {
        let staging = NSTemporaryDirectory() + "areaneeds-staging-" + UUID().uuidString + ".csv"
        try TableWriter.write(path: staging, columns: StagingTables.indicatorNeedColumns, rows: sample.indicatorNeeds)
        var draft = sample.draft
        draft.tables = draft.tables.map { table in
            table.schema.name == "indicator_needs" ? ReleaseTable(schema: table.schema, copyingRowsOf: staging, header: header) : table
        }
        return draft
    }

    @Test func aCopiedTableIsTheSameAsItsRowsWritten() throws {
        var sample = SampleDraft()
        // A field that needs quoting, to show the copy keeps the writer's quoting.
        sample.indicatorNeeds[0][10] = "exact, checked"
        var draft = sample.draft
        draft.editions = [.csv, .csvGzip]
        _ = try folder.writer.publish(draft, created: Date(timeIntervalSince1970: 0))
        let written = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/1.0.0/indicator_needs.csv"))

        let other = ReleasesFolder()
        var copiedDraft = try copiedDraft(sample)
        copiedDraft.editions = [.csv, .csvGzip]
        _ = try other.writer.publish(copiedDraft, created: Date(timeIntervalSince1970: 0))
        let copied = try Data(contentsOf: URL(fileURLWithPath: other.path + "/1.0.0/indicator_needs.csv"))
        #expect(copied == written)
        #expect(String(decoding: copied, as: UTF8.self).hasPrefix("spa_code,indicator_id,"))
        try ReleaseVerifier.verify(folder: other.path + "/1.0.0")
        // The gzip copy holds the same bytes.
        let table = try TableReader(path: other.path + "/1.0.0/indicator_needs.csv.gz", options: ReadOptions(header: .line(1))).readAll()
        #expect(table == sample.indicatorNeeds)
    }

    @Test func aStagingTableWithAnotherHeaderPublishesNothing() throws {
        let draft = try copiedDraft(SampleDraft(), header: StagingTables.indicatorNeedColumns + ["extra"])
        let error = try #require(throws: AreaNeedsError.self) { try folder.writer.publish(draft) }
        #expect(error.category == .internal)
        #expect(error.message.contains("release table indicator_needs: "))
        #expect(error.message.contains(",extra); run the rank stage again"))
        #expect(folder.history.versions.isEmpty)
    }
}
