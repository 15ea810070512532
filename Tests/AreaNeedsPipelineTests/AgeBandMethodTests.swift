import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// Life expectancy, disability-free life expectancy and standardised rates end to end on the
/// fixture project (areas A1-A3 in district D1, A4-A6 in D2; LSOAs L<a><n> in area a; ward
/// W1 half in A1, half in A2): PHEindicatormethods' documented examples written as small-area
/// rows by age band, split over an area's LSOAs so that their sums per band are the example's
/// counts, run through every stage, and the released figure and limits compared with the
/// package's.
@Suite("Age-band methods, end to end")
struct AgeBandMethodTests {
    let project = FixtureProject()

    /// The 20 standard bands as a publisher labels them.
    static let labels = ["0", "1-4"] + stride(from: 5, to: 90, by: 5).map { "\($0)-\($0 + 4)" } + ["90+"]

    /// `df1` of PHEindicatormethods' tests/testthat/testLifeExpectancy.R (the "simple example"
    /// of `phe_life_expectancy`'s documentation), as in `PHEindicatormethodsExamples`.
    static let population: [Double] = [
        7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601,
        50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936,
    ]
    static let deaths: [Double] = [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937]
    /// "Area 2" of `df_widecis_plus` in the same file: intervals wider than 20 years from age 40.
    static let smallPopulation: [Double] = [270, 235, 246, 248, 243, 238, 246, 257, 261, 355, 350, 356, 346, 339, 337, 337, 333, 323, 311, 311]
    static let smallDeaths: [Double] = [17, 9, 4, 8, 20, 15, 24, 33, 50, 51, 10, 16, 26, 30, 36, 22, 13, 5, 6, 1]

    /// answer1 of testLifeExpectancy.R: life expectancy of df1 at birth and at 40 (band 9),
    /// with 95% limits, checked there to 4 decimal places.
    static let atBirth = (value: 80.16960813, lower: 79.88268548, upper: 80.45653078)
    static let atForty = (value: 41.24505636, lower: 41.00842831, upper: 41.48168441)
    static let fourPlaces = 0.00005

    /// One count split over three small areas: a half, a quarter and the rest, whole numbers
    /// that add up to it again.
    static func split(_ count: Double) -> [Double] {
        let half = (count / 2).rounded(.down), quarter = (count / 4).rounded(.down)
        return [half, quarter, count - half - quarter]
    }

    /// Rows `code,band,deaths,population` for each LSOA of area `area`, the counts split.
    static func rows(area: Int, deaths: [Double], population: [Double], labels: [String] = labels, extra: [[Double]] = []) -> String {
        var text = ""
        for band in labels.indices {
            let deathParts = split(deaths[band]), populationParts = split(population[band])
            let extraParts = extra.map { split($0[band]) }
            for n in 0..<3 {
                let counts = [deathParts[n], populationParts[n]] + extraParts.map { $0[n] }
                text += "L\(area)\(n + 1),\(labels[band]),Male," + counts.map { String(format: "%.0f", $0) }.joined(separator: ",") + "\n"
                // A female row, which `where:` leaves out.
                text += "L\(area)\(n + 1),\(labels[band]),Female," + counts.map { _ in "1" }.joined(separator: ",") + "\n"
            }
        }
        return text
    }

    func setUp(_ indicator: String, file: String) {
        project.write("data-raw/sources/deaths.csv", file)
        project.write("pipelines/test.yml", FixtureProject.pipeline + indicator)
    }

    @discardableResult
    func run() throws(AreaNeedsError) -> PipelineRunner.Outcome {
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try PipelineRunner(pipeline: pipeline, logger: logger).run()
    }

    /// The release's rows of one indicator, by area code.
    func needs(_ indicator: String) -> [String: [String: String]] {
        var rows: [String: [String: String]] = [:]
        for row in project.table("data-out/test/latest/indicator_needs.csv") where row["indicator_id"] == indicator {
            rows[row["spa_code"] ?? ""] = row
        }
        return rows
    }

    func number(_ text: String?) throws -> Double {
        try #require(text.flatMap(Double.init))
    }

    static func indicator(_ id: String, aggregation: String, options: String = "", source: String) -> String {
        """
          - id: \(id)
            title: \(id)
            objective: 4
            polarity: higher-is-better
            unit: years
            vintage: 2018-22
            aggregation: \(aggregation)
        \(options)
            source:
              file: ../data-raw/sources/deaths.csv
              area-code: LSOA
              where: {Sex: Male}
              age-band: Age band
        \(source)

        """
    }

    static let lifeExpectancy = indicator("life-expectancy", aggregation: "life-expectancy", source: """
              geography: lsoa11
              deaths: Deaths
              population: Person-years
        """)

    // MARK: Life expectancy

    @Test func lifeExpectancyMatchesTheDocumentedExampleAndTheCountyPoolsEveryArea() throws {
        var file = "LSOA,Age band,Sex,Deaths,Person-years\n"
        for area in 1...6 { file += Self.rows(area: area, deaths: Self.deaths, population: Self.population) }
        setUp(Self.lifeExpectancy, file: file)
        try run()
        let needs = needs("life-expectancy")
        for area in ["A1", "A4", "A6"] {
            let row = try #require(needs[area])
            #expect(abs(try number(row["value"]) - Self.atBirth.value) < Self.fourPlaces)
            #expect(abs(try number(row["ci_lower"]) - Self.atBirth.lower) < Self.fourPlaces)
            #expect(abs(try number(row["ci_upper"]) - Self.atBirth.upper) < Self.fourPlaces)
            #expect(row["quality"] == "exact")
            #expect(row["value_missing_reason"] == "")
            // The deaths and person-years summed over the bands, of the male rows only.
            #expect(try number(row["numerator"]) == Self.deaths.reduce(0, +))
            #expect(try number(row["denominator"]) == Self.population.reduce(0, +))
        }
        // Every area has the same rates by band, so the county's pooled counts give the same
        // life expectancy (with a narrower interval, which the release does not carry).
        let county = project.table("data-out/test/latest/indicators.csv").first { $0["indicator_id"] == "life-expectancy" }
        #expect(abs(try number(county?["county_value"]) - Self.atBirth.value) < Self.fourPlaces)
        #expect(county?["aggregation"] == "life-expectancy")
        // Each area's interval includes the county's figure.
        #expect(needs["A1"]?["compared_with_county"] == "similar")
    }

    @Test func atAgeAndSuppressionReasonsReachTheRelease() throws {
        var file = "LSOA,Age band,Sex,Deaths,Person-years\n"
        for area in [1, 4, 5, 6] { file += Self.rows(area: area, deaths: Self.deaths, population: Self.population) }
        file += Self.rows(area: 2, deaths: Self.smallDeaths, population: Self.smallPopulation)
        // Area 3: 4,000 person-years in all, fewer than the 5,000 a life table needs.
        file += Self.rows(area: 3, deaths: Array(repeating: 4, count: 20), population: Array(repeating: 200, count: 20))
        setUp(Self.indicator("life-expectancy", aggregation: "life-expectancy", options: "    at-age: 40", source: """
                  geography: lsoa11
                  deaths: Deaths
                  population: Person-years
            """), file: file)
        let outcome = try run()
        let needs = needs("life-expectancy")
        let a1 = try #require(needs["A1"])
        #expect(abs(try number(a1["value"]) - Self.atForty.value) < Self.fourPlaces)
        #expect(abs(try number(a1["ci_lower"]) - Self.atForty.lower) < Self.fourPlaces)
        #expect(abs(try number(a1["ci_upper"]) - Self.atForty.upper) < Self.fourPlaces)
        // Area 2's interval at 40 is wider than 20 years: no value, no interval, no rank, the reason.
        let a2 = try #require(needs["A2"])
        #expect(a2["value"] == "" && a2["ci_lower"] == "" && a2["ci_upper"] == "" && a2["need_rank"] == "")
        #expect(a2["value_missing_reason"]?.hasPrefix("suppressed: the 95% confidence interval is ") == true)
        #expect(a2["value_missing_reason"]?.hasSuffix("years wide, more than 20") == true)
        let a3 = try #require(needs["A3"])
        #expect(a3["value"] == "" && a3["need_rank"] == "")
        #expect(a3["value_missing_reason"] == "suppressed: total population 4,000 is 5,000 or less")
        // Suppressed areas are not areas without data.
        let normalise = try #require(outcome.reports.first { $0.stage == .normalise })
        #expect(normalise.warnings.allSatisfy { !$0.contains("life-expectancy") || !$0.contains("no data") })
    }

    @Test func aSmallAreaSplitBetweenAreasMakesTheirFiguresApportioned() throws {
        // Ward W1 lies half in A1, half in A2; each other ward wholly in its area.
        var file = "Ward,Age band,Sex,Deaths,Person-years\n"
        for ward in ["W1", "W3", "W4", "W5", "W6"] {
            for band in Self.labels.indices {
                file += "\(ward),\(Self.labels[band]),Male,\(Int(Self.deaths[band])),\(Int(Self.population[band]))\n"
            }
        }
        setUp(Self.indicator("life-expectancy", aggregation: "life-expectancy", source: """
                  geography: ward
                  deaths: Deaths
                  population: Person-years
            """).replacingOccurrences(of: "area-code: LSOA", with: "area-code: Ward"), file: file)
        try run()
        let needs = needs("life-expectancy")
        // Half of W1's counts: the same rates, so the same life expectancy, from half the people.
        for area in ["A1", "A2"] {
            #expect(needs[area]?["quality"] == "apportioned")
            #expect(abs(try number(needs[area]?["value"]) - Self.atBirth.value) < Self.fourPlaces)
            #expect(try number(needs[area]?["denominator"]) == Self.population.reduce(0, +) / 2)
        }
        #expect(needs["A3"]?["quality"] == "exact")
        #expect(abs(try number(needs["A3"]?["ci_lower"]) - Self.atBirth.lower) < Self.fourPlaces)
        let halfWidth = try number(needs["A1"]?["ci_upper"]) - number(needs["A1"]?["ci_lower"])
        let wholeWidth = try number(needs["A3"]?["ci_upper"]) - number(needs["A3"]?["ci_lower"])
        #expect(halfWidth > wholeWidth)
    }

    // MARK: Disability-free life expectancy

    @Test func disabilityFreeLifeExpectancyWithNoDisabilityIsTheLifeExpectancy() throws {
        // With nobody disabled, Sullivan's expectancy and its interval are the life table's.
        var file = "LSOA,Age band,Sex,Deaths,Person-years,Disabled,Surveyed\n"
        for area in 1...6 {
            file += Self.rows(area: area, deaths: Self.deaths, population: Self.population,
                              extra: [Array(repeating: 0, count: 20), Array(repeating: 400, count: 20)])
        }
        setUp(Self.indicator("dfle", aggregation: "disability-free-life-expectancy", source: """
                  geography: lsoa11
                  deaths: Deaths
                  population: Person-years
                  disabled: Disabled
                  surveyed: Surveyed
            """), file: file)
        try run()
        let a1 = try #require(needs("dfle")["A1"])
        #expect(abs(try number(a1["value"]) - Self.atBirth.value) < Self.fourPlaces)
        #expect(abs(try number(a1["ci_lower"]) - Self.atBirth.lower) < Self.fourPlaces)
        #expect(abs(try number(a1["ci_upper"]) - Self.atBirth.upper) < Self.fourPlaces)
    }

    // MARK: Standardised rates

    /// PHEindicatormethods' DSR vignette ("Zero deaths for a specific age band within a small
    /// geography"): pops2 and deaths2 in the package's 19 bands, standardised to its `esp2013`.
    /// It prints 8283.016 (6570.819 to 10289.65), R's seven significant figures.
    static let dsrLabels = ["0-4"] + stride(from: 5, to: 90, by: 5).map { "\($0)-\($0 + 4)" } + ["90+"]
    static let dsrPopulation: [Double] = [30, 35, 35, 35, 40, 40, 45, 50, 50, 50, 60, 60, 70, 75, 70, 60, 20, 20, 15]
    static let dsrEvents: [Double] = [1, 1, 0, 0, 0, 1, 1, 3, 3, 3, 3, 10, 10, 10, 10, 8, 8, 8, 8]
    /// The package's `esp2013`: the 2013 European Standard Population in those 19 bands.
    static let esp2013Nineteen = [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]

    @Test func standardisedRateMatchesTheVignetteWithAStandardPopulationFile() throws {
        var standard = "Age band,People\n"
        for (label, people) in zip(Self.dsrLabels, Self.esp2013Nineteen) { standard += "\(label),\(people)\n" }
        project.write("data-raw/sources/esp2013-19.csv", standard)
        var file = "LSOA,Age band,Sex,Admissions,Population\n"
        for area in 1...5 { file += Self.rows(area: area, deaths: Self.dsrEvents, population: Self.dsrPopulation, labels: Self.dsrLabels) }
        // Area 6: 9 events in all, fewer than the 10 calculate_dsr gives a rate for.
        file += Self.rows(area: 6, deaths: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3], population: Self.dsrPopulation, labels: Self.dsrLabels)
        setUp(Self.indicator("admissions", aggregation: "standardised-rate", options: """
                scale: 100000
                standard-population: ../data-raw/sources/esp2013-19.csv
            """, source: """
                  geography: lsoa11
                  events: Admissions
                  population: Population
            """).replacingOccurrences(of: "polarity: higher-is-better", with: "polarity: higher-is-worse"), file: file)
        try run()
        let needs = needs("admissions")
        let a1 = try #require(needs["A1"])
        #expect(abs(try number(a1["value"]) - 8283.016) < 0.0005)
        #expect(abs(try number(a1["ci_lower"]) - 6570.819) < 0.0005)
        #expect(abs(try number(a1["ci_upper"]) - 10289.65) < 0.005)
        #expect(try number(a1["numerator"]) == 88)
        let a6 = try #require(needs["A6"])
        #expect(a6["value"] == "" && a6["ci_lower"] == "")
        #expect(a6["value_missing_reason"] == "suppressed: fewer than 10 events (9)")
    }

    @Test func otherBandsWithoutAStandardPopulationAreAnInputError() throws {
        var file = "LSOA,Age band,Sex,Admissions,Population\n"
        for area in 1...6 { file += Self.rows(area: area, deaths: Self.dsrEvents, population: Self.dsrPopulation, labels: Self.dsrLabels) }
        setUp(Self.indicator("admissions", aggregation: "standardised-rate", source: """
                  geography: lsoa11
                  events: Admissions
                  population: Population
            """), file: file)
        let error = try #require(throws: AreaNeedsError.self) { try run() }
        #expect(error.category == .inputData)
        #expect(error.message.contains("deaths.csv, line 2: small area L11, age band 0-4: age band '0-4' is not one of the bands 0, 1-4, 5-9"))
        #expect(error.message.contains("give `standard-population:`"))
    }

    // MARK: Configuration

    @Test(arguments: [
        ("    at-age: 42", "indicators[5].at-age", "a start age of one of the age bands (0, 1, 5, 10,", "not 42"),
        ("    confidence: 1.5", "indicators[5].confidence", "a level between 0 and 1", "not 1.5"),
        ("    scale: 1000", "indicators[5].scale", "`life-expectancy` gives years; only `standardised-rate` takes `scale:`", ""),
        ("    standard-population: esp.csv", "indicators[5].standard-population", "only `standardised-rate` standardises", ""),
        ("    weight: people", "indicators[5].weight", "does not take `weight:`", ""),
    ])
    func settingsOutOfPlaceAreConfigurationErrors(option: String, key: String, message: String, value: String) throws {
        setUp(Self.indicator("life-expectancy", aggregation: "life-expectancy", options: option, source: """
                  geography: lsoa11
                  deaths: Deaths
                  population: Person-years
            """), file: "LSOA,Age band,Sex,Deaths,Person-years\n")
        let error = try #require(throws: AreaNeedsError.self) { try Pipeline.load(path: project.pipelinePath) }
        #expect(error.category == .configuration)
        #expect(error.message.contains("(\(key)): "), "\(error.message)")
        #expect(error.message.contains(message) && (value.isEmpty || error.message.contains(value)), "\(error.message)")
    }

    @Test(arguments: [
        (nil, "esp.csv: no such file"),
        ("Age band,People\n0-4,5000\n10-14,5500\n15+,4000\n", "does not fit the bands 0-9, 10-14, 15+"),
        ("Age band,People\n0-4,5000\n5-9,many\n", "line 3, column 2 (People): expected a number"),
        ("Age band,People\n0-4,5000\n5+,-1\n", "the standard population's weight for age band 5+ is -1.0"),
        ("Age band,People\nunder five,5000\n", "line 2: unknown age band 'under five'"),
    ] as [(String?, String)])
    func aStandardPopulationThatCannotBeUsedIsAConfigurationError(file: String?, message: String) throws {
        setUp(Self.indicator("admissions", aggregation: "standardised-rate", options: "    standard-population: ../data-raw/sources/esp.csv", source: """
                  geography: lsoa11
                  events: Admissions
                  population: Population
            """), file: "LSOA,Age band,Sex,Admissions,Population\n")
        if let file { project.write("data-raw/sources/esp.csv", file) }
        let error = try #require(throws: AreaNeedsError.self) { try Pipeline.load(path: project.pipelinePath) }
        #expect(error.category == .configuration)
        #expect(error.message.contains("(indicators[5].standard-population): "), "\(error.message)")
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func columnsOfAnotherMethodAreRefusedAndThoseNeededRequired() throws {
        setUp(Self.indicator("rate-of-deaths", aggregation: "standardised-rate", source: """
                  geography: lsoa11
                  deaths: Deaths
                  numerator: Deaths
            """), file: "LSOA,Age band,Sex,Deaths,Person-years\n")
        let error = try #require(throws: AreaNeedsError.self) { try Pipeline.load(path: project.pipelinePath) }
        #expect(error.category == .configuration)
        #expect(error.message.contains("(indicators[5].source.population): `standardised-rate` needs `population:`"))
        #expect(error.message.contains("(indicators[5].source.events): `standardised-rate` needs `events:`"))
        #expect(error.message.contains("(indicators[5].source.deaths): `standardised-rate` does not take `deaths:`"))
        #expect(error.message.contains("(indicators[5].source.numerator): `standardised-rate` does not take `numerator:`"))

        setUp(Self.indicator("fuel", aggregation: "rate", options: "    at-age: 0", source: """
                  geography: lsoa11
                  numerator: Deaths
                  denominator: Person-years
            """), file: "LSOA,Age band,Sex,Deaths,Person-years\n")
        let other = try #require(throws: AreaNeedsError.self) { try Pipeline.load(path: project.pipelinePath) }
        #expect(other.message.contains("(indicators[5].source.age-band): `rate` does not take `age-band:`"))
        #expect(other.message.contains("(indicators[5].at-age): `rate` does not take `at-age:`"))
    }

    @Test func changingAnAgeBandSettingRerunsTheStage() throws {
        var file = "LSOA,Age band,Sex,Deaths,Person-years\n"
        for area in 1...6 { file += Self.rows(area: area, deaths: Self.deaths, population: Self.population) }
        setUp(Self.lifeExpectancy, file: file)
        try run()
        project.write("pipelines/test.yml", FixtureProject.pipeline + Self.lifeExpectancy.replacingOccurrences(of: "aggregation: life-expectancy\n", with: "aggregation: life-expectancy\n    at-age: 40\n"))
        try run()
        #expect(abs(try number(needs("life-expectancy")["A1"]?["value"]) - Self.atForty.value) < Self.fourPlaces)
        project.write("pipelines/test.yml", FixtureProject.pipeline + Self.lifeExpectancy.replacingOccurrences(of: "aggregation: life-expectancy\n", with: "aggregation: life-expectancy\n    at-age: 40\n    confidence: 0.998\n"))
        try run()
        let wider = try #require(needs("life-expectancy")["A1"])
        #expect(try number(wider["ci_lower"]) < Self.atForty.lower && number(wider["ci_upper"]) > Self.atForty.upper)
    }
}
