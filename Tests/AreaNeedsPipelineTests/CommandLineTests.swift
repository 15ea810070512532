import Foundation
import AreaNeedsTestSupport
import Testing

/// The executables as cron and analysts run them: exit codes, messages, and what they
/// leave in `data-out`.
@Suite("The command line")
struct CommandLineTests {
    let project = FixtureProject()

    func areaneeds(_ arguments: String...) throws -> ChildProcess.Result {
        try Executables.run("areaneeds", arguments, in: project.root)
    }

    @Test func runPublishesAndSaysWhere() throws {
        let result = try areaneeds("run", "pipelines/test.yml")
        #expect(result.status == 0)
        #expect(result.standardOutput.hasSuffix("data-out/test/1.0.0\n"))
        #expect(result.standardError.contains("ingest: 4 sources"))
        #expect(result.standardError.contains("publish: released test 1.0.0 (first release)"))
    }

    @Test func secondRunSaysEveryStageIsUpToDate() throws {
        _ = try areaneeds("run", "pipelines/test.yml")
        let result = try areaneeds("run", "pipelines/test.yml")
        #expect(result.status == 0)
        for stage in ["ingest", "normalise", "rank"] {
            #expect(result.standardError.contains("\(stage): up to date"))
        }
        #expect(result.standardError.contains("publish: up to date"))
        #expect(project.list("data-out/test").filter { $0.first?.isNumber == true } == ["1.0.0"])
    }

    @Test func stagesRunAloneFromTheirOwnExecutables() throws {
        for stage in ["ingest", "normalise", "rank", "publish"] {
            let result = try Executables.run("areaneeds-\(stage)", ["pipelines/test.yml"], in: project.root)
            #expect(result.status == 0, "\(stage): \(result.standardError)")
        }
        #expect(project.list("data-out/test").contains("1.0.0"))
        #expect(project.list("data-out/test/staging") == ["ingest", "normalise", "rank"])
    }

    @Test func aStagingTableOfIngestPrintsAsCSV() throws {
        _ = try areaneeds("run", "pipelines/test.yml")
        let result = try areaneeds("staging-table", "data-out/test/staging/ingest/indicator-fuel-poverty.staged")
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        // The columns the source names, between the code and the markers and line.
        #expect(lines.first == "area_code,numerator,denominator,missing,line")
        #expect(lines.count == 19)  // the header and the eighteen LSOAs of the source
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("L") })

        let notStaged = try areaneeds("staging-table", "data-raw/sources/fuel.csv")
        #expect(notStaged.status == 66)
        #expect(notStaged.standardError.contains("data-raw/sources/fuel.csv: cannot read the file (it is not an AreaNeeds staged table"))
    }

    @Test func publishingAloneAfterTheGeographyChangedAsksForNormaliseAgain() throws {
        for stage in ["ingest", "normalise", "rank"] { _ = try areaneeds(stage, "pipelines/test.yml") }
        // An area renamed after the need tables were made from the geography.
        project.write("data-raw/geography/areas.csv", project.read("data-raw/geography/areas.csv").replacingOccurrences(of: "North One", with: "North First"))
        let result = try areaneeds("publish", "pipelines/test.yml")
        #expect(result.status == 70)
        #expect(result.standardError.contains("areas.csv: not the geography the normalise stage read"))
        #expect(result.standardError.contains("areaneeds normalise"))
        #expect(!project.list("data-out/test").contains("1.0.0"))

        _ = try areaneeds("normalise", "pipelines/test.yml")
        _ = try areaneeds("rank", "pipelines/test.yml")
        #expect(try areaneeds("publish", "pipelines/test.yml").status == 0)
        #expect(project.read("data-out/test/1.0.0/areas.csv").contains("North First"))
    }

    @Test func aStageBeforeItsInputsExplains() throws {
        let result = try areaneeds("rank", "pipelines/test.yml")
        #expect(result.status == 70)
        #expect(result.standardError.contains("run the normalise stage first"))
    }

    @Test func forceReRunsEveryStage() throws {
        _ = try areaneeds("run", "pipelines/test.yml")
        let result = try areaneeds("run", "pipelines/test.yml", "--force")
        #expect(result.status == 0)
        #expect(result.standardError.contains("ingest: 4 sources"))
        #expect(!result.standardError.contains("ingest: up to date"))
    }

    @Test func quietPrintsOnlyProblems() throws {
        let result = try areaneeds("run", "pipelines/test.yml", "--quiet")
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty && result.standardError.isEmpty)
    }

    // MARK: - Broken configuration and data: documented exit codes, located messages, no release

    /// Runs with a broken pipeline and checks the exit code, the message, and that no
    /// release was written.
    func expectFailure(_ status: Int32, mentioning needles: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try areaneeds("run", "pipelines/test.yml")
        #expect(result.status == status, "\(result.standardError)", sourceLocation: sourceLocation)
        for needle in needles {
            #expect(result.standardError.contains(needle), "missing \"\(needle)\" in: \(result.standardError)", sourceLocation: sourceLocation)
        }
        #expect(!project.list("data-out/test").contains { $0.first?.isNumber == true || $0 == "latest" }, sourceLocation: sourceLocation)
    }

    @Test func missingSourceFile() throws {
        project.write("pipelines/test.yml", FixtureProject.pipeline.replacingOccurrences(of: "sources/fuel.csv", with: "sources/fule.csv"))
        try expectFailure(66, mentioning: ["indicator fuel-poverty", "data-raw/sources/fule.csv: file not found", "pipelines/test.yml, line 24 (indicators[0].source.file)"])
    }

    @Test func misspeltColumn() throws {
        project.write("pipelines/test.yml", FixtureProject.pipeline.replacingOccurrences(of: "numerator: Fuel poor", with: "numerator: Fuel Poverty"))
        try expectFailure(78, mentioning: ["no column named \"Fuel Poverty\"", "indicators[0].source.numerator", "fuel.csv", "LSOA Code"])
    }

    @Test func unknownAreaCode() throws {
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty().replacingOccurrences(of: "\nNote A", with: "L99,\"1,000\",100\n\nNote A"))
        try expectFailure(65, mentioning: ["indicator fuel-poverty", "L99 (line", "not in the LSOA (2011) lookup", "data-raw/sources/fuel.csv"])
    }

    @Test func badValue() throws {
        project.write("data-raw/sources/scores.csv", FixtureProject.scores().replacingOccurrences(of: "L31,3.1", with: "L31,three"))
        try expectFailure(65, mentioning: ["scores.csv, line 8, column 2 (Score): expected a number or a suppression marker: \"three\""])
    }

    @Test func typoInPipelineKey() throws {
        project.write("pipelines/test.yml", FixtureProject.pipeline.replacingOccurrences(of: "    aggregation: weighted-mean", with: "    agregation: weighted-mean"))
        try expectFailure(78, mentioning: ["pipelines/test.yml, line", "unknown key \"agregation\""])
    }

    @Test func failureKeepsTheEarlierRelease() throws {
        _ = try areaneeds("run", "pipelines/test.yml")
        let before = project.read("data-out/test/latest/indicator_needs.csv")
        project.write("data-raw/sources/fuel.csv", "LSOA Code,Households\nL11,\"1,000\"\n")
        let result = try areaneeds("run", "pipelines/test.yml")
        #expect(result.status == 78)
        #expect(project.read("data-out/test/latest/indicator_needs.csv") == before)
        #expect(project.list("data-out/test").filter { $0.first?.isNumber == true } == ["1.0.0"])
    }

    @Test func validateChecksWithoutPublishing() throws {
        let result = try areaneeds("validate", "pipelines/test.yml")
        #expect(result.status == 0)
        #expect(result.standardError.contains("is valid"))
        #expect(!project.list("data-out/test").contains("latest"))
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty().replacingOccurrences(of: "\nNote A", with: "L99,\"1,000\",100\n\nNote A"))
        #expect(try areaneeds("validate", "pipelines/test.yml").status == 65)
    }

    @Test func geographyCheckReadsThePipelinesGeography() throws {
        let clean = try areaneeds("geography", "check", "pipelines/test.yml")
        #expect(clean.status == 0, "\(clean.standardError)")
        #expect(clean.standardOutput.contains("check: no problems"))
        project.write("data-raw/geography/lsoa11.csv", FixtureProject.lsoaLookup + "L99,Stray,A9\n")
        let broken = try areaneeds("geography", "check", "pipelines/test.yml")
        #expect(broken.status == 65)
        #expect(broken.standardError.contains("A9"))
    }

    /// `--wait` takes seconds a lock can be waited for: not infinity, not NaN, not a year.
    @Test(arguments: ["inf", "nan", "-1", "1e300", "31536000"])
    func waitTakesSensibleSeconds(seconds: String) throws {
        let result = try areaneeds("run", "pipelines/test.yml", "--wait=" + seconds)
        #expect(result.status == 64, "\(result.transcript)")
        #expect(result.standardError.contains("--wait takes seconds from 0 to 604800"))
        #expect(project.list("data-out").isEmpty)
    }
}
