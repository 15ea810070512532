import AreaNeedsCore
import AreaNeedsRelease
import Foundation
import Testing

/// The editions a release is published in: listed in `SHA256SUMS` and the descriptor, and a
/// change of editions alone published as a patch.
@Suite("Publishing the chosen editions")
struct EditionChoiceTests {
    let folder = ReleasesFolder()

    func publish(_ editions: [ReleaseEdition]) throws -> ReleaseWriter.Outcome {
        var draft = SampleDraft().draft
        draft.editions = editions
        return try folder.writer.publish(draft)
    }

    @Test func eachEditionIsListedWithItsChecksum() throws {
        try #require(try publish([.csv, .xlsx, .sqlite, .csvGzip]) == .published(.first, change: nil))
        let release = folder.path + "/1.0.0"
        let sums = try String(contentsOfFile: release + "/SHA256SUMS", encoding: .utf8)
        for name in ["draft-1.0.0.xlsx", "draft-1.0.0.sqlite", "areas.csv", "areas.csv.gz"] {
            #expect(sums.contains("  \(name)\n"), "\(name) in SHA256SUMS")
        }
        // The descriptor lists the workbook and the database beside its tables, not among them.
        let package = try readJSON(release + "/datapackage.json")
        let resources = package["resources"]?.array?.compactMap { $0["path"]?.string } ?? []
        #expect(resources.allSatisfy { $0.hasSuffix(".csv") })
        let editions = package["areaneeds"]?["editions"]?.array ?? []
        #expect(editions.compactMap { $0["path"]?.string } == ["draft-1.0.0.xlsx", "draft-1.0.0.sqlite"])
        let workbook = try #require(editions.first)
        #expect(workbook["hash"]?.string == "sha256:" + (try sha256(release + "/draft-1.0.0.xlsx")))
        #expect(workbook["mediatype"]?.string == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        try ReleaseVerifier.verify(folder: release)
    }

    @Test func theCSVsAloneWhenTheyAreAllThatIsAskedFor() throws {
        try #require(try publish([.csv]) == .published(.first, change: nil))
        #expect(visibleNames(folder.path + "/1.0.0").filter { !$0.hasSuffix(".csv") } == ["SHA256SUMS", "datapackage.json", "provenance.json"])
    }

    @Test func otherEditionsOfTheSameTablesAreAPatch() throws {
        try #require(try publish([.csv]) == .published(.first, change: nil))
        #expect(try publish([.csv]) == .unchanged(.first))
        #expect(try publish([.csv, .xlsx]) == .published(ReleaseVersion(1, 0, 1), change: .editions))
        #expect(visibleNames(folder.path + "/1.0.1").contains("draft-1.0.1.xlsx"))
        #expect(try publish([.csv, .xlsx]) == .unchanged(ReleaseVersion(1, 0, 1)))
    }

    @Test func anEditionThatCannotBeWrittenPublishesNothing() throws {
        var sample = SampleDraft()
        // A quality the schema does not allow: the database refuses it, naming the row.
        sample.indicatorNeeds[1][10] = "guessed"
        var draft = sample.draft
        draft.editions = [.csv, .sqlite]
        let error = try #require(throws: AreaNeedsError.self) { try folder.writer.publish(draft) }
        #expect(error.message.contains("indicator_needs.csv, line 3"), "\(error.message)")
        #expect(error.message.contains("CHECK constraint failed"), "\(error.message)")
        #expect(folder.history.versions.isEmpty)
        #expect(visibleNames(folder.path).isEmpty, "no release, no leftovers")
    }
}
