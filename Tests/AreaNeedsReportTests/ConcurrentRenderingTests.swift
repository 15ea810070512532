import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsReport
import AreaNeedsTestSupport
import Foundation
import Testing

/// Rendering the report's pages several at once: the same pages, byte for byte, handed over
/// and written in the same order as rendering them one after the other; and a page that
/// cannot be rendered stops the report at the same place.
@Suite("Rendering the report's pages concurrently")
struct ConcurrentRenderingTests {
    static let fixture = ReportedRelease.fixture
    static let sample = ReportedRelease.sample

    /// Every file under `folder`, by relative path, with its bytes.
    func files(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                result[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
            }
        }
        return result
    }

    /// The pages `eachPage` hands over, in the order it hands them.
    func pages(_ report: AreaReport, concurrency: Int, batch: Int = AreaReport.batchSize) throws -> [AreaReport.Page] {
        var pages: [AreaReport.Page] = []
        try report.eachPage(concurrency: concurrency, batch: batch) { page throws(AreaNeedsError) in pages.append(page) }
        return pages
    }

    @Test(arguments: [PageSplit.standard, PageSplit(areasOnOnePage: 5, cellsOnOnePage: 20_000)])
    func theWrittenReportIsTheSameByteForByteWhateverTheConcurrency(split: PageSplit) throws {
        let report = try AreaReport(release: Self.sample.release, split: split)
        let root = NSTemporaryDirectory() + "areaneeds-concurrent-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        var told: [Int: [AreaReport.Progress]] = [:]
        var written: [Int: [String: Data]] = [:]
        for concurrency in [1, AreaReport.defaultConcurrency, 3] {
            var progress: [AreaReport.Progress] = []
            try report.write(to: root + "/report-\(concurrency)", concurrency: concurrency) { progress.append($0) }
            told[concurrency] = progress
            written[concurrency] = try files(root + "/report-\(concurrency)")
        }
        let sequential = try #require(written[1])
        // The sample's pages: the overview, its districts' pages when split, 34 areas, 20 indicators.
        #expect(sequential.count == report.pageCount)
        #expect(sequential.count > 34 + 20)
        for concurrency in [AreaReport.defaultConcurrency, 3] {
            let concurrent = try #require(written[concurrency])
            #expect(Set(concurrent.keys) == Set(sequential.keys))
            for (path, bytes) in sequential {
                #expect(concurrent[path] == bytes, "\(path) differs when rendered \(concurrency) at a time")
            }
            // Progress is told page by page, the bytes adding up as before.
            #expect(told[concurrency] == told[1])
        }
        let last = try #require(told[1]?.last)
        #expect(last.written == report.pageCount)
        #expect(last.bytes == sequential.values.map(\.count).reduce(0, +))
    }

    @Test(arguments: [1, 2, 5, 7, 64])
    func pagesAreHandedOverInTheSameOrderWhateverTheBatch(batch: Int) throws {
        let report = try AreaReport(release: Self.fixture.release, split: PageSplit(areasOnOnePage: 5, cellsOnOnePage: 20_000))
        let sequential = try pages(report, concurrency: 1)
        #expect(sequential.first?.path == "index.html")
        #expect(sequential.count == report.pageCount)
        for concurrency in [2, 3, 8] {
            let concurrent = try pages(report, concurrency: concurrency, batch: batch)
            #expect(concurrent.map(\.path) == sequential.map(\.path))
            #expect(concurrent == sequential)
        }
    }

    /// Gives the framework's advice, except for one area, where it fails.
    struct FailingAdvisor: AreaAdvisor {
        let advisor: FrameworkAdvisor
        let failing: String

        func advice(forArea code: String) throws(AreaNeedsError) -> AreaAdvice {
            guard code != failing else { throw AreaNeedsError(.internal, "no advice for \(code)") }
            return try advisor.advice(forArea: code)
        }
    }

    @Test func aPageThatCannotBeRenderedStopsTheReportWhereItWouldOneAtATime() throws {
        let release = Self.sample.release
        let areas = try release.areas()
        let failing = areas[areas.count / 2].code
        let advisor = FailingAdvisor(advisor: try FrameworkAdvisor(release: release), failing: failing)
        let report = try AreaReport(release: release, advisor: advisor)
        var handed: [Int: [String]] = [:]
        for (concurrency, batch) in [(1, 64), (2, 64), (3, 4)] {
            var paths: [String] = []
            let error = #expect(throws: AreaNeedsError.self) {
                try report.eachPage(concurrency: concurrency, batch: batch) { page throws(AreaNeedsError) in paths.append(page.path) }
            }
            #expect(error?.message == "no advice for \(failing)")
            handed[concurrency] = paths
        }
        let sequential = try #require(handed[1])
        // The overview and the areas before the failing one, and nothing after.
        #expect(sequential.count == 1 + areas.count / 2)
        #expect(handed[2] == sequential)
        #expect(handed[3] == sequential)
    }
}
