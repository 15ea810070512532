import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsCore
import AreaNeedsTables

/// The pipeline-file keys that read tables as published: `where:`, `where-not:`,
/// `area-level:`, `period:`, sums of rows, `{columns: latest}`, `ci-lower:`/`ci-upper:`, and
/// county sources. Each is read into the source's settings, and each wrong type, unknown key
/// and impossible combination is a configuration error naming the line and the key.
@Suite("Pipeline keys for long and wide tables")
struct LongTableKeysTests {
    let temporary = TemporaryFolder("areaneeds-long-keys")

    /// A pipeline of one indicator whose source ends with `source` (indented as the source's
    /// keys), with `top` added to the geography section and `indicator` to the indicator.
    static func pipeline(source: String, aggregation: String = "inherit", geography: String = "district",
                         vintage: String? = "\"2024\"", top: String = "", indicator: String = "") -> String {
        """
        pipeline: test
        title: Test pipeline
        release:
          label: test
        geography:
          areas:
            file: areas.csv
        \(top)
        indicators:
          - id: pay
            title: Median pay
            objective: 2
            polarity: higher-is-better
            unit: "£"
        \(vintage.map { "    vintage: \($0)" } ?? "")
            aggregation: \(aggregation)
        \(indicator)
            source:
              file: pay.csv
              geography: \(geography)
              area-code: areacd
        \(source)
        """
    }

    func load(_ text: String) throws(AreaNeedsError) -> Pipeline {
        let path = temporary.file("pipeline-\(UUID().uuidString).yml", text)
        return try Pipeline.load(path: path)
    }

    func loadError(_ text: String) -> AreaNeedsError? {
        do {
            _ = try load(text)
            return nil
        } catch {
            return error
        }
    }

    /// Expects a configuration error whose message holds every fragment.
    func expectRefused(_ text: String, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let error = loadError(text)
        #expect(error?.category == .configuration, "\(error?.message ?? "accepted")", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(error?.message.contains(fragment) == true, "no \"\(fragment)\" in \(error?.message ?? "accepted")", sourceLocation: sourceLocation)
        }
    }

    @Test func rowConditionsTakeAValueOrAList() throws {
        let pipeline = try load(Self.pipeline(source: """
                  where: {indicator: Gross median weekly pay, sex: [Male, Female]}
                  where-not: {status: x}
                  area-level: {column: geography, value: [Local Authority District, Unitary Authority]}
                  value: observation
            """))
        let source = try #require(pipeline.file.indicators[0].source)
        #expect(source.rows?.conditions == [.init(column: "indicator", values: ["Gross median weekly pay"]), .init(column: "sex", values: ["Male", "Female"])])
        #expect(source.exceptRows?.conditions == [.init(column: "status", values: ["x"])])
        #expect(source.areaLevel?.condition == .init(column: "geography", values: ["Local Authority District", "Unitary Authority"]))
        #expect(source.filterColumns == ["indicator", "sex", "status", "geography"])
        #expect(!source.combinesRows && !source.choosesPeriod)
    }

    @Test func numbersInConditionsAreTheTextTheyAreWrittenAs() throws {
        let pipeline = try load(Self.pipeline(source: """
                  where: {code: -8, year: 2023, share: 0.50}
                  value: observation
            """))
        #expect(pipeline.file.indicators[0].source?.rows?.conditions.map(\.values) == [["-8"], ["0.50"], ["2023"]])
    }

    @Test func figuresAreAColumnASumOrTheLatestPeriodsColumn() throws {
        let sums = try load(Self.pipeline(source: """
                  numerator: {column: Observation, where: {Category: No qualifications}}
                  denominator: {column: Observation, where-not: {Category code: "-8"}}
            """, aggregation: "rate", vintage: "Census 2021"))
        let source = try #require(sums.file.indicators[0].source)
        #expect(source.numerator?.sumsRows == true && source.numerator?.column == "Observation")
        #expect(source.numerator?.rows?.conditions == [.init(column: "Category", values: ["No qualifications"])])
        #expect(source.denominator?.exceptRows?.conditions == [.init(column: "Category code", values: ["-8"])])
        #expect(source.combinesRows && source.filterColumns == ["Category", "Category code"])

        let wide = try load(Self.pipeline(source: "      value: {columns: latest}", vintage: nil))
        #expect(wide.file.indicators[0].source?.value?.isLatestPeriodColumn == true)
        #expect(wide.file.indicators[0].source?.choosesPeriod == true)
        #expect(wide.file.indicators[0].vintage == nil)
    }

    @Test func periodsAreLatestByDefaultOrNamed() throws {
        let latest = try load(Self.pipeline(source: "      period: {column: period}\n      value: observation", vintage: nil))
        #expect(latest.file.indicators[0].source?.period?.select == [])
        #expect(latest.file.indicators[0].source?.period?.selectedPeriods == nil)
        let named = try load(Self.pipeline(source: "      period: {column: period, select: [2023-04-01/P1Y, 2022/23]}\n      value: observation"))
        #expect(named.file.indicators[0].source?.period?.selectedPeriods == [Period("2023/24")!, Period("2022/23")!])
    }

    @Test func aCountySourceTakesTheCountysCode() throws {
        let pipeline = try load(Self.pipeline(source: "      value: observation", geography: "county", top: "  county: E10000017"))
        #expect(pipeline.file.geography.county == "E10000017")
        #expect(pipeline.file.indicators[0].source?.geography == .county)
    }

    @Test func publishedIntervalsAreRead() throws {
        let pipeline = try load(Self.pipeline(source: "      value: observation\n      ci-lower: lci_95\n      ci-upper: uci_95"))
        #expect(pipeline.file.indicators[0].source?.ciLower == "lci_95")
        #expect(pipeline.file.indicators[0].source?.ciUpper == "uci_95")
    }

    // MARK: Refused

    @Test func wrongTypesAndUnknownKeysNameTheLineAndKey() {
        expectRefused(Self.pipeline(source: "      where: [indicator, Claimant Count]\n      value: observation"),
                      ["line 22 (indicators[0].source.where)", "expected a mapping of keys"])
        expectRefused(Self.pipeline(source: "      where: {indicator: {a: b}}\n      value: observation"),
                      ["indicators[0].source.where.indicator"])
        expectRefused(Self.pipeline(source: "      period: {column: period, pick: latest}\n      value: observation"),
                      ["line 22 (indicators[0].source.period.pick)", "unknown key \"pick\"; this section takes column, select"])
        expectRefused(Self.pipeline(source: "      area-level: {column: geography, level: District}\n      value: observation"),
                      ["unknown key \"level\"; this section takes column, value"])
        expectRefused(Self.pipeline(source: "      value: {column: observation, when: {a: b}}"),
                      ["line 22 (indicators[0].source.value.when)", "unknown key \"when\"; this section takes column, columns, where, where-not"])
        expectRefused(Self.pipeline(source: "      value: {columns: first}"),
                      ["indicators[0].source.value.columns", "`columns:` takes `latest`"])
        expectRefused(Self.pipeline(source: "      value: {columns: latest, column: observation}"),
                      ["`columns: latest` takes the latest period's column as it is"])
        expectRefused(Self.pipeline(source: "      value: {where: {a: b}}"),
                      ["indicators[0].source.value", "required key \"column\" is missing"])
    }

    @Test func emptyConditionsAreRefused() {
        expectRefused(Self.pipeline(source: "      where: {}\n      value: observation"),
                      ["line 22 (indicators[0].source.where)", "needs at least one column and its value"])
        expectRefused(Self.pipeline(source: "      where: {indicator: []}\n      value: observation"),
                      ["indicators[0].source.where.indicator", "needs at least one value"])
        expectRefused(Self.pipeline(source: "      where: {sex: Male}\n      where-not: {sex: [Female, Male]}\n      value: observation"),
                      ["indicators[0].source.where-not.sex", "\"Male\" is both kept (`where:`) and left out (`where-not:`)"])
    }

    @Test func periodsMustReadAsPeriods() {
        expectRefused(Self.pipeline(source: "      period: {column: period, select: last year}\n      value: observation"),
                      ["line 22 (indicators[0].source.period.select)", "\"last year\" is not a period"])
        expectRefused(Self.pipeline(source: "      period: {column: period, select: [2024, 2023-13]}\n      value: observation"),
                      ["indicators[0].source.period.select[1]", "\"2023-13\" is not a period"])
        expectRefused(Self.pipeline(source: "      period: {column: period, select: [2023/24, 2023-04-01/P1Y]}\n      value: observation"),
                      ["a period is named twice"])
        expectRefused(Self.pipeline(source: "      period: {column: period}\n      value: {columns: latest}"),
                      ["indicators[0].source.value", "`{columns: latest}` chooses the period by column, `period:` by row: give one of them"])
        expectRefused(Self.pipeline(source: "      numerator: {columns: latest}\n      denominator: residents", aggregation: "rate"),
                      ["indicators[0].source.numerator", "`{columns: latest}` is for `value:` only"])
    }

    @Test func aSourceThatSumsRowsSumsEveryFigure() {
        expectRefused(Self.pipeline(source: "      numerator: {column: count, where: {sex: Male}}\n      denominator: residents", aggregation: "rate"),
                      ["line 23 (indicators[0].source.denominator)", "this source sums rows, so every figure is a sum"])
        expectRefused(Self.pipeline(source: "      value: {column: count}\n      population: residents", aggregation: "weighted-mean"),
                      ["indicators[0].source.population", "every figure is a sum"])
        expectRefused(Self.pipeline(source: "      value: {column: score}\n      ci-lower: lci\n      ci-upper: uci"),
                      ["indicators[0].source.ci-lower", "published intervals are not carried for figures summed from rows"])
        expectRefused(Self.pipeline(source: "      value: {column: score, where: {}}"),
                      ["indicators[0].source.value.where", "needs at least one column and its value"])
    }

    @Test func publishedIntervalsComeInPairsForValuesTakenAsPublished() {
        expectRefused(Self.pipeline(source: "      value: observation\n      ci-lower: lci_95"),
                      ["indicators[0].source.ci-lower", "needs `ci-upper:`"])
        expectRefused(Self.pipeline(source: "      value: observation\n      ci-upper: uci_95"),
                      ["indicators[0].source.ci-upper", "needs `ci-lower:`"])
        expectRefused(Self.pipeline(source: "      numerator: a\n      denominator: b\n      ci-lower: l\n      ci-upper: u", aggregation: "rate", geography: "lsoa11"),
                      ["indicators[0].source.ci-lower", "`rate` computes its Wilson interval from the counts"])
        expectRefused(Self.pipeline(source: "      value: rank\n      population: p\n      ci-lower: l\n      ci-upper: u", aggregation: "average-rank", geography: "lsoa11"),
                      ["published intervals are carried for `inherit`, `weighted-mean` and `median` only"])
    }

    @Test func countySourcesNeedTheCountysCodeAndAreCopied() {
        expectRefused(Self.pipeline(source: "      value: observation", geography: "county"),
                      ["indicators[0].source.geography", "a county source needs the county's code at the top of the pipeline: `geography: {county: E10000017, ...}`"])
        expectRefused(Self.pipeline(source: "      value: observation\n      population: p", aggregation: "weighted-mean", geography: "county", top: "  county: E10000017"),
                      ["indicators[0].aggregation", "county figures are copied to their areas: use `aggregation: inherit` (or `rate`"])
    }

    @Test func theVintageMayBeLeftOutOnlyWhereThePeriodIsChosen() {
        expectRefused(Self.pipeline(source: "      value: observation", vintage: nil),
                      ["indicators[0].vintage", "required key \"vintage\" is missing", "only a source that chooses its period"])
    }

    @Test func theKeysArePartOfTheSourcesFingerprint() throws {
        func fingerprint(_ source: String) throws -> String {
            var fingerprint = Fingerprint()
            fingerprint.add("source", try load(Self.pipeline(source: source, vintage: nil)).file.indicators[0].source)
            return fingerprint.value
        }
        let base = "      period: {column: period}\n      value: observation"
        let variants = [
            base,
            "      period: {column: period, select: 2024}\n      value: observation",
            "      period: {column: time}\n      value: observation",
            base + "\n      where: {sex: Male}",
            base + "\n      where: {sex: Female}",
            base + "\n      where-not: {sex: Male}",
            base + "\n      area-level: {column: geography, value: District}",
            base + "\n      ci-lower: l\n      ci-upper: u",
            "      period: {column: period}\n      value: {column: observation}",
            "      period: {column: period}\n      value: {column: observation, where: {sex: Male}}",
            "      value: {columns: latest}",
        ]
        let prints = try variants.map(fingerprint)
        #expect(Set(prints).count == variants.count)
        // The order conditions are written in does not matter.
        #expect(try fingerprint(base + "\n      where: {sex: Male, age: All}") == fingerprint(base + "\n      where: {age: All, sex: Male}"))
    }
}
