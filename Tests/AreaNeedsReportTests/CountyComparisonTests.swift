import AreaNeedsCore
import AreaNeedsMethods
@testable import AreaNeedsReport
import AreaNeedsRelease
import Foundation
import Testing

/// The comparison with the county on the pages: each area's spine marker shaped and
/// coloured by `compared_with_county`, the county's figure on the spine and in the table,
/// a key to the markers, and each area's comparison on the indicator pages.
@Suite("Compared with the county")
struct CountyComparisonTests {
    /// The markers, written out here rather than taken from the code: Okabe-Ito vermillion,
    /// yellow and blue, each with its own shape; a hollow grey-edged circle when not compared.
    static let markers: [String: (shape: String, fill: String, stroke: String)] = [
        "worse": ("circle", "#D55E00", "#1B1B1B"),
        "similar": ("polygon", "#F0E442", "#1B1B1B"),
        "better": ("rect", "#0072B2", "#1B1B1B"),
        "": ("circle", "#FFFFFF", "#6E6E6E"),
    ]

    /// The spine table's rows of an area page, by indicator id.
    func spineRows(_ page: Element) throws -> [String: Element] {
        let table = try #require(page.elements(named: "table").first { $0["class"] == "spines" })
        var rows: [String: Element] = [:]
        for row in table.elements(named: "tr") {
            guard let href = row.elements(named: "a").first?["href"], href.hasPrefix("../indicators/") else { continue }
            rows[String(href.dropFirst("../indicators/".count).dropLast(".html".count))] = row
        }
        return rows
    }

    @Test(arguments: ["sample", "fixture"])
    func spineMarkersFollowTheComparison(which: String) throws {
        let reported = which == "sample" ? ReportedRelease.sample : ReportedRelease.fixture
        let release = reported.release
        let indicators = Dictionary(uniqueKeysWithValues: try release.indicators().map { ($0.id, $0) })
        let allNeeds = try release.indicatorNeeds()
        let needs = Dictionary(grouping: allNeeds, by: \.areaCode)
        var seen: [String: Int] = [:]
        for area in try release.areas() {
            let rows = try spineRows(try reported.page("areas/\(area.code).html"))
            for need in needs[area.code] ?? [] {
                let indicator = try #require(indicators[need.indicatorId])
                // A county figure (published for the county only) has no spread, so no chart.
                guard indicator.available, !DataFlags.isCountyOnly(indicator) else { continue }
                let row = try #require(rows[need.indicatorId], "\(area.code) \(need.indicatorId)")
                let spine = try #require(row.elements(named: "svg").first { $0["class"] == "spine" })
                let marker = spine.all.first { $0["class"] == "area" }?.children.first
                guard need.value != nil else {
                    #expect(marker == nil, "\(area.code) \(need.indicatorId): no value, no marker")
                    continue
                }
                let compared = need.comparedWithCounty.map(ReleaseText.text) ?? ""
                let expected = try #require(Self.markers[compared], "\(compared)")
                #expect(marker?.name == expected.shape, "\(area.code) \(need.indicatorId) \(compared)")
                #expect(marker?["fill"] == expected.fill, "\(area.code) \(need.indicatorId) \(compared)")
                #expect(marker?["stroke"] == expected.stroke, "\(area.code) \(need.indicatorId)")
                seen[compared, default: 0] += 1
                // The comparison in words in the county column, beside the county's figure.
                let county = try #require(row.elements(named: "td").first { $0["class"] == "county" })
                let word = compared.isEmpty ? "not compared" : compared
                #expect(county.text.hasSuffix(word), "\(area.code) \(need.indicatorId): \(county.text)")
                // The county's own figure on the spine, and in the column.
                let countyMark = spine.all.first { $0["class"] == "county" }
                #expect((countyMark != nil) == (indicator.countyValue != nil), "\(need.indicatorId)")
                if let value = indicator.countyValue {
                    let values = allNeeds.filter { $0.indicatorId == indicator.id }.compactMap(\.value)
                    let text = ValueFormat(indicator: indicator, values: values).compact(value)
                    #expect(county.text.hasPrefix(text), "\(need.indicatorId): \(county.text) should start \(text)")
                }
            }
        }
        if which == "sample" {
            // Every kind of marker was drawn and checked.
            #expect(Set(seen.keys) == ["worse", "similar", "better", ""], "\(seen)")
        } else {
            #expect(seen["worse", default: 0] > 0 && seen["", default: 0] > 0, "\(seen)")
        }
    }

    @Test func theMarkersHaveAKey() throws {
        let page = try ReportedRelease.sample.page("areas/SPA01.html")
        let key = try #require(page.elements(named: "ul").first { $0["aria-label"] == "Key to the spine charts" })
        let items = key.elements(named: "li")
        for (comparison, words) in [("worse", "worse than the county (circle)"), ("similar", "similar to the county (diamond)"),
                                    ("better", "better than the county (square)"), ("", "not compared")] {
            let item = try #require(items.first { $0.text.hasPrefix(words) }, "\(words)")
            let expected = try #require(Self.markers[comparison])
            let shape = item.elements(named: "svg").first?.children.first
            #expect(shape?.name == expected.shape && shape?["fill"] == expected.fill, "\(words)")
        }
        #expect(items.contains { $0.text == "the county's own figure" })
    }

    @Test func indicatorPagesGiveEachAreasComparison() throws {
        let release = ReportedRelease.sample.release
        let names = Dictionary(uniqueKeysWithValues: try release.areas().map { ($0.name, $0.code) })
        let needs = Dictionary(uniqueKeysWithValues: try release.indicatorNeeds().filter { $0.indicatorId == "fuel-poverty" }.map { ($0.areaCode, $0) })
        let page = try ReportedRelease.sample.page("indicators/fuel-poverty.html")
        let table = try #require(page.elements(named: "table").last)
        #expect(table.elements(named: "th").contains { $0.text == "Compared with the county" })
        var checked = 0
        for row in table.elements(named: "tr").dropFirst() {
            let name = try #require(row.elements(named: "a").first?.text)
            let code = try #require(names[name])
            let need = try #require(needs[code])
            let words = ComparisonMark(need.comparedWithCounty).word
            #expect(row.elements(named: "span").contains { $0["class"] == "comparison" && $0.text == words }, "\(name): \(words)")
            checked += 1
        }
        #expect(checked == 34)
        let html = try String(contentsOfFile: ReportedRelease.sample.report + "/indicators/fuel-poverty.html", encoding: .utf8)
        #expect(html.contains("The county&#39;s own figure: 14.5%. Against it, by each area&#39;s 95% confidence interval: 15 worse, 2 similar, 17 better, 0 not compared."))
        // The dot chart marks the county's figure too.
        let chart = try #require(page.elements(named: "svg").first { $0["class"] == "dots" })
        #expect(chart.all.contains { $0["class"] == "county" })
    }

    @Test func lifeExpectanciesAreComparedWithTheCountyByTheirIntervals() throws {
        let release = ReportedRelease.sample.release
        let indicators = try release.indicators()
        let needs = try release.indicatorNeeds()
        for id in ["life-expectancy-male", "life-expectancy-female", "disability-free-life-expectancy-male", "disability-free-life-expectancy-female"] {
            let indicator = try #require(indicators.first { $0.id == id })
            let county = try #require(indicator.countyValue)
            var tally: [CountyComparison: Int] = [:]
            for need in needs where need.indicatorId == id {
                let lower = try #require(need.ciLower), upper = try #require(need.ciUpper)
                // Better (higher is better) only when the whole interval lies above the county's figure.
                let expected: CountyComparison = lower > county ? .better : upper < county ? .worse : .similar
                #expect(need.comparedWithCounty == expected, "\(id) \(need.areaCode): \(lower) to \(upper) against \(county)")
                tally[expected, default: 0] += 1
            }
            // The synthetic deprived areas live shorter lives: some worse, some better, some similar.
            #expect(tally[.worse, default: 0] > 0 && tally[.better, default: 0] > 0 && tally[.similar, default: 0] > 0, "\(id): \(tally)")
            let html = try String(contentsOfFile: ReportedRelease.sample.report + "/indicators/\(id).html", encoding: .utf8)
            #expect(html.contains(String(format: "The county&#39;s own figure: %.1f years. Against it, by each area&#39;s 95%% confidence interval: %d worse, %d similar, %d better, 0 not compared.",
                                         county, tally[.worse, default: 0], tally[.similar, default: 0], tally[.better, default: 0])), "\(id)")
        }
    }

    @Test func eachComparisonHasItsMark() {
        #expect(ComparisonMark(.worse) == .worse && ComparisonMark(.similar) == .similar && ComparisonMark(.better) == .better)
        #expect(ComparisonMark(nil) == .notCompared)
        #expect(ComparisonMark.worse.words == "worse than the county")
        #expect(ComparisonMark.allCases.map(\.word) == ["worse", "similar", "better", "not compared"])
    }
}
