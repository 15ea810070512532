@testable import AreaNeedsReport
import AreaNeedsRelease
import Foundation
import Testing

/// Nothing on the overview is hover-only: every figure is listed, on its quintile's colour,
/// in the tables by objective; stand-ins and rank-valued figures say what they are; and an
/// objective with no ranked indicator reads "not ranked: no data", never coloured.
@Suite("The figures, listed")
struct FigureTableTests {
    static let viridis = AreaReportTests.viridis

    @Test func theLegendsAskForNoPointer() throws {
        for reported in [ReportedRelease.sample, ReportedRelease.fixture] {
            // What a reader sees (the style sheet's `a:hover` aside).
            let body = try #require(try reported.page("index.html").elements(named: "body").first)
            #expect(!body.text.lowercased().contains("hover"))
        }
    }

    @Test func everyAreasFigureIsListedOnItsQuintilesColour() throws {
        let reported = ReportedRelease.sample
        let release = reported.release
        let page = try reported.page("index.html")
        let areaNames = Dictionary(uniqueKeysWithValues: try release.areas().map { ($0.name, $0.code) })
        let needs = Dictionary(uniqueKeysWithValues: try release.indicatorNeeds().map { ($0.areaCode + "|" + $0.indicatorId, $0) })
        let indicators = try release.indicators()
        var checked = 0
        for objective in try release.objectives() {
            let heading = try #require(page.all.first { $0["id"] == "figures-\(objective.id)" })
            #expect(heading.text.hasPrefix("\(objective.id). ") && heading.text.hasSuffix(objective.title))
            // The table follows its heading, inside the same disclosure.
            let siblings = try #require(heading.parent?.children)
            let index = try #require(siblings.firstIndex { $0 === heading })
            let table = try #require(siblings[(index + 1)...].first { $0.name == "div" }?.elements(named: "table").first)
            let columns = indicators.filter { $0.objectiveId == objective.id && $0.available }
            // Each heading: the whole title, then the unit and vintage.
            let titles = table.elements(named: "thead").first?.elements(named: "th").dropFirst().map(\.text)
            #expect(titles?.count == columns.count)
            for (title, indicator) in zip(titles ?? [], columns) {
                #expect(title.hasPrefix(indicator.title), "\(title)")
            }
            for row in table.elements(named: "tr") {
                guard let name = row.elements(named: "a").first?.text, let code = areaNames[name] else { continue }
                let cells = row.elements(named: "td")
                #expect(cells.count == columns.count)
                for (cell, indicator) in zip(cells, columns) {
                    let need = try #require(needs[code + "|" + indicator.id])
                    let value = try #require(need.value)
                    // The figure as the heatmap's tooltip has it, and the quintile beside it.
                    let note = cell.elements(named: "span").first { $0["class"] == "cell-note" }?.text ?? ""
                    #expect(cell.text.hasSuffix(note))
                    let figure = String(cell.text.dropLast(note.count))
                    let number = Double(figure.filter { !",£%".contains($0) })
                    // Rounded to the decimals shown.
                    let decimals = figure.split(separator: ".").dropFirst().first.map { $0.filter(\.isNumber).count } ?? 0
                    let tolerance = 0.5 * pow(10, -Double(decimals)) + 1e-9
                    #expect(number.map { abs($0 - value) <= tolerance } == true, "\(name) \(indicator.id): \(figure) for \(value)")
                    #expect(note.hasPrefix(String(try #require(need.needQuintile))), "\(name) \(indicator.id): \(note)")
                    #expect(cell["style"]?.contains("background: \(Self.viridis[need.needQuintile!]!)") == true, "\(name) \(indicator.id)")
                    checked += 1
                }
            }
        }
        #expect(checked == 34 * 20)
    }

    @Test func theCountysFigureLeadsEachTable() throws {
        let page = try ReportedRelease.sample.page("index.html")
        let heading = try #require(page.all.first { $0["id"] == "figures-5" })
        let siblings = try #require(heading.parent?.children)
        let index = try #require(siblings.firstIndex { $0 === heading })
        let table = try #require(siblings[(index + 1)...].first { $0.name == "div" }?.elements(named: "table").first)
        let county = try #require(table.elements(named: "tr").first { $0["class"] == "county" })
        // Households with no central heating 1.63%, in fuel poverty 14.5% (indicators.csv county_value).
        #expect(county.elements(named: "td").map(\.text) == ["1.63%", "14.5%"])
    }

    @Test func standInsAndRanksSayWhatTheyAre() throws {
        let reported = ReportedRelease.fixture
        let overview = try reported.page("index.html")
        // The heatmap: a ring in every stand-in cell, none elsewhere, and a key to it.
        let heatmap = try #require(overview.elements(named: "svg").first { $0["id"] == "by-indicator" })
        for cell in heatmap.elements(named: "g") where cell["class"] == "cell" {
            let ring = cell.all.contains { $0["class"] == "proxy" }
            #expect(ring == (cell["data-column"] == "deprivation"), "\(cell["data-area"] ?? "") \(cell["data-column"] ?? "")")
            if cell["data-column"] == "deprivation", cell["data-area"] == "A1" {
                let title = cell.children.first { $0.name == "title" }?.text ?? ""
                #expect(title.contains("average rank 27,645 of 32,844 (higher = more deprived)"), "\(title)")
                #expect(title.contains("stand-in for Wellbeing"), "\(title)")
            }
        }
        let legend = try #require(overview.elements(named: "ul").first { $0["class"] == "legend" })
        #expect(legend.text.contains("stand-in: a proxy for a measure with no source of its own (P)"))
        // The table: the rank as "of" the national count, with the P mark; the heading says what the figures are.
        let table = try #require(overview.all.first { $0["id"] == "figures-3" }.flatMap { heading in
            heading.parent?.children.drop { $0 !== heading }.first { $0.name == "div" }?.elements(named: "table").first
        })
        #expect(table.elements(named: "th").contains { $0.text.contains("average rank of 32,844 (higher = more deprived)") })
        let northOne = try #require(table.elements(named: "tr").first { $0.elements(named: "a").first?.text == "North One" })
        // The cell's text is the figure, then its note: quintile 1, mark P.
        #expect(northOne.elements(named: "td").contains { $0.text == "27,645 of 32,844" + "1 P" }, "\(northOne.elements(named: "td").map(\.text))")

        // The area page: the stand-in said under the title, the figure as a rank of the national count.
        let area = try reported.page("areas/A1.html")
        let row = try #require(area.elements(named: "tr").first { $0.elements(named: "a").first?.text.hasPrefix("Deprivation") == true })
        #expect(row.text.contains("stand-in for Wellbeing"))
        #expect(row.text.contains("IoD 2019 · average rank of 32,844 (higher = more deprived)"))
        #expect(row.elements(named: "td").first?.text == "27,645 of 32,844")
        // The indicator page: what it stands in for, as written, and the quality.
        let html = try String(contentsOfFile: reported.report + "/indicators/deprivation.html", encoding: .utf8)
        #expect(html.contains("<dt>Stand-in</dt><dd>Stand-in for Wellbeing. Its figures have quality <code>proxy</code>.</dd>"))
        #expect(html.contains("<dt>Unit</dt><dd>average rank of 32,844 (higher = more deprived)</dd>"))
    }

    @Test func unrankedObjectivesReadNotRankedNoData() throws {
        let reported = ReportedRelease.fixture
        // Objectives 1 and 4 have no indicator in the fixture: unranked in every area.
        let area = try reported.page("areas/A1.html")
        let table = try #require(area.elements(named: "table").first)
        for row in table.elements(named: "tr").dropFirst() {
            let title = row.elements(named: "th").first?.text ?? ""
            let unranked = title.hasPrefix("1. ") || title.hasPrefix("4. ")
            #expect((row["class"] == "unranked") == unranked, "\(title)")
            if unranked {
                let cell = try #require(row.elements(named: "td").first)
                #expect(cell["class"] == "unranked" && cell.text.hasPrefix("not ranked: no data"), "\(cell.text)")
                // Never coloured as a quintile.
                #expect(!row.all.contains { $0["class"] == "quintile" })
            }
        }
        // The overview's objective table says it in italics, on white.
        let overview = try reported.page("index.html")
        let cells = overview.elements(named: "td").filter { $0["class"] == "unranked" }
        #expect(cells.count == 6 * 2)
        #expect(cells.allSatisfy { $0.text == "not ranked: no data" && $0["style"] == nil })
        let legend = try #require(overview.elements(named: "ul").filter { $0["class"] == "legend" }.last)
        #expect(legend.text.contains("not ranked: no data"))
    }
}
