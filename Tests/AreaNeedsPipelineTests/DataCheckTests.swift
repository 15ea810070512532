import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// The checks of the input data, run on the fixture project: each problem reported with
/// file, line and code, an error or a warning as `checks:` says, and nothing published
/// when it is an error.
@Suite("Checks of the input data")
struct DataCheckTests {
    let project = FixtureProject()

    /// Runs every stage in this process.
    @discardableResult
    func run(_ stages: [StageName] = StageName.allCases) throws(AreaNeedsError) -> PipelineRunner.Outcome {
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try PipelineRunner(pipeline: pipeline, logger: logger).run(stages)
    }

    /// The error a run stops with; records an issue when it succeeds, or when it publishes
    /// anything.
    func runError(sourceLocation: SourceLocation = #_sourceLocation) -> AreaNeedsError? {
        let before = releases()
        do {
            try run()
            Issue.record("expected the run to fail", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(releases() == before, "published despite: \(error)", sourceLocation: sourceLocation)
            return error
        }
    }

    /// The release folders and where `latest` points.
    func releases() -> [String] {
        let latest = try? FileManager.default.destinationOfSymbolicLink(atPath: project.releases + "/latest")
        return project.list("data-out/test").filter { $0.first?.isNumber == true } + [latest ?? "no latest"]
    }

    /// The pipeline file with `checks:` added.
    func setChecks(_ checks: String, pipeline: String = FixtureProject.pipeline) {
        project.write("pipelines/test.yml", pipeline.replacingOccurrences(of: "indicators:\n", with: "checks: {\(checks)}\nindicators:\n"))
    }

    /// The pipeline file with `text` added below the line `after` (within an indicator).
    func pipeline(adding text: String, after line: String) -> String {
        FixtureProject.pipeline.replacingOccurrences(of: line + "\n", with: line + "\n" + text + "\n")
    }

    func warnings(_ outcome: PipelineRunner.Outcome) -> [String] {
        outcome.reports.flatMap(\.warnings)
    }

    // MARK: - Duplicated areas

    @Test func aRepeatedCodeIsAnErrorNamingBothLines() {
        project.write("data-raw/sources/scores.csv", FixtureProject.scores() + "L12,9.9,1500\n")
        let error = runError()
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("indicator barriers: 1 area code appears more than once in \(project.root)/data-raw/sources/scores.csv: L12 (lines 3 and 20)") == true)
        #expect(error?.message.contains("`checks: {duplicate-area: warning}`") == true)
    }

    @Test func asAWarningTheFirstRowIsUsed() throws {
        project.write("data-raw/sources/scores.csv", FixtureProject.scores() + "L12,9.9,1500\n")
        setChecks("duplicate-area: warning")
        let outcome = try run()
        #expect(warnings(outcome).contains { $0.contains("L12 (lines 3 and 20)") && $0.contains("the first row of each code is used") })
        let barriers = project.table("data-out/test/latest/indicator_needs.csv").first { $0["indicator_id"] == "barriers" && $0["spa_code"] == "A1" }
        #expect(barriers?["value"] == "1.2")  // mean of 1.1, 1.2, 1.3: the repeat (9.9) is left out
    }

    // MARK: - Row and area counts

    @Test func aSourceWithoutDataRowsIsAnError() {
        project.write("data-raw/sources/care.csv", "Ward code,Carers,Residents\n")
        let error = runError()
        #expect(error?.message.contains("indicator carers: \(project.root)/data-raw/sources/care.csv has no data rows (rows with an area code in column \"Ward code\") below its header on line 1; expected at least 1") == true)
    }

    @Test func expectedRowsAreChecked() {
        project.write("pipelines/test.yml", pipeline(adding: "      expected-rows: {min: 20, max: 40}", after: "      denominator: Households"))
        let error = runError()
        #expect(error?.message.contains("indicator fuel-poverty: \(project.root)/data-raw/sources/fuel.csv has 18 data rows (rows with an area code); expected between 20 and 40, set in \(project.pipelinePath), line 29 (indicators[0].source.expected-rows)") == true)
        #expect(error?.message.contains("`checks: {row-count: warning}`") == true)
    }

    @Test func rowsWithinTheExpectationPass() throws {
        project.write("pipelines/test.yml", pipeline(adding: "      expected-rows: {min: 18, max: 18}", after: "      denominator: Households"))
        try run()
    }

    @Test func expectedAreasAreChecked() throws {
        let scores = FixtureProject.scores().split(separator: "\n").map { $0.hasPrefix("L1") ? "\($0.split(separator: ",")[0]),..,1500" : String($0) }
        project.write("data-raw/sources/scores.csv", scores.joined(separator: "\n") + "\n")
        // Without an expectation, an area without data is a warning.
        #expect(warnings(try run()).contains { $0.contains("indicator barriers: 1 area has no data: A1") })
        project.write("pipelines/test.yml", pipeline(adding: "    expected-areas: {min: 6}", after: "    aggregation: weighted-mean"))
        let error = runError()
        #expect(error?.message.contains("indicator barriers: 5 of 6 areas have data; expected at least 6 (set in \(project.pipelinePath), line 36 (indicators[1].expected-areas))") == true)
    }

    // MARK: - Values

    @Test func valuesOutsideThePlausibleRange() {
        project.write("pipelines/test.yml", pipeline(adding: "    plausible-range: {min: 0, max: 5}", after: "    aggregation: weighted-mean"))
        let error = runError()
        #expect(error?.message.contains("indicator barriers: 6 values are outside the plausible range from 0 to 5 (set in \(project.pipelinePath), line 36 (indicators[1].plausible-range)) in \(project.root)/data-raw/sources/scores.csv: L51 (line 14: 5.1), L52 (line 15: 5.2), L53 (line 16: 5.3), L61 (line 17: 6.1)") == true)
        #expect(error?.message.contains("`checks: {implausible-value: warning}`") == true)
    }

    @Test func ratesAreCheckedAsTheirScaledValue() {
        // Fuel poverty is 10a% in area a: area 6 is above 50%.
        project.write("pipelines/test.yml", FixtureProject.pipeline.replacingOccurrences(
            of: "    scale: 100\n    source:\n      file: ../data-raw/sources/fuel.csv",
            with: "    scale: 100\n    plausible-range: {max: 50}\n    source:\n      file: ../data-raw/sources/fuel.csv"))
        let error = runError()
        #expect(error?.message.contains("indicator fuel-poverty: 3 values are outside the plausible range at most 50") == true)
        #expect(error?.message.contains("L61 (line 19: 60), L62 (line 20: 60), L63 (line 21: 60)") == true)
    }

    @Test func aProportionAboveOneIsAnError() {
        project.write("data-raw/sources/care.csv", FixtureProject.wardCare.replacingOccurrences(of: "W4,20,1000", with: "W4,1200,1000"))
        let error = runError()
        #expect(error?.message.contains("indicator carers: 1 row has its numerator above the denominator (a proportion above 100%) in \(project.root)/data-raw/sources/care.csv: W4 (line 4: 1200 > 1000)") == true)
    }

    @Test func aRatePerThousandMayExceedItsDenominator() throws {
        project.write("data-raw/sources/care.csv", FixtureProject.wardCare.replacingOccurrences(of: "W4,20,1000", with: "W4,1200,1000"))
        project.write("pipelines/test.yml", FixtureProject.pipeline.replacingOccurrences(
            of: "    scale: 100\n    source:\n      file: ../data-raw/sources/care.csv",
            with: "    scale: 1000\n    source:\n      file: ../data-raw/sources/care.csv"))
        try run()
    }

    @Test func negativeCountsAreErrorsOrLeftOut() throws {
        project.write("data-raw/sources/care.csv", FixtureProject.wardCare.replacingOccurrences(of: "W3,30,1000", with: "W3,-30,1000"))
        let error = runError()
        #expect(error?.message.contains("indicator carers: 1 negative count in \(project.root)/data-raw/sources/care.csv: W3 (line 3: numerator -30)") == true)

        setChecks("negative-count: warning")
        let outcome = try run()
        #expect(warnings(outcome).contains { $0.contains("W3 (line 3: numerator -30)") && $0.contains("those figures are left out") })
        let carers = project.table("data-out/test/latest/indicator_needs.csv").first { $0["indicator_id"] == "carers" && $0["spa_code"] == "A3" }
        #expect(carers?["value"] == "")
    }

    // MARK: - Area codes that changed since the previous ingest

    @Test func areaCodesThatChangedAreReportedAgainstThePreviousIngest() throws {
        try run()
        let staged = project.bytes("data-out/test/staging/ingest/indicator-fuel-poverty.staged")
        // One of the eighteen LSOAs gone (5.6%, above the 5% limit).
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty().replacingOccurrences(of: "L12,\"1,000\",100\n", with: ""))
        let error = runError()
        #expect(error?.message.contains("indicator fuel-poverty: the area codes of \(project.root)/data-raw/sources/fuel.csv changed since its previous ingest by more than 5% (`checks: area-change-limit`): 0 codes are new and 1 is gone, of 18 before (5.6%); gone: L12 (was line 5)") == true)
        // The failed ingest left the previous one in place, so the next run reports it again.
        #expect(project.bytes("data-out/test/staging/ingest/indicator-fuel-poverty.staged") == staged)
        #expect(runError()?.message.contains("gone: L12 (was line 5)") == true)
        #expect(project.list("data-out/test/staging/ingest").allSatisfy { !$0.contains(".partial-") })

        // Accepted once as a warning, the new codes are what later runs compare with.
        setChecks("area-changes: warning")
        #expect(warnings(try run()).contains { $0.contains("gone: L12") })
        setChecks("area-changes: error")
        let outcome = try run()
        #expect(warnings(outcome).allSatisfy { !$0.contains("area codes") })
        #expect(outcome.reports[0].counts["area codes gone since the previous ingest"] == 0)
    }

    @Test func aCSVIngestTableOfAnEarlierVersionIsComparedWithThenRemoved() throws {
        // As a version that staged ingest tables as CSV left them: the eighteen LSOAs.
        try run()
        let staged = "data-out/test/staging/ingest/indicator-fuel-poverty.staged"
        let rows = project.stagedTable(staged)
        #expect(rows.count == 18)
        let columns = ["area_code", "area_name", "district", "value", "numerator", "denominator", "population", "decile", "missing", "line"]
        project.write("data-out/test/staging/ingest/indicator-fuel-poverty.csv",
                      ([columns] + rows.map { row in columns.map { row[$0] ?? "" } }).map { $0.joined(separator: ",") + "\n" }.joined())
        try FileManager.default.removeItem(atPath: project.root + "/" + staged)

        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty().replacingOccurrences(of: "L12,\"1,000\",100\n", with: ""))
        #expect(runError()?.message.contains("0 codes are new and 1 is gone, of 18 before (5.6%); gone: L12 (was line 5)") == true)
        // A refused ingest leaves the CSV table; an accepted one replaces it.
        #expect(project.list("data-out/test/staging/ingest").contains("indicator-fuel-poverty.csv"))
        setChecks("area-changes: warning")
        #expect(warnings(try run()).contains { $0.contains("gone: L12") })
        #expect(!project.list("data-out/test/staging/ingest").contains("indicator-fuel-poverty.csv"))
        #expect(project.stagedTable(staged).count == 17)
    }

    @Test func aFileOfOtherAreasShowsTheFirstCodesOfEach() throws {
        try run()
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty().replacingOccurrences(of: "\nL", with: "\nX").replacingOccurrences(of: "XSOA", with: "LSOA"))
        let message = runError()?.message ?? ""
        #expect(message.contains("18 codes are new and 18 are gone, of 18 before (200%)"))
        #expect(message.contains("; new: X11 (line 4), X12 (line 5), X13 (line 6), X21 (line 7)"))
        #expect(message.contains("X41 (line 13), and 8 more; gone: L11 (was line 4), L12 (was line 5)"))
        #expect(message.hasSuffix("L41 (was line 13), and 8 more\n  (if the data is right, `checks: {area-changes: warning}` in the pipeline file makes this a warning: the new codes are accepted, and later runs are compared with them)"))
    }

    @Test func changesWithinTheLimitAreCountedNotReported() throws {
        try run()
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty().replacingOccurrences(of: "L12,\"1,000\",100\n", with: ""))
        setChecks("area-change-limit: 10")
        let outcome = try run()
        #expect(outcome.reports[0].counts["area codes gone since the previous ingest"] == 1)
        #expect(warnings(outcome).allSatisfy { !$0.contains("changed since") })
    }

    // MARK: - Unknown codes, in constant memory

    @Test func manyUnknownCodesAreCountedWithAFewShown() {
        var text = FixtureProject.scores()
        for n in 1...5000 { text += "X\(n),1.0,100\n" }
        project.write("data-raw/sources/scores.csv", text)
        let error = runError()
        #expect(error?.message.contains("indicator barriers: 5000 area codes in \(project.root)/data-raw/sources/scores.csv are not in the LSOA (2011) lookup") == true)
        #expect(error?.message.contains("X1 (line 20), X2 (line 21)") == true)
        #expect(error?.message.contains("and 4990 more") == true)
    }

    // MARK: - Every problem at once

    @Test func everyProblemOfASourceIsReportedTogether() {
        project.write("data-raw/sources/care.csv", FixtureProject.wardCare
            .replacingOccurrences(of: "W3,30,1000", with: "W3,-30,1000")
            .replacingOccurrences(of: "W4,20,1000", with: "W4,1200,1000") + "W5,10,1000\n")
        let message = runError()?.message ?? ""
        #expect(message.contains("W3 (line 3: numerator -30)"))
        #expect(message.contains("W4 (line 4: 1200 > 1000)"))
        #expect(message.contains("W5 (lines 5 and 7)"))
    }
}


/// `checks: change-since-last-release`: a refresh compared with the newest release.
@Suite("Figures compared with the newest release")
struct ReleaseChangeCheckTests {
    let checks = DataCheckTests()
    var project: FixtureProject { checks.project }

    @Test func aFigureThatMovesByMoreThanHalfIsReportedWithBothValues() throws {
        try checks.run()
        // Area 2's fuel poverty from 20% to 50%: +150%; the others unchanged.
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(percent: [10, 50, 30, 40, 50, 60]))
        let warnings = checks.warnings(try checks.run())
        #expect(warnings.contains { $0.contains("indicator fuel-poverty: 1 area figure moved by more than 50% since release 1.0.0: A2 20 -> 50 (+150%)") })
        #expect(!warnings.contains { $0.contains("changed order wholesale") })
        // A warning: the run publishes.
        #expect(project.list("data-out/test").contains("1.1.0"))
    }

    @Test func smallMovesAreNotReported() throws {
        try checks.run()
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(percent: [11, 22, 33, 44, 55, 66]))
        let warnings = checks.warnings(try checks.run())
        #expect(!warnings.contains { $0.contains("since release") })
    }

    @Test func aWholesaleReorderIsReported() throws {
        try checks.run()
        // The same figures in reverse order: no figure moves by more than... many do, and the
        // order is reversed (rank correlation -1).
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(percent: [60, 50, 40, 30, 20, 10]))
        let warnings = checks.warnings(try checks.run())
        #expect(warnings.contains { $0.contains("indicator fuel-poverty: its areas changed order wholesale since release 1.0.0 (rank correlation -1.00, below 0.5)") })
    }

    @Test func asAnErrorNothingIsPublishedAndTheThresholdIsTheAnalysts() throws {
        try checks.run()
        checks.setChecks("change-since-last-release: {relative: 2, action: error}")
        // +150% is within a limit of 200%.
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(percent: [10, 50, 30, 40, 50, 60]))
        #expect(checks.warnings(try checks.run()).allSatisfy { !$0.contains("since release") })
        // +500% is not: an input-data error, nothing published.
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(percent: [60, 50, 30, 40, 50, 60]))
        let error = try #require(checks.runError())
        #expect(error.category == .inputData)
        #expect(error.message.contains("A1 10 -> 60 (+500%)"))
        #expect(error.message.contains("`checks: {change-since-last-release: warning}`"))
    }

    @Test func theSettingsAreCheckedLikeEveryKey() throws {
        checks.setChecks("change-since-last-release: {relative: 0}")
        let zero = try #require(throws: AreaNeedsError.self) { try Pipeline.load(path: project.pipelinePath) }
        #expect(zero.category == .configuration && zero.message.contains("change-since-last-release.relative"))
        checks.setChecks("change-since-last-release: {relativ: 0.2}")
        let typo = try #require(throws: AreaNeedsError.self) { try Pipeline.load(path: project.pipelinePath) }
        #expect(typo.category == .configuration && typo.message.contains("relativ"))
        checks.setChecks("change-since-last-release: warning")
        #expect(try Pipeline.load(path: project.pipelinePath).file.checks.severity(.changeSinceLastRelease) == .warning)
    }
}
