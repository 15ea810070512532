import Foundation
import AreaNeedsTestSupport
import Testing

/// `scripts/get-real-data FOLDER DESTINATION`, on made-up files: what it copies, where it
/// finds them, and what it says about checksums and missing files.
@Suite("Copying the published files in")
struct GetRealDataScriptTests {
    let root = NSTemporaryDirectory() + "areaneeds-get-real-data-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: root + "/download", withIntermediateDirectories: true)
    }

    @Test func copiesWhatIsThereAndListsWhatIsMissing() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Two of the files, neither the checked edition; a CSV copy of a sheet is not looked for.
        _ = FileManager.default.createFile(atPath: root + "/download/census2021-ts038-lsoa.csv", contents: Data("made up\n".utf8))
        _ = FileManager.default.createFile(atPath: root + "/download/sub-regional-fuel-poverty-2022-tables.xlsx", contents: Data("made up\n".utf8))
        _ = FileManager.default.createFile(atPath: root + "/download/fuel-poverty-2022-lsoa.csv", contents: Data("made up\n".utf8))
        // A file in a folder of the download keeps its folder.
        try FileManager.default.createDirectory(atPath: root + "/download/explore-local-statistics", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/download/explore-local-statistics/gross-median-weekly-pay.csv", contents: Data("made up\n".utf8))

        let result = try RealProject.script("get-real-data", [root + "/download", root + "/copied"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("copied   census2021-ts038-lsoa.csv (sha256 differs"))
        #expect(result.standardOutput.contains("copied   sub-regional-fuel-poverty-2022-tables.xlsx (sha256 differs"))
        #expect(result.standardOutput.contains("copied   explore-local-statistics/gross-median-weekly-pay.csv (sha256 differs"))
        #expect(result.standardOutput.contains("3 of 15 files copied"))
        #expect(result.standardOutput.contains("missing  File_2_-_IoD2019_Domains_of_Deprivation.csv.gz"))
        #expect(!result.standardOutput.contains("missing  census2021-ts038-lsoa.csv"))
        let copied = try FileManager.default.contentsOfDirectory(atPath: root + "/copied").sorted()
        #expect(copied == ["census2021-ts038-lsoa.csv", "explore-local-statistics", "sub-regional-fuel-poverty-2022-tables.xlsx"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/copied/explore-local-statistics") == ["gross-median-weekly-pay.csv"])
        #expect(FileManager.default.contents(atPath: root + "/copied/sub-regional-fuel-poverty-2022-tables.xlsx") == Data("made up\n".utf8))
    }

    @Test func aFolderThatIsNotThereIsAnError() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try RealProject.script("get-real-data", [root + "/nowhere", root + "/copied"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("is not a folder"))
        #expect(!FileManager.default.fileExists(atPath: root + "/copied"))
    }
}
