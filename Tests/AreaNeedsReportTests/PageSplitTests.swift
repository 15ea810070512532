import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsRelease
@testable import AreaNeedsReport
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// How the report is split into pages as releases grow (`PageSplit`): by district above a
/// number of areas, summed up by objective above a number of cells, every page still
/// reachable, the pages bounded, and the writing's progress told page by page.
@Suite("Splitting the report into pages")
struct PageSplitTests {
    static let fixture = ReportedRelease.fixture

    /// The fixture's pages with `split`, by path.
    func pages(_ split: PageSplit, release: Release = PageSplitTests.fixture.release) throws -> [String: String] {
        let pages = try AreaReport(release: release, split: split).pages()
        return Dictionary(pages.map { ($0.path, $0.html) }, uniquingKeysWith: { first, _ in first })
    }

    /// The pages reached by following links from `index.html`, as a reader clicking would.
    func reachable(_ pages: [String: String]) throws -> Set<String> {
        var seen: Set<String> = [SitePaths.index]
        var queue = [SitePaths.index]
        while let path = queue.popLast() {
            let root = try StrictXML.parse(Data(try #require(pages[path]).utf8))
            let folder = (path as NSString).deletingLastPathComponent
            for link in root.all.compactMap({ $0["href"] }) {
                let file = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                guard !file.isEmpty else { continue }
                var parts: [Substring] = []
                for part in (folder.isEmpty ? file : folder + "/" + file).split(separator: "/") {
                    if part == ".." { parts.removeLast() } else if part != "." { parts.append(part) }
                }
                let target = parts.joined(separator: "/")
                #expect(pages[target] != nil, "\(path): \(link) points at nothing")
                if pages[target] != nil, seen.insert(target).inserted { queue.append(target) }
            }
        }
        return seen
    }

    /// Links from a page to area pages.
    func areaLinks(_ html: String) -> Int {
        html.components(separatedBy: "href=\"areas/").count - 1 + html.components(separatedBy: "href=\"../areas/").count - 1
    }

    @Test func theOverviewIsSplitByDistrictAboveTheLimitAndNotAtIt() throws {
        let release = Self.fixture.release
        let areas = try release.areas()
        // Six areas: a limit of six keeps one overview; five splits it.
        let whole = try pages(PageSplit(areasOnOnePage: 6, cellsOnOnePage: 20_000))
        #expect(!whole.keys.contains { $0.hasPrefix("districts/") })
        #expect(whole["index.html"]?.contains(#"id="by-indicator""#) == true)
        #expect(areaLinks(try #require(whole["index.html"])) >= areas.count)

        let split = try pages(PageSplit(areasOnOnePage: 5, cellsOnOnePage: 20_000))
        #expect(Set(split.keys.filter { $0.hasPrefix("districts/") }) == ["districts/D1.html", "districts/D2.html"])
        let index = try #require(split["index.html"])
        // The index lists the districts, not the areas, and draws no area's figure.
        #expect(!index.contains(#"id="by-indicator""#))
        #expect(areaLinks(index) == 0)
        #expect(index.contains(#"href="districts/D1.html""#) && index.contains(#"href="districts/D2.html""#))
        // A district's page is the overview of its areas: its three areas, each indicator.
        let dale = try StrictXML.parse(Data(try #require(split["districts/D1.html"]).utf8))
        let heatmap = try #require(dale.elements(named: "svg").first { $0["id"] == "by-indicator" })
        let cells = heatmap.elements(named: "g").filter { $0["class"]?.hasPrefix("cell") == true }
        #expect(Set(cells.compactMap { $0["data-area"] }) == ["A1", "A2", "A3"])
        #expect(cells.count == 3 * (try release.indicators().count))
        // An area's page goes back through its district.
        let area = try StrictXML.parse(Data(try #require(split["areas/A4.html"]).utf8))
        let crumbs = try #require(area.elements(named: "nav").first { $0["class"] == "crumbs" })
        #expect(crumbs.elements(named: "a").map { $0["href"] ?? "" } == ["../index.html", "../districts/D2.html"])
        // An indicator's page lists the districts, not every area.
        let indicator = try #require(split["indicators/fuel-poverty.html"])
        #expect(indicator.contains(#"href="../districts/D1.html#figures-5""#))
        #expect(areaLinks(indicator) == 0)
    }

    @Test(arguments: [PageSplit.standard, PageSplit(areasOnOnePage: 5, cellsOnOnePage: 20_000), PageSplit(areasOnOnePage: 1, cellsOnOnePage: 1)])
    func everyPageIsReachableFromTheIndex(split: PageSplit) throws {
        let pages = try pages(split)
        let release = Self.fixture.release
        let expected = 1 + (split.areasOnOnePage < 6 ? 2 : 0) + (try release.areas().count) + (try release.indicators().count)
        #expect(pages.count == expected)
        #expect(try AreaReport(release: release, split: split).pageCount == expected)
        #expect(try reachable(pages) == Set(pages.keys))
    }

    @Test func aPageWithMoreCellsThanTheLimitSumsUpByObjective() throws {
        let cells = 6 * (try Self.fixture.release.indicators().count)
        let drawn = try pages(PageSplit(areasOnOnePage: 300, cellsOnOnePage: cells))
        #expect(drawn["index.html"]?.contains(#"id="by-indicator""#) == true)
        #expect(drawn["index.html"]?.contains(#"id="figures-5""#) == true)

        let summed = try #require(try pages(PageSplit(areasOnOnePage: 300, cellsOnOnePage: cells - 1))["index.html"])
        #expect(!summed.contains(#"id="by-indicator""#))
        #expect(!summed.contains(#"id="figures-5""#))
        #expect(summed.contains("more than a page draws one by one"))
        // The objective heatmap and every indicator's link stay.
        #expect(summed.contains(#"id="by-objective""#))
        for indicator in try Self.fixture.release.indicators() {
            #expect(summed.contains(#"href="indicators/\#(indicator.id).html""#), "\(indicator.id)")
        }
    }

    @Test func progressIsToldForEveryPageWritten() throws {
        let folder = TemporaryFolder()
        let report = try AreaReport(release: Self.fixture.release)
        var states: [AreaReport.Progress] = []
        try report.write(to: folder.path + "/report") { states.append($0) }
        #expect(states.map(\.written) == Array(1...report.pageCount))
        #expect(states.allSatisfy { $0.total == report.pageCount })
        // The bytes told are the bytes written.
        var bytes = 0
        let enumerator = FileManager.default.enumerator(atPath: folder.path + "/report")
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".html") else { continue }
            bytes += (try FileManager.default.attributesOfItem(atPath: folder.path + "/report/" + path)[.size] as? Int) ?? 0
        }
        #expect(states.last?.bytes == bytes)
    }

    @Test func theCommandDrawsProgressOnATerminalAndOneLineElsewhere() throws {
        let folder = TemporaryFolder()
        let release = Self.fixture.release.folder
        // Not a terminal (cron, a log): the summary line alone on standard error.
        let quiet = try Executables.run("areaneeds", ["report", "--release", release, "--output", folder.path + "/quiet"])
        #expect(quiet.status == 0, "\(quiet.transcript)")
        let lines = quiet.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(quiet.standardError)")
        #expect(lines.first?.hasPrefix("report: \(try AreaReport(release: Self.fixture.release).pageCount) pages, ") == true, "\(quiet.standardError)")
        #expect(!quiet.standardError.contains("\r"))
        // On a pseudo-terminal (script(1) gives the command one): the progress line too.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("skipped the terminal half: no /usr/bin/script")
            return
        }
        let command = [try Executables.path("areaneeds"), "report", "--release", release, "--output", folder.path + "/tty"]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let terminal = try ChildProcess.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(terminal.status == 0, "\(terminal.transcript)")
        #expect(terminal.standardOutput.contains("\r\u{1B}[Kreport pages "), "\(terminal.standardOutput.debugDescription)")
        #expect(terminal.standardOutput.contains(" pages, "), "\(terminal.standardOutput.debugDescription)")
    }

    @Test func aLargeReleaseIsSplitWithinItsBounds() throws {
        // 420 areas in 12 districts: above the 300 of one page.
        let large = try MadeUpRelease(areas: 420, districts: 12, indicators: 4)
        let report = try AreaReport(release: large.release)
        #expect(report.byDistrict)
        var sizes: [String: Int] = [:]
        try report.eachPage { sizes[$0.path] = $0.html.utf8.count }
        #expect(sizes.count == 1 + 12 + 420 + 4)
        #expect(sizes.keys.filter { $0.hasPrefix("districts/") }.count == 12)
        // The index holds districts and indicators, not areas: small whatever the areas.
        let index = try #require(sizes["index.html"])
        #expect(index < 64_000, "index.html is \(index) bytes")
        #expect(sizes.values.allSatisfy { $0 < 1_000_000 }, "\(sizes.max { $0.value < $1.value }!)")
    }

    @Test func aReleaseOfManyIndicatorsDoesNotWriteAGiantIndex() throws {
        // 21 areas by 1,000 indicators: 21,000 figures, above the 20,000 a page draws.
        let wide = try MadeUpRelease(areas: 21, districts: 3, indicators: 1_000)
        let report = try AreaReport(release: wide.release)
        #expect(!report.byDistrict)
        let index = try report.index()
        #expect(!index.html.contains(#"id="by-indicator""#))
        #expect(index.html.contains("more than a page draws one by one"))
        // Links to the 1,000 indicator pages, and the objective summary: not 21,000 cells.
        #expect(index.html.utf8.count < 400_000, "index.html is \(index.html.utf8.count) bytes")
    }
}

/// A made-up release of any size, for the report's limits: `areas` areas in `districts`
/// districts, `indicators` indicators read from one CSV at the areas' own geography.
final class MadeUpRelease {
    let project = FixtureProject()
    let release: Release

    init(areas: Int, districts: Int, indicators: Int) throws {
        var geography = "spa_code,spa_name,district_code,district_name,population\n"
        var figures = "code,population," + (0..<indicators).map { "v\($0)" }.joined(separator: ",") + "\n"
        var generator = SeededGenerator(seed: 2026)
        for area in 0..<areas {
            let district = area % districts
            geography += "M\(area),Made-up area \(area),MD\(district),Made-up district \(district),1000\n"
            figures += "M\(area),1000," + (0..<indicators).map { _ in String(Double.random(in: 0..<100, using: &generator)) }.joined(separator: ",") + "\n"
        }
        project.write("data-raw/geography/areas.csv", geography)
        project.write("data-raw/sources/figures.csv", figures)
        var pipeline = """
            pipeline: test
            title: Made-up release
            framework: \(FixtureProject.repository)/data-raw/framework/social-value-framework.yml
            release:
              label: made up
              editions: [csv]
            geography:
              areas:
                file: ../data-raw/geography/areas.csv
            indicators:

            """
        for indicator in 0..<indicators {
            pipeline += """
                  - id: m\(indicator)
                    title: Made-up measure \(indicator)
                    objective: \(indicator % 5 + 1)
                    polarity: higher-is-worse
                    unit: "%"
                    vintage: "2024"
                    aggregation: weighted-mean
                    source:
                      file: ../data-raw/sources/figures.csv
                      geography: area
                      area-code: code
                      value: v\(indicator)
                      population: population

                """
        }
        project.write("pipelines/test.yml", pipeline)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let outcome = try PipelineRunner(pipeline: try Pipeline.load(path: project.pipelinePath), logger: logger).run()
        release = try Release.open(try #require(outcome.releaseFolder))
    }
}
