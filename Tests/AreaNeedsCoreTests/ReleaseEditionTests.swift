import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsCore

/// `release: {editions: [...]}`: which forms a pipeline publishes its tables in, read as
/// strictly as every other key.
@Suite("Editions chosen in the pipeline file")
struct ReleaseEditionTests {
    let temporary = TemporaryFolder("areaneeds-editions")

    func load(editions line: String?) throws -> Pipeline {
        var text = PipelineLoaderTests.valid
        if let line { text = text.replacingOccurrences(of: "  label: test\n", with: "  label: test\n  editions: \(line)\n") }
        let path = temporary.path + "/pipeline.yml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return try Pipeline.load(path: path)
    }

    func error(_ line: String) -> AreaNeedsError? {
        do {
            _ = try load(editions: line)
            return nil
        } catch let error as AreaNeedsError {
            return error
        } catch {
            return nil
        }
    }

    @Test func theWorkbookAndDatabaseComeWithTheCSVsUnlessTheFileSaysOtherwise() throws {
        #expect(try load(editions: nil).file.release.editions == [.csv, .xlsx, .sqlite])
        #expect(try load(editions: "[csv]").file.release.editions == [.csv])
        // Any order, kept in one: CSV, workbook, database, gzip copies.
        #expect(try load(editions: "[csv.gz, sqlite, csv]").file.release.editions == [.csv, .sqlite, .csvGzip])
    }

    @Test func theCSVTablesCannotBeLeftOut() throws {
        let problem = try #require(error("[xlsx, sqlite]"))
        #expect(problem.category == .configuration)
        #expect(problem.message.contains("release.editions"), "\(problem.message)")
        #expect(problem.message.contains("csv is missing"), "\(problem.message)")
    }

    @Test func anUnknownOrRepeatedEditionIsAConfigurationError() throws {
        let unknown = try #require(error("[csv, xls]"))
        #expect(unknown.category == .configuration)
        #expect(unknown.message.contains("xls is not a valid release edition; use one of: csv, xlsx, sqlite, csv.gz"), "\(unknown.message)")
        #expect(unknown.message.contains("line 5"), "\(unknown.message)")
        let twice = try #require(error("[csv, xlsx, xlsx]"))
        #expect(twice.message.contains("xlsx is listed twice"), "\(twice.message)")
    }

    @Test func theEditionsArePartOfWhatPublishingDependsOn() throws {
        var first = Fingerprint()
        first.add("release", try load(editions: "[csv]").file.release)
        var second = Fingerprint()
        second.add("release", try load(editions: "[csv, xlsx]").file.release)
        #expect(first.value != second.value)
    }
}
