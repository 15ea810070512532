import AreaNeedsCore
import AreaNeedsRelease
@testable import AreaNeedsReport
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The report's pages: all there, well-formed, linked, faithful to the tables, and the
/// same bytes every time.
@Suite("The area profile report")
struct AreaReportTests {
    static let sample = ReportedRelease.sample
    static let fixture = ReportedRelease.fixture

    /// The palette, written out here rather than taken from the code, so a wrong colour
    /// or a quintile mapped to the wrong step fails.
    static let viridis = [1: "#440154", 2: "#3B528B", 3: "#21908C", 4: "#5DC863", 5: "#FDE725"]

    @Test func thereIsAPagePerAreaAndPerIndicator() throws {
        for reported in [Self.sample, Self.fixture] {
            let release = reported.release
            let expected = ["index.html"] + (try release.areas().map { "areas/\($0.code).html" })
                + (try release.indicators().map { "indicators/\($0.id).html" })
            #expect(reported.pagePaths == expected.sorted())
        }
        #expect(Self.sample.pagePaths.count == 1 + 34 + 20)
    }

    @Test func theCheckerRejectsMalformedMarkup() {
        // The well-formedness test below means something only if broken markup fails.
        for broken in ["<p><b>x</p></b>", "<p>fish & chips</p>", "<p title=\"a\" title=\"b\">x</p>", "<p>&nbsp;</p>", "<p>unclosed"] {
            #expect(throws: (any Error).self, "\(broken)") { try StrictXML.parse(Data(broken.utf8)) }
        }
        #expect(throws: Never.self) { try StrictXML.parse(Data("<!DOCTYPE html><p>fine &amp; &#39;dandy&#39;</p>".utf8)) }
    }

    @Test func everyPageIsWellFormedXHTML() throws {
        for reported in [Self.sample, Self.fixture] {
            for path in reported.pagePaths {
                let root = try reported.page(path)
                #expect(root.name == "html", "\(path)")
                #expect(root["xmlns"] == "http://www.w3.org/1999/xhtml", "\(path)")
                #expect(root["lang"] == "en-GB", "\(path)")
                let titles = root.elements(named: "title").filter { $0.parent?.name == "head" }
                #expect(titles.count == 1 && !(titles.first?.text ?? "").isEmpty, "\(path): one non-empty <title>")
                #expect(root.elements(named: "h1").count == 1, "\(path): one h1")
                #expect(root.elements(named: "main").count == 1, "\(path): one main")
                // Every chart has an accessible name, as an image with a label.
                for svg in root.elements(named: "svg") {
                    let hidden = svg["aria-hidden"] == "true"
                    let labelled = svg["role"] == "img" && !(svg["aria-label"] ?? "").isEmpty
                    #expect(hidden || labelled, "\(path): an <svg> without role=img and aria-label")
                }
                // Every table has column headings.
                for table in root.elements(named: "table") {
                    #expect(!table.elements(named: "th").isEmpty, "\(path): a table without headings")
                }
                // Ids are unique within a page, so in-page references are unambiguous.
                let ids = root.all.compactMap { $0["id"] }
                #expect(Set(ids).count == ids.count, "\(path): duplicate ids")
            }
        }
    }

    @Test func everyLinkResolves() throws {
        var checked = 0
        for reported in [Self.sample, Self.fixture] {
            for path in reported.pagePaths {
                let root = try reported.page(path)
                let folder = ((reported.report + "/" + path) as NSString).deletingLastPathComponent
                for element in root.all {
                    for name in ["href", "src"] {
                        guard let reference = element[name] else { continue }
                        checked += 1
                        #expect(!reference.contains("://") && !reference.hasPrefix("//"), "\(path): \(reference) leaves the report")
                        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                        let file = parts[0].isEmpty ? reported.report + "/" + path : folder + "/" + parts[0]
                        #expect(FileManager.default.fileExists(atPath: file), "\(path): \(reference) points at nothing")
                        if parts.count == 2, !parts[1].isEmpty, FileManager.default.fileExists(atPath: file) {
                            let target = try StrictXML.parse(file: file)
                            let ids = Set(target.all.compactMap { $0["id"] })
                            #expect(ids.contains(parts[1]), "\(path): \(reference): no element with that id")
                        }
                    }
                }
                // Patterns referenced by fill="url(#...)" exist on the page too.
                let ids = Set(root.all.compactMap { $0["id"] })
                for element in root.all {
                    guard let fill = element["fill"], fill.hasPrefix("url(#") else { continue }
                    #expect(ids.contains(String(fill.dropFirst(5).dropLast())), "\(path): \(fill) is not defined")
                }
            }
        }
        #expect(checked > 1000)
    }

    @Test(arguments: ["sample", "fixture"])
    func heatmapColoursAreTheQuintilesOfTheTable(which: String) throws {
        let reported = which == "sample" ? Self.sample : Self.fixture
        let release = reported.release
        var expected: [String: Int?] = [:]
        for need in try release.indicatorNeeds() { expected[need.areaCode + "|" + need.indicatorId] = need.needQuintile }
        let heatmap = try #require(try reported.page("index.html").elements(named: "svg").first { $0["id"] == "by-indicator" })
        let cells = heatmap.elements(named: "g").filter { $0["class"]?.hasPrefix("cell") == true }
        #expect(cells.count == (try release.areas().count) * (try release.indicators().count))
        var seen: Set<String> = []
        for cell in cells {
            let key = (cell["data-area"] ?? "") + "|" + (cell["data-column"] ?? "")
            seen.insert(key)
            let rect = try #require(cell.elements(named: "rect").first)
            let quintile = try #require(expected[key], "\(key) is not in indicator_needs.csv")
            // The county's own figure (the fixture's neet) is grey with a C; no value is white.
            let county = cell["data-column"] == "neet"
            let colour = quintile.map { Self.viridis[$0]! } ?? (county ? "#E3E3E3" : "#FFFFFF")
            #expect(rect["fill"] == colour, "\(key): quintile \(quintile.map(String.init) ?? "none")")
            // The quintile is written in the cell too, so colour is not the only cue.
            let text = cell.elements(named: "text").first?.text
            #expect(text == (quintile.map(String.init) ?? (county ? "C" : "–")), "\(key)")
        }
        #expect(seen.count == cells.count)
    }

    @Test func objectiveGridColoursAreTheObjectiveQuintiles() throws {
        let release = Self.sample.release
        let grid = try #require(try Self.sample.page("index.html").elements(named: "svg").first { $0["id"] == "by-objective" })
        let cells = grid.elements(named: "g").filter { $0["class"] == "cell" }
        var checked = 0
        for need in try release.objectiveNeeds() {
            let cell = try #require(cells.first { $0["data-area"] == need.areaCode && $0["data-column"] == String(need.objectiveId) })
            let rect = try #require(cell.elements(named: "rect").first)
            #expect(rect["fill"] == Self.viridis[try #require(need.needQuintile)])
            checked += 1
        }
        #expect(checked == 34 * 5)
    }

    @Test func sameReleaseGivesTheSameBytes() throws {
        let first = try AreaReport(release: Self.sample.release).pages()
        let second = try AreaReport(release: Self.sample.release).pages()
        #expect(first == second)
        // And the pages written to disk are these.
        for page in first.prefix(3) {
            #expect(FileManager.default.contents(atPath: Self.sample.report + "/" + page.path) == Data(page.html.utf8))
        }
    }

    @Test func syntheticReleasesSaySoOnEveryPage() throws {
        for path in Self.sample.pagePaths {
            let html = try String(contentsOfFile: Self.sample.report + "/" + path, encoding: .utf8)
            #expect(html.contains(#"<p class="banner" role="note"><strong>SYNTHETIC DATA</strong>"#), "\(path)")
            #expect(html.contains("<title>") && html.contains("(SYNTHETIC DATA)</title>"), "\(path)")
        }
        let overview = try String(contentsOfFile: Self.sample.report + "/index.html", encoding: .utf8)
        #expect(overview.contains("synthetic: made-up figures (S)"), "the legend explains the synthetic hatch")
        // A real release has no banner and no synthetic hatch.
        for path in Self.fixture.pagePaths {
            let html = try String(contentsOfFile: Self.fixture.report + "/" + path, encoding: .utf8)
            #expect(!html.contains("SYNTHETIC"), "\(path)")
            #expect(!html.contains("-synthetic)"), "\(path)")
        }
    }

    @Test func flaggedFiguresAreMarkedInTheirCells() throws {
        let heatmap = try #require(try Self.fixture.page("index.html").elements(named: "svg").first { $0["id"] == "by-indicator" })
        func cell(_ area: String, _ indicator: String) throws -> Element {
            try #require(heatmap.all.first { $0["data-area"] == area && $0["data-column"] == indicator })
        }
        func fills(_ element: Element) -> [String] { element.all.compactMap { $0["fill"] } }
        func tooltip(_ element: Element) -> String? { element.children.first { $0.name == "title" }?.text }
        // A6 has no carers figure: hatched as missing, with a dash, and the tooltip says so.
        let missing = try cell("A6", "carers")
        #expect(fills(missing).contains("url(#by-indicator-missing)"))
        #expect(tooltip(missing) == "South Three: Carers: no value")
        // The unavailable indicator: every cell missing, with the reason.
        let unavailable = try cell("A1", "wellbeing")
        #expect(fills(unavailable).contains("url(#by-indicator-missing)"))
        #expect(tooltip(unavailable) == "North One: Wellbeing: not available: No source this year")
        // Pay is a district figure: the corner triangle; carers in A1 come from a split ward: the dot.
        #expect(try cell("A1", "pay").all.contains { $0.name == "polygon" })
        #expect(tooltip(try cell("A1", "pay"))?.contains("district figure (inherited)") == true)
        #expect(try cell("A1", "carers").all.contains { $0.name == "circle" })
        #expect(!(try cell("A3", "carers").all.contains { $0.name == "circle" }))
        #expect(!(try cell("A1", "fuel-poverty").all.contains { $0.name == "polygon" || $0.name == "circle" }))
    }

    @Test func anUnavailableIndicatorSaysWhy() throws {
        let html = try String(contentsOfFile: Self.fixture.report + "/indicators/wellbeing.html", encoding: .utf8)
        #expect(html.contains("<strong>Not available in this release.</strong> No source this year"))
        #expect(!html.contains("class=\"dots\""))
        let area = try String(contentsOfFile: Self.fixture.report + "/areas/A1.html", encoding: .utf8)
        #expect(area.contains("Not available: No source this year"))
    }

    @Test func indicatorPagesListEveryAreaFromTheGreatestNeedWithIntervals() throws {
        let release = Self.sample.release
        let needs = try release.indicatorNeeds().filter { $0.indicatorId == "fuel-poverty" }
        let names = Dictionary(uniqueKeysWithValues: try release.areas().map { ($0.code, $0.name) })
        let page = try Self.sample.page("indicators/fuel-poverty.html")
        let table = try #require(page.elements(named: "table").last)
        let rows = table.elements(named: "tr").dropFirst()
        let listed = rows.compactMap { $0.elements(named: "a").first?.text }
        let byNeed = needs.sorted { ($0.needRank ?? .max, $0.areaCode) < ($1.needRank ?? .max, $1.areaCode) }.map { names[$0.areaCode]! }
        #expect(listed == byNeed)
        // Rates carry their Wilson intervals: one line with caps per area in the chart.
        let chart = try #require(page.elements(named: "svg").first { $0["class"] == "dots" })
        #expect(chart.elements(named: "line").filter { $0["stroke-width"] == "1.5" && $0["stroke-dasharray"] == nil }.count == 34 * 3)
        let html = try String(contentsOfFile: Self.sample.report + "/indicators/fuel-poverty.html", encoding: .utf8)
        for text in ["95% confidence interval", "Higher is worse", "<code>rate</code>", "fuel-poverty-lsoa11-SYNTHETIC.csv", "<dd>2020</dd>"] {
            #expect(html.contains(text), "\(text)")
        }
        #expect(html.contains("lines are 95% confidence intervals (Wilson score)"))
        // A weighted mean has no intervals.
        let mean = try String(contentsOfFile: Self.sample.report + "/indicators/neighbourhood-needs.html", encoding: .utf8)
        #expect(!mean.contains("95% confidence interval"))
        // Life expectancy: the life table's intervals, said so, and what its notes say.
        let life = try String(contentsOfFile: Self.sample.report + "/indicators/life-expectancy-male.html", encoding: .utf8)
        for text in ["lines are 95% confidence intervals (from the life table: Chiang&#39;s variance, Silcocks&#39; for the last band)",
                     "Higher is better", "<code>life-expectancy</code>", "deaths-by-age-lsoa21-SYNTHETIC.csv",
                     "The deaths and populations are SYNTHETIC"] {
            #expect(life.contains(text), "\(text)")
        }
    }

    @Test func lifeExpectancyPagesListEachAreasInterval() throws {
        let release = Self.sample.release
        let names = Dictionary(uniqueKeysWithValues: try release.areas().map { ($0.name, $0.code) })
        for id in ["life-expectancy-male", "life-expectancy-female", "disability-free-life-expectancy-male", "disability-free-life-expectancy-female"] {
            let needs = Dictionary(uniqueKeysWithValues: try release.indicatorNeeds().filter { $0.indicatorId == id }.map { ($0.areaCode, $0) })
            let page = try Self.sample.page("indicators/\(id).html")
            let table = try #require(page.elements(named: "table").last)
            let headings = table.elements(named: "th").map(\.text)
            let column = try #require(headings.firstIndex(of: "95% confidence interval"))
            let valueColumn = try #require(headings.firstIndex(of: "Value (years)"))
            var checked = 0
            for row in table.elements(named: "tr").dropFirst() {
                let name = try #require(row.elements(named: "a").first?.text)
                let code = try #require(names[name])
                let need = try #require(needs[code])
                // The row's cells, the area's th among them, as the headings are.
                let cells = row.children.filter { $0.name == "td" || $0.name == "th" }.map(\.text)
                let value = try #require(need.value), lower = try #require(need.ciLower), upper = try #require(need.ciUpper)
                #expect(lower < value && value < upper && upper - lower < 3, "\(id) \(need.areaCode)")
                #expect(cells[valueColumn] == String(format: "%.1f", value), "\(id): \(cells[valueColumn])")
                #expect(cells[column] == String(format: "%.1f to %.1f", lower, upper), "\(id): \(cells[column])")
                checked += 1
            }
            #expect(checked == 34)
            // One interval line with two caps per area in the chart.
            let chart = try #require(page.elements(named: "svg").first { $0["class"] == "dots" })
            #expect(chart.elements(named: "line").filter { $0["stroke-width"] == "1.5" && $0["stroke-dasharray"] == nil }.count == 34 * 3)
        }
    }

    @Test func areaPagesGiveEachFigureItsIntervalInWordsAndOnTheSpine() throws {
        let release = Self.sample.release
        let indicators = try release.indicators()
        let needs = try release.indicatorNeeds()
        var withInterval = 0, without = 0
        for area in try release.areas().prefix(4) {
            let page = try Self.sample.page("areas/\(area.code).html")
            let table = try #require(page.elements(named: "table").first { $0["class"] == "spines" })
            for indicator in indicators where indicator.available {
                let need = try #require(needs.first { $0.areaCode == area.code && $0.indicatorId == indicator.id })
                let row = try #require(table.elements(named: "tr").first { $0.elements(named: "a").first?["href"] == "../indicators/\(indicator.id).html" })
                let cell = try #require(row.elements(named: "td").first)
                let spine = try #require(row.elements(named: "svg").first { $0["class"] == "spine" })
                let drawn = spine.all.first { $0["class"] == "interval" }
                let format = ValueFormat(indicator: indicator, values: needs.filter { $0.indicatorId == indicator.id }.compactMap(\.value))
                let value = try #require(need.value)
                if let lower = need.ciLower, let upper = need.ciUpper {
                    // "14.5% (13.9% to 15.1%)": the value, then its interval in brackets.
                    #expect(cell.text == "\(format.compact(value)) (\(format.compact(lower)) to \(format.compact(upper)))", "\(indicator.id): \(cell.text)")
                    #expect(drawn?.elements(named: "line").count == 3, "\(indicator.id): a line and two caps")
                    #expect(spine["aria-label"]?.contains("95% confidence interval") == true)
                    withInterval += 1
                } else {
                    #expect(cell.text == format.compact(value), "\(indicator.id): \(cell.text)")
                    #expect(drawn == nil, "\(indicator.id)")
                    without += 1
                }
            }
        }
        #expect(withInterval > 0 && without > 0)
    }

    @Test func areaPagesShowObjectivesSpinesAndAdvice() throws {
        let release = Self.sample.release
        let area = try #require(try release.areas().first)
        let page = try Self.sample.page("areas/\(area.code).html")
        let spines = page.elements(named: "svg").filter { $0["class"] == "spine" }
        #expect(spines.count == 20)
        // The advice lists the objectives in order of the area's need.
        let advice = try FrameworkAdvisor(release: release).advice(forArea: area.code)
        let list = try #require(page.elements(named: "ol").first { $0["class"] == "advice" })
        let headings = list.elements(named: "h3").map(\.text)
        #expect(headings.count == 5)
        for (heading, objective) in zip(headings, advice.objectives) {
            #expect(heading.hasSuffix(objective.title), "\(heading)")
        }
        let measures = list.elements(named: "li").filter { $0.parent?.name == "ul" }.count
        #expect(measures == (try release.framework().count))
    }

    /// The fixture's `neet` is published for the county only: on the area page it reads
    /// "not ranked: county figure" with the figure and no spine chart, in the figure table
    /// as a grey cell marked C, on its own page likewise; never "no value", never "district".
    @Test func aCountyFigureReadsAsOneOnEveryPage() throws {
        let reported = Self.fixture
        let area = try reported.page("areas/A2.html")
        let row = try #require(area.elements(named: "tr").first { $0.elements(named: "a").first?.text.hasPrefix("Young people not in") == true })
        #expect(row.elements(named: "td").first?.text == "6.40%")
        #expect(row.text.contains("not ranked: county figure"), "\(row.text)")
        #expect(row.text.contains("the same for every"), "\(row.text)")
        #expect(!row.text.contains("district") && !row.text.contains("no value") && !row.text.contains("no rank"), "\(row.text)")
        #expect(!row.all.contains { $0["class"] == "spine" })

        let overview = try reported.page("index.html")
        let cell = try #require(overview.elements(named: "td").first { $0["class"]?.contains("county-figure") == true })
        #expect(cell.text == "6.40%C", "\(cell.text)")
        #expect(cell["style"]?.contains("background: #E3E3E3") == true)

        let indicator = try String(contentsOfFile: reported.report + "/indicators/neet.html", encoding: .utf8)
        #expect(indicator.contains("not ranked: county figure"))
        #expect(!indicator.contains("district figure (inherited)"))
        #expect(!indicator.contains("not ranked: no data"))
    }

    /// Vintages recorded as ISO periods read as a person writes them wherever the report
    /// shows one; the indicator's page also gives the recorded form.
    @Test func vintagesReadAsAReaderWritesThem() throws {
        let reported = Self.fixture
        let raw = "2024-09-01/P1Y"
        let area = try String(contentsOfFile: reported.report + "/areas/A1.html", encoding: .utf8)
        #expect(area.contains("2024/25") && !area.contains(raw))
        let overview = try String(contentsOfFile: reported.report + "/index.html", encoding: .utf8)
        // In the heatmap's tooltip and the figure table's heading.
        #expect(overview.contains("6.40% (2024/25)"))
        #expect(overview.contains("<span class=\"flags\">2024/25</span>"))
        #expect(!overview.contains(raw))
        let indicator = try String(contentsOfFile: reported.report + "/indicators/neet.html", encoding: .utf8)
        #expect(indicator.contains("<dt>Vintage</dt><dd>2024/25 <span class=\"small\">(recorded as <code>\(raw)</code>)</span></dd>"))
        // A vintage written for people stays as written.
        let carers = try String(contentsOfFile: reported.report + "/indicators/carers.html", encoding: .utf8)
        #expect(carers.contains("<dt>Vintage</dt><dd>2021</dd>"))
    }
}
