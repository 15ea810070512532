@testable import AreaNeedsReport
import Foundation
import Testing

/// The heatmaps' labels: whole, wrapped, angled and spaced so that no two touch; objective
/// names on the bands; and on the overview, every indicator's whole title.
@Suite("Heatmap labels")
struct HeatmapTests {
    /// The longest title of the real pipeline, and others of its kind.
    static let longTitles = [
        "Geographical and wider barriers, approximated by the IoD 2019 Barriers to Housing and Services domain (average rank)",
        "Children living in poverty, approximated by IoD 2019 income deprivation affecting children (IDACI average rank)",
        "Young people not in employment, education or training",
        "Median annual income",
    ]

    @Test func wrappingKeepsEveryWordInOrder() {
        for title in HeatmapTests.longTitles {
            let lines = TextWidth.wrapped(title, width: 150, fontSize: 11)
            #expect(lines.joined(separator: " ") == title)
            // Each line fits, unless it is a single word longer than the width.
            for line in lines where line.contains(" ") {
                #expect(TextWidth.estimate(line, fontSize: 11) <= 150, "\(line)")
            }
        }
        #expect(TextWidth.wrapped("Supercalifragilistic word", width: 20, fontSize: 11) == ["Supercalifragilistic", "word"])
        #expect(TextWidth.wrapped("", width: 20, fontSize: 11).isEmpty)
    }

    /// Neighbouring labels, one column apart, sit `spacing × sin(angle)` apart across their
    /// lines: that must hold the thickest label's lines and the padding between labels.
    func expectNoOverlap(_ layout: ColumnLabelLayout, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = Double(layout.lines.map(\.count).max() ?? 1)
        let across = layout.spacing * sin(layout.angle * .pi / 180)
        #expect(across + 1e-9 >= ColumnLabelLayout.thickness(lines: lines), "\(layout.angle)°, spacing \(layout.spacing)",
                sourceLocation: sourceLocation)
        #expect((ColumnLabelLayout.shallowest...90).contains(layout.angle), sourceLocation: sourceLocation)
    }

    @Test func shortLabelsKeepTheShallowAngleAndTheColumnWidth() {
        let layout = ColumnLabelLayout(labels: ["Carers", "Median pay"], spacing: 28)
        #expect(layout.lines == [["Carers"], ["Median pay"]])
        #expect(layout.angle == ColumnLabelLayout.shallowest)
        #expect(layout.spacing == 28)
        expectNoOverlap(layout)
    }

    @Test func twoLineLabelsStandSteeperOrWider() {
        let layout = ColumnLabelLayout(labels: ["Young people not in employment, education or training and more words still",
                                                "Carers"], spacing: 28)
        #expect(layout.lines.map(\.count).max() == 2)
        #expect(layout.angle > ColumnLabelLayout.shallowest)
        expectNoOverlap(layout)
        // Wide columns leave room for two lines at the shallowest angle.
        let wide = ColumnLabelLayout(labels: layout.lines.map { $0.joined(separator: " ") }, spacing: 60)
        #expect(wide.lines == layout.lines)
        #expect(wide.angle == ColumnLabelLayout.shallowest)
        #expect(wide.spacing == 60)
        expectNoOverlap(wide)
    }

    @Test func theLongestRealTitlesAreWholeAndUprightInWiderColumns() {
        let layout = ColumnLabelLayout(labels: HeatmapTests.longTitles, spacing: 28)
        for (lines, title) in zip(layout.lines, HeatmapTests.longTitles) {
            #expect(lines.joined(separator: " ") == title)
            #expect(!lines.joined().contains("…"))
        }
        #expect(layout.lines.map(\.count).max() == 3)
        #expect(layout.angle == 90)
        #expect(layout.spacing > 28)
        expectNoOverlap(layout)
    }

    /// A heatmap of two areas by three indicators, one of them alone in its group.
    func heatmap(columnLabels: [String]) -> HeatmapView {
        let columns = columnLabels.enumerated().map { Heatmap.Column(key: "c\($0.offset)", label: $0.element, title: $0.element) }
        return Heatmap(
            id: "test", description: "test",
            rowGroups: [Heatmap.Group(label: "Dale", title: "Dale", members: [Heatmap.Row(key: "A1", label: "North One"),
                                                                              Heatmap.Row(key: "A2", label: "North Two")])],
            columnGroups: [Heatmap.Group(label: "1. Employment", title: "Objective 1", members: Array(columns.prefix(2))),
                           Heatmap.Group(label: "2. Living standards", title: "Objective 2", members: Array(columns.dropFirst(2)))]
        ) { _, _ in Heatmap.Cell(quintile: 1, text: "1", tooltip: "") }.view
    }

    @Test func columnLabelsAreDrawnWholeLineByLine() throws {
        let view = heatmap(columnLabels: HeatmapTests.longTitles.prefix(3).map { $0 })
        #expect(view.columns.map { $0.lines.map(\.text).joined(separator: " ") } == Array(HeatmapTests.longTitles.prefix(3)))
        // Every line of a label starts on its own baseline, turned about the column's anchor.
        for column in view.columns {
            #expect(Set(column.lines.map(\.y)).count == column.lines.count)
            #expect(column.transform.hasPrefix("rotate(-90 "))
        }
        // The labels stay inside the chart.
        let width = try #require(Double(view.width))
        let lastCell = view.cells.map { (Double($0.x) ?? 0) + (Double($0.width) ?? 0) }.max() ?? 0
        #expect(width >= lastCell)
    }

    @Test func bandsCarryTheObjectiveNamesAndANarrowBandIsWidened() {
        let view = heatmap(columnLabels: ["Carers", "Median pay", "Fuel"])
        #expect(view.bands.map { $0.lines.map(\.text).joined(separator: " ") } == ["1. Employment", "2. Living standards"])
        // The one-column band is wider than a cell, enough for its longest word in bold.
        let narrow = view.bands[1]
        let needed = TextWidth.estimate("standards", fontSize: Heatmap.labelFont) * TextWidth.bold
        #expect((Double(narrow.width) ?? 0) >= needed)
        #expect((Double(narrow.width) ?? 0) > Heatmap.cellWidth)
        // Its cells are as wide as the band.
        let fuel = view.cells.filter { $0.column == "c2" }
        #expect(fuel.allSatisfy { $0.width == narrow.width && $0.x == narrow.x })
    }

    @Test func theOverviewDrawsEveryTitleWholeAndNamesTheObjectives() throws {
        for reported in [ReportedRelease.sample, ReportedRelease.fixture] {
            let release = reported.release
            let page = try reported.page("index.html")
            let svg = try #require(page.elements(named: "svg").first { $0["id"] == "by-indicator" })
            let labels = svg.elements(named: "text").filter { $0["class"] == "column-label" }
                .map { $0.elements(named: "tspan").map(\.text).joined(separator: " ") }
            let indicators = try release.indicators()
            #expect(Set(labels) == Set(indicators.map(\.title)))
            #expect(!svg.all.contains { $0.text.contains("…") }, "nothing is cut with an ellipsis")
            // The bands carry "<id>. <name>", wrapped.
            let bands = svg.elements(named: "text").filter { $0["class"] == "band-label" }
                .map { $0.elements(named: "tspan").map(\.text).joined(separator: " ") }
            let objectives = try release.objectives().filter { objective in indicators.contains { $0.objectiveId == objective.id } }
            #expect(bands == objectives.map { "\($0.id). \(ReportData.name(of: $0))" })
            // And the key under the chart gives each objective's full title.
            let key = try #require(page.elements(named: "dl").first { $0["class"] == "key" })
            for objective in try release.objectives() {
                #expect(key.text.contains(objective.title), "\(objective.title)")
            }
        }
        let living = try #require(try ReportedRelease.fixture.release.objectives().first { $0.shortName == "living-standards" })
        #expect(ReportData.name(of: living) == "Living standards")
    }

    /// An indicator published for the county only (the fixture's `neet`): every area carries
    /// the county's figure, not ranked. Its cells are light grey with "C", never the hatch
    /// and dash of a missing value nor the corner of a district figure, and the tooltip and
    /// the legend say "not ranked: county figure".
    @Test func aCountyFigureHasACellOfItsOwn() throws {
        let overview = try ReportedRelease.fixture.page("index.html")
        let heatmap = try #require(overview.elements(named: "svg").first { $0["id"] == "by-indicator" })
        let cells = heatmap.elements(named: "g").filter { $0["data-column"] == "neet" }
        #expect(cells.count == 6)
        for cell in cells {
            #expect(cell["class"] == "cell county")
            let fills = cell.all.compactMap { $0["fill"] }
            #expect(fills.contains(DataFlags.countyFill))
            #expect(!fills.contains("url(#by-indicator-missing)"), "never hatched as missing")
            #expect(!cell.all.contains { $0.name == "polygon" }, "never marked as a district figure")
            #expect(cell.elements(named: "text").first?.text == "C")
            let tooltip = cell.children.first { $0.name == "title" }?.text ?? ""
            #expect(tooltip.contains("6.40% (2024/25)"), "\(tooltip)")
            #expect(tooltip.contains("not ranked: county figure"), "\(tooltip)")
            #expect(!tooltip.contains("district") && !tooltip.contains("no value"), "\(tooltip)")
        }
        // Missing and district cells keep their own looks.
        let missing = try #require(heatmap.all.first { $0["data-area"] == "A6" && $0["data-column"] == "carers" })
        #expect(missing["class"] == "cell")
        #expect(missing.all.contains { $0["fill"] == "url(#by-indicator-missing)" })
        let legend = try #require(overview.elements(named: "ul").first { $0["class"] == "legend" })
        let county = try #require(legend.elements(named: "li").first { $0["class"] == "county" })
        #expect(county.text.contains("not ranked: county figure: published for the county only"), "\(county.text)")
        #expect(county.all.contains { $0["fill"] == DataFlags.countyFill })
        // The count under the legend names them as what they are.
        let count = "6 of \(6 * (try ReportedRelease.fixture.release.indicators().count)) cells are not ranked: county figure"
        #expect(overview.all.contains { $0.name == "p" && $0.text.contains(count) })
        // The sample has no county figure: no such key.
        let sample = try ReportedRelease.sample.page("index.html")
        #expect(!sample.all.contains { $0.name == "li" && $0["class"] == "county" })
        #expect(!sample.all.contains { $0["class"] == "cell county" })
    }
}
