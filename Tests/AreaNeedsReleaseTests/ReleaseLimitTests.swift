import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// Reading a release is bounded (`ReleaseLimits`): a table with more rows than the limit
/// is refused at the first row beyond it, and a file larger than the limit before any
/// file is hashed or read. The tests use small limits; the standard ones are documented.
@Suite("Limits on reading a release")
struct ReleaseLimitTests {
    @Test func aTableWithMoreRowsThanTheLimitIsRefusedAtTheFirstRowBeyondIt() throws {
        var sample = SampleDraft()
        sample.areas.append(["A3", "Area Three", "D1", "Dale", "300"])
        sample.indicatorNeeds += [
            ["A3", "ind-a", "30", "30", "300", "25", "36", "3", "5", "false", "exact", "worse", ""],
            ["A3", "ind-b", "5.5", "", "", "", "", "3", "5", "false", "exact", "", ""],
        ]
        let (release, folder) = try EditedRelease.open(sample, limits: ReleaseLimits(maxRows: 5))
        // The areas and the five objectives were read when the release was opened.
        #expect(try release.areas().count == 3)
        let error = #expect(throws: AreaNeedsError.self) { try release.indicatorNeeds() }
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("/indicator_needs.csv, line 7: the table has more than 5 rows, the most a table of a release may have") == true,
                "\(error?.message ?? "")")
        withExtendedLifetime(folder) {}
    }

    @Test func aReferredTableOverTheRowLimitStopsTheOpening() throws {
        let folder = try EditedRelease.publish(SampleDraft())
        let error = #expect(throws: AreaNeedsError.self) { try Release.open(folder.path + "/1.0.0", limits: ReleaseLimits(maxRows: 1)) }
        #expect(error?.message.contains("/areas.csv, line 3: the table has more than 1 rows") == true, "\(error?.message ?? "")")
    }

    /// The largest table of a release folder, and its size.
    static func largestTable(in path: String) throws -> (name: String, size: Int) {
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".csv") }
        let sizes = try names.map { (name: $0, size: try #require(FileManager.default.attributesOfItem(atPath: path + "/" + $0)[.size] as? NSNumber).intValue) }
        return try #require(sizes.max { $0.size < $1.size })
    }

    @Test func aFileLargerThanTheLimitIsRefusedBeforeAnyIsHashed() throws {
        let folder = try EditedRelease.publish(SampleDraft())
        let path = folder.path + "/1.0.0"
        let largest = try Self.largestTable(in: path)
        // Corrupted as well: the size is told, not the checksum, as nothing was hashed.
        try corrupt(path + "/" + largest.name)
        let error = #expect(throws: AreaNeedsError.self) { try Release.open(path, limits: ReleaseLimits(maxFileBytes: largest.size - 1)) }
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("/\(largest.name): \(largest.size) bytes, more than the \(largest.size - 1) a file of a release may have") == true,
                "\(error?.message ?? "")")
        #expect(error?.message.contains("release draft 1.0.0") == true)
    }

    @Test func aDescriptorLargerThanTheLimitIsNotRead() throws {
        let folder = try EditedRelease.publish(SampleDraft())
        let path = folder.path + "/1.0.0"
        let error = #expect(throws: AreaNeedsError.self) { try Release.open(path, limits: ReleaseLimits(maxDescriptionBytes: 1000)) }
        #expect(error?.message.contains("/1.0.0/datapackage.json: ") == true && error?.message.contains("bytes, more than the 1000 it may have") == true,
                "\(error?.message ?? "")")
    }

    @Test func aReleaseWithinTheLimitsReads() throws {
        let folder = try EditedRelease.publish(SampleDraft())
        let path = folder.path + "/1.0.0"
        // Five objectives, the most rows of any table: exactly at the limits is within them.
        let limits = ReleaseLimits(maxRows: 5, maxFileBytes: try Self.largestTable(in: path).size)
        #expect(EditedRelease.readingError(path, limits: limits) == nil)
    }

    @Test func theStandardLimitsAreTheDocumentedOnes() throws {
        let readme = try String(contentsOfFile: FixtureProject.repository + "/data-out/README.md", encoding: .utf8)
        let limits = ReleaseLimits.standard
        let rows = FigureText.grouped(String(limits.maxRows))
        #expect(readme.contains("at most \(rows) rows"), "data-out/README.md does not state the row limit, \(rows)")
        #expect(readme.contains("at most \(limits.maxFileBytes >> 20) MiB"), "data-out/README.md does not state the file limit")
        #expect(readme.contains("at most \(limits.maxDescriptionBytes >> 20) MiB"), "data-out/README.md does not state the description limit")
    }
}
