import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// Long and wide tables read as published, end to end on the fixture project (areas A1-A3 in
/// district D1, A4-A6 in D2; LSOAs L<a><n> in area a): rows kept by `where:` and
/// `area-level:`, each area's latest period, sums of rows, the latest period's column,
/// published intervals, county figures, and the errors each can meet.
@Suite("Long and wide tables, end to end")
struct LongTableSourceTests {
    let project = FixtureProject()

    /// Adds `indicator` (YAML at the indicators' indentation) to the fixture pipeline, with
    /// `top` at the top level, and writes `file` as `data-raw/sources/long.csv`.
    func setUp(_ indicator: String, file: String, geography: String = "") {
        project.write("data-raw/sources/long.csv", file)
        var pipeline = FixtureProject.pipeline + indicator
        if !geography.isEmpty {
            pipeline = pipeline.replacingOccurrences(of: "geography:\n  areas:\n", with: "geography:\n\(geography)\n  areas:\n")
        }
        project.write("pipelines/test.yml", pipeline)
    }

    @discardableResult
    func run() throws(AreaNeedsError) -> PipelineRunner.Outcome {
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try PipelineRunner(pipeline: pipeline, logger: logger).run()
    }

    func runError() -> AreaNeedsError? {
        do {
            try run()
            return nil
        } catch {
            return error
        }
    }

    /// The release's rows of one indicator, by area code.
    func needs(_ indicator: String) -> [String: [String: String]] {
        var rows: [String: [String: String]] = [:]
        for row in project.table("data-out/test/latest/indicator_needs.csv") where row["indicator_id"] == indicator {
            rows[row["spa_code"] ?? ""] = row
        }
        return rows
    }

    func indicatorRow(_ id: String) -> [String: String]? {
        project.table("data-out/test/latest/indicators.csv").first { $0["indicator_id"] == id }
    }

    static func indicator(_ id: String, aggregation: String, vintage: String? = nil, source: String) -> String {
        """
          - id: \(id)
            title: \(id)
            objective: 2
            polarity: higher-is-worse
            unit: "%"
        \(vintage.map { "    vintage: \"\($0)\"" } ?? "")
            aggregation: \(aggregation)
            source:
              file: ../data-raw/sources/long.csv
        \(source)

        """
    }

    // MARK: District figures, as Explore Local Statistics publishes them

    /// Every area of the country, region, county and districts, two indicators, three years;
    /// D2 has no 2023 figure of the first indicator.
    static let explore: String = {
        var text = "areacd,areanm,geography,indicator,period,observation,lci_95,uci_95\n"
        let areas = [("K02", "United Kingdom", "Country"), ("E12", "North West", "Region"), ("E10", "Shire", "County"),
                     ("D9", "Elsewhere", "District"), ("D2", "Vale", "District"), ("D1", "Dale", "District")]
        for year in [2022, 2023, 2021] {
            for (index, (code, name, level)) in areas.enumerated() {
                for indicator in ["Poverty after housing costs", "Poverty before housing costs"] {
                    if code == "D2" && year == 2023 && indicator.hasSuffix("after housing costs") { continue }
                    let value = Double(year - 2000) + Double(index) / 10 + (indicator.hasSuffix("before housing costs") ? 50 : 0)
                    text += "\(code),\(name),\(level),\(indicator),\(year)-04-01/P1Y,\(value),\(value - 1),\(value + 1)\n"
                }
            }
        }
        return text
    }()

    static let poverty = indicator("poverty", aggregation: "inherit", source: """
              geography: district
              area-code: areacd
              where: {indicator: Poverty after housing costs}
              period: {column: period, select: latest}
              value: observation
              ci-lower: lci_95
              ci-upper: uci_95
        """)

    @Test func eachDistrictTakesItsLatestRowOfTheIndicatorWithItsInterval() throws {
        setUp(Self.poverty, file: Self.explore)
        let outcome = try run()
        let ingest = try #require(outcome.reports.first { $0.stage == .ingest })
        // 36 rows of the other indicator, and 12 older of this one (two years of six areas, less D2's missing 2023).
        #expect(ingest.counts["rows of other breakdowns, levels or periods (where:, area-level:, period:)"] == 18 + 11)
        let staged = project.stagedTable("data-out/test/staging/ingest/indicator-poverty.staged")
        #expect(staged.map { $0["area_code"] ?? "" } == ["K02", "E12", "E10", "D9", "D2", "D1"])
        #expect(staged.first { $0["area_code"] == "D1" }?["period"] == "2023-04-01/P1Y")
        #expect(staged.first { $0["area_code"] == "D2" }?["period"] == "2022-04-01/P1Y")

        // The country, region, county and other district are outside the areas, not unknown.
        let normalise = try #require(outcome.reports.first { $0.stage == .normalise })
        #expect(normalise.counts["small-area rows outside the areas"] == 4)
        let needs = needs("poverty")
        for area in ["A1", "A2", "A3"] {
            #expect(needs[area]?["value"] == "23.5" && needs[area]?["ci_lower"] == "22.5" && needs[area]?["ci_upper"] == "24.5")
            #expect(needs[area]?["quality"] == "inherited")
        }
        for area in ["A4", "A5", "A6"] { #expect(needs[area]?["value"] == "22.4" && needs[area]?["ci_upper"] == "23.4") }

        // D2's older figure is reported; the vintage is the latest period, and provenance has both.
        #expect(normalise.warnings.contains { $0.contains("indicator poverty: 1 area's latest period") && $0.contains("is older than 2023-04-01/P1Y, the others' latest: D2 (2022-04-01/P1Y)") })
        #expect(indicatorRow("poverty")?["vintage"] == "2023-04-01/P1Y")
        let provenance = try JSONSerialization.jsonObject(with: Data(project.bytes("data-out/test/latest/provenance.json"))) as? [String: Any]
        let source = (provenance?["sources"] as? [[String: Any]])?.first { $0["indicator_id"] as? String == "poverty" }
        #expect(source?["periods"] as? [String] == ["2023-04-01/P1Y", "2022-04-01/P1Y"])
        #expect(source?["vintage"] as? String == "2023-04-01/P1Y")
    }

    @Test func anOlderPeriodIsAnErrorWhenTheChecksSaySo() {
        setUp(Self.poverty, file: Self.explore)
        project.write("pipelines/test.yml", project.read("pipelines/test.yml") + "checks: {older-period: error}\n")
        let error = runError()
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("D2 (2022-04-01/P1Y)") == true)
        #expect(error?.message.contains("`checks: {older-period: warning}`") == true)
    }

    @Test func aPipelineVintageWinsOverThePeriodChosen() throws {
        setUp(Self.poverty.replacingOccurrences(of: "    aggregation: inherit", with: "    vintage: FYE 2024\n    aggregation: inherit"), file: Self.explore)
        try run()
        #expect(indicatorRow("poverty")?["vintage"] == "FYE 2024")
    }

    @Test func aListOfPeriodsGivesEachAreaTheLatestOfThemItHas() throws {
        setUp(Self.poverty.replacingOccurrences(of: "select: latest", with: "select: [2023/24, 2021-04-01/P1Y]"), file: Self.explore)
        try run()
        let needs = needs("poverty")
        #expect(needs["A1"]?["value"] == "23.5")
        #expect(needs["A4"]?["value"] == "21.4")
        #expect(indicatorRow("poverty")?["vintage"] == "2023-04-01/P1Y")
    }

    @Test func aWhereThatKeepsNoRowNamesTheColumnAndTheValuesItHolds() {
        setUp(Self.poverty.replacingOccurrences(of: "Poverty after housing costs}", with: "Poverty after housing cost}"), file: Self.explore)
        let error = runError()
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("indicator poverty: \(project.root)/data-raw/sources/long.csv: no row has \"Poverty after housing cost\" in column \"indicator\", so `where:` keeps no row; the column holds \"Poverty before housing costs\" (18 rows), \"Poverty after housing costs\" (17 rows)") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("(indicators[5].source.where)") == true)
    }

    @Test func aPeriodThatIsNotOneIsAnInputError() {
        setUp(Self.poverty, file: Self.explore.replacingOccurrences(of: "D1,Dale,District,Poverty after housing costs,2022-04-01/P1Y", with: "D1,Dale,District,Poverty after housing costs,provisional"))
        let error = runError()
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("long.csv, line ") == true)
        #expect(error?.message.contains("column 5 (period): expected a period, such as 2023-04-01/P1Y") == true)
        #expect(error?.message.contains(": \"provisional\"") == true)
    }

    @Test func twoRowsOfOneAreaAndPeriodAreADuplicate() {
        setUp(Self.poverty, file: Self.explore + "D1,Dale,District,Poverty after housing costs,2023-04-01/P1Y,99,98,100\n")
        let error = runError()
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("D1 (lines 23 and 37)") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("duplicate-area") == true)
    }

    @Test func changingAFilterReadsTheSourceAgain() throws {
        setUp(Self.poverty, file: Self.explore)
        try run()
        project.write("pipelines/test.yml", project.read("pipelines/test.yml").replacingOccurrences(of: "Poverty after housing costs}", with: "Poverty before housing costs}"))
        let outcome = try run()
        #expect(outcome.reports.first { $0.stage == .ingest }?.ran == ["indicator-poverty"])
        #expect(needs("poverty")["A1"]?["value"] == "73.5")
    }

    // MARK: Levels of area in one file

    @Test func areaLevelKeepsTheRowsOfTheSourcesLevel() throws {
        var text = "level,code,score,population\nCountry,K1,9,100\n"
        for a in 1...6 {
            if a == 1 || a == 4 { text += "District,D\(a == 1 ? 1 : 2),9,100\n" }
            for n in 1...3 { text += "LSOA,L\(a)\(n),\(a),100\n" }
        }
        setUp(Self.indicator("scores", aggregation: "weighted-mean", vintage: "2024", source: """
                  geography: lsoa11
                  area-code: code
                  area-level: {column: level, value: LSOA}
                  value: score
                  population: population
            """), file: text)
        let outcome = try run()
        #expect(outcome.reports.first { $0.stage == .ingest }?.counts["rows of other breakdowns, levels or periods (where:, area-level:, period:)"] == 3)
        #expect(needs("scores")["A4"]?["value"].flatMap(Double.init) == 4)
        // Without it, the country's and districts' rows are codes the LSOA lookup does not know.
        project.write("pipelines/test.yml", project.read("pipelines/test.yml").replacingOccurrences(of: "      area-level: {column: level, value: LSOA}\n", with: "")
            + "checks: {area-changes: warning}\n")
        let error = runError()
        #expect(error?.message.contains("not in the LSOA (2011) lookup") == true, "\(error?.message ?? "")")
    }

    // MARK: Sums of rows, as Census custom datasets publish them

    /// Per LSOA: does not apply (children), no qualifications, two levels.
    static func census(_ extra: String = "") -> String {
        var text = "LSOA code,Category code,Category,Observation\n"
        for a in 1...6 {
            for n in 1...3 {
                text += "L\(a)\(n),-8,Does not apply,\(100 * n)\nL\(a)\(n),0,No qualifications,\(10 * a + n)\n"
                text += "L\(a)\(n),1,Level 1,\(50 + n)\nL\(a)\(n),4,Level 4,\(40 + a)\n"
            }
        }
        return text + extra
    }

    static let noQualifications = indicator("no-qualifications", aggregation: "rate", vintage: "Census 2021", source: """
              geography: lsoa11
              area-code: LSOA code
              numerator: {column: Observation, where: {Category: No qualifications}}
              denominator: {column: Observation, where-not: {Category code: "-8"}}
        """).replacingOccurrences(of: "aggregation: rate", with: "aggregation: rate\n    scale: 100")

    @Test func aShareIsTheSumOfSomeCategoriesRowsOverOthers() throws {
        setUp(Self.noQualifications, file: Self.census())
        try run()
        let staged = project.stagedTable("data-out/test/staging/ingest/indicator-no-qualifications.staged")
        #expect(staged.count == 18)
        #expect(staged.first?["numerator"] == "11" && staged.first?["denominator"] == String(11 + 51 + 41))
        let needs = needs("no-qualifications")
        for a in 1...6 {
            let numerator = (1...3).reduce(0) { $0 + 10 * a + $1 }
            let denominator = (1...3).reduce(0) { $0 + (10 * a + $1) + (50 + $1) + (40 + a) }
            #expect(needs["A\(a)"]?["numerator"].flatMap(Double.init) == Double(numerator) && needs["A\(a)"]?["denominator"].flatMap(Double.init) == Double(denominator))
            #expect(needs["A\(a)"]?["value"] == NumberText.format(Double(numerator) / Double(denominator) * 100))
        }
    }

    @Test func aSummedRowGivenTwiceIsADuplicateAndAMissingPartLeavesTheSumMissing() throws {
        setUp(Self.noQualifications, file: Self.census("L11,0,No qualifications,5\n"))
        let error = runError()
        #expect(error?.message.contains("L11 (lines 2 and 74)") == true, "\(error?.message ?? "")")

        setUp(Self.noQualifications, file: Self.census().replacingOccurrences(of: "L12,1,Level 1,52", with: "L12,1,Level 1,c"))
        try run()
        let staged = project.stagedTable("data-out/test/staging/ingest/indicator-no-qualifications.staged")
        let row = staged.first { $0["area_code"] == "L12" }
        #expect(row?["numerator"] == "12" && row?["denominator"] == "" && row?["missing"] == "denominator: c")
        #expect(needs("no-qualifications")["A1"]?["numerator"].flatMap(Double.init) == Double(11 + 13))
    }

    // MARK: The latest period's column, as Nomis publishes wide tables

    @Test func aWideTableGivesTheLatestPeriodsColumn() throws {
        let text = """
            Claimant count by sex and age
            ,,,,
            area,code,Jan-21,Jan-22,Feb-21
            Dale,D1,10,20,30
            Vale,D2,40,50,60

            Note: rounded to 5.
            """
        setUp(Self.indicator("claimants", aggregation: "inherit", source: """
                  geography: district
                  area-code: code
                  value: {columns: latest}
            """), file: text)
        try run()
        #expect(needs("claimants")["A1"]?["value"].flatMap(Double.init) == 20)
        #expect(needs("claimants")["A6"]?["value"].flatMap(Double.init) == 50)
        #expect(indicatorRow("claimants")?["vintage"] == "Jan-22")
    }

    // MARK: County figures

    static let countyFile = """
        geographic_level,new_la_code,la_name,NEET_percent
        National,,England,5.6
        Regional,,North West,5.7
        Local authority,C2,Other shire,c
        Local authority,C1,Our shire,6.4

        """

    @Test func everyAreaInheritsTheCountysFigureUnranked() throws {
        setUp(Self.indicator("neet", aggregation: "inherit", vintage: "2025", source: """
                  geography: county
                  area-code: new_la_code
                  area-level: {column: geographic_level, value: Local authority}
                  value: NEET_percent
            """), file: Self.countyFile, geography: "  county: C1")
        try run()
        let needs = needs("neet")
        #expect(needs.count == 6)
        #expect(needs.values.allSatisfy { $0["value"] == "6.4" && $0["quality"] == "inherited" && $0["need_rank"] == "" })
        #expect(indicatorRow("neet")?["not_ranked_reason"]?.isEmpty == false)
    }

    @Test func aCountySourceWithoutTheCountysRowIsAnInputError() {
        setUp(Self.indicator("neet", aggregation: "inherit", vintage: "2025", source: """
                  geography: county
                  area-code: new_la_code
                  value: NEET_percent
            """), file: Self.countyFile, geography: "  county: C7")
        let error = runError()
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("long.csv has no row for the county C7 (in its column \"new_la_code\")") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("(geography.county)") == true)
    }
}
