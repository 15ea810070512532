import AreaNeedsCore
import AreaNeedsMethods
@testable import AreaNeedsReport
import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// An area whose figure the method withholds (a life expectancy over 5,000 person-years or
/// fewer) says why wherever its figure would be: on its own page, on the indicator's page and
/// chart, and in the overview's table. Never a 0, never a blank.
@Suite("A suppressed figure, and why")
struct SuppressedFigureTests {
    /// The fixture project with a life expectancy from deaths by age band: areas A1-A5 have
    /// PHEindicatormethods' `df1` populations (about 790,000 person-years) with more or fewer
    /// deaths; A6 has about 3,000 person-years, too few for a figure.
    static let reported: ReportedRelease = {
        let project = FixtureProject()
        project.write("data-raw/sources/deaths.csv", deaths)
        project.write("pipelines/test.yml", FixtureProject.pipeline + indicator)
        let root = NSTemporaryDirectory() + "areaneeds-report-suppressed-" + UUID().uuidString
        try! FileManager.default.moveItem(atPath: project.root, toPath: root)
        return try! ReportedRelease(pipeline: try! Pipeline.load(path: root + "/pipelines/test.yml"), root: root)
    }()

    static let indicator = """
          - id: life-expectancy-male
            title: Life expectancy at birth (males)
            objective: 4
            polarity: higher-is-better
            unit: years
            vintage: 2018-22
            aggregation: life-expectancy
            source:
              file: ../data-raw/sources/deaths.csv
              geography: lsoa11
              area-code: LSOA code
              age-band: Age band
              deaths: Deaths
              population: Person-years

        """

    /// `df1` of PHEindicatormethods' tests/testthat/testLifeExpectancy.R, and "Area 2" of its
    /// `df_widecis_plus`, halved, for the small area.
    static let population: [Double] = [
        7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601,
        50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936,
    ]
    static let deathCounts: [Double] = [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937]
    static let smallPopulation: [Double] = [270, 235, 246, 248, 243, 238, 246, 257, 261, 355, 350, 356, 346, 339, 337, 337, 333, 323, 311, 311]
    static let smallDeaths: [Double] = [17, 9, 4, 8, 20, 15, 24, 33, 50, 51, 10, 16, 26, 30, 36, 22, 13, 5, 6, 1]

    /// Rows for LSOAs L<a>1-L<a>3 of each area, each band's counts in thirds (the last third
    /// taking what rounding leaves).
    static var deaths: String {
        let labels = AgeBandScheme.bandLabels
        var text = "LSOA code,Age band,Deaths,Person-years\n"
        for area in 1...6 {
            for band in labels.indices {
                let people = area == 6 ? (smallPopulation[band] / 2).rounded() : population[band]
                let died = area == 6 ? min((smallDeaths[band] / 2).rounded(.up), people) : (deathCounts[band] * (0.7 + 0.15 * Double(area))).rounded()
                let peopleThird = (people / 3).rounded(.down), diedThird = (died / 3).rounded(.down)
                for n in 1...3 {
                    let p = n < 3 ? peopleThird : people - 2 * peopleThird, d = n < 3 ? diedThird : died - 2 * diedThird
                    text += "L\(area)\(n),\(labels[band]),\(Int(d)),\(Int(p))\n"
                }
            }
        }
        return text
    }

    static let reason = "suppressed: total population 2,977 is 5,000 or less"

    @Test func theReleaseSaysWhy() throws {
        let needs = try Self.reported.release.indicatorNeeds().filter { $0.indicatorId == "life-expectancy-male" }
        let small = try #require(needs.first { $0.areaCode == "A6" })
        #expect(small.value == nil && small.ciLower == nil)
        #expect(small.valueMissingReason == Self.reason)
        #expect(needs.filter { $0.areaCode != "A6" }.allSatisfy { $0.value != nil && $0.ciLower != nil && $0.valueMissingReason.isEmpty })
    }

    @Test func theAreasPageGivesTheReasonInPlaceOfTheValue() throws {
        let page = try Self.reported.page("areas/A6.html")
        let rows = try CountyComparisonTests().spineRows(page)
        let row = try #require(rows["life-expectancy-male"])
        let value = try #require(row.elements(named: "td").first)
        #expect(value.text == "– " + Self.reason)
        // No marker and no interval on the spine.
        let spine = try #require(row.elements(named: "svg").first { $0["class"] == "spine" })
        #expect(!spine.all.contains { $0["class"] == "area" || $0["class"] == "interval" })
        #expect(spine["aria-label"]?.contains("no value (\(Self.reason))") == true)
        // An area with a figure: its value and interval, as "79.4 (78.1 to 80.7)".
        let other = try #require(try CountyComparisonTests().spineRows(try Self.reported.page("areas/A1.html"))["life-expectancy-male"])
        let text = try #require(other.elements(named: "td").first?.text)
        #expect(text.wholeMatch(of: /\d\d\.\d \(\d\d\.\d to \d\d\.\d\)/) != nil, "\(text)")
    }

    @Test func theIndicatorsPageAndChartGiveTheReason() throws {
        let page = try Self.reported.page("indicators/life-expectancy-male.html")
        let table = try #require(page.elements(named: "table").last)
        let names = Dictionary(uniqueKeysWithValues: try Self.reported.release.areas().map { ($0.code, $0.name) })
        let row = try #require(table.elements(named: "tr").first { $0.elements(named: "a").first?.text == names["A6"] })
        let cells = row.elements(named: "td").map(\.text)
        #expect(!cells.contains("0") && !cells.contains(""))
        #expect(cells.last?.hasPrefix(Self.reason) == true, "\(cells)")
        let chart = try #require(page.elements(named: "svg").first { $0["class"] == "dots" })
        let entry = try #require(chart.elements(named: "g").first { $0.elements(named: "title").first?.text.hasPrefix(names["A6"]!) == true })
        #expect(entry.text.contains("no value (\(Self.reason))"))
        #expect(entry.elements(named: "title").first?.text.hasSuffix("no value (\(Self.reason))") == true)
    }

    @Test func theOverviewsTableGivesTheReason() throws {
        let page = try Self.reported.page("index.html")
        let heading = try #require(page.all.first { $0["id"] == "figures-4" })
        let siblings = try #require(heading.parent?.children)
        let index = try #require(siblings.firstIndex { $0 === heading })
        let table = try #require(siblings[(index + 1)...].first { $0.name == "div" }?.elements(named: "table").first)
        let names = Dictionary(uniqueKeysWithValues: try Self.reported.release.areas().map { ($0.code, $0.name) })
        let row = try #require(table.elements(named: "tr").first { $0.elements(named: "a").first?.text == names["A6"] })
        let cell = try #require(row.elements(named: "td").first)
        #expect(cell.text == "–no value (\(Self.reason))")
        #expect(cell["class"]?.contains("missing") == true)
    }
}

extension AgeBandScheme {
    /// The standard bands' labels: 0, 1-4, 5-9, ..., 85-89, 90+.
    fileprivate static var bandLabels: [String] { standard.bands.map(\.label) }
}
