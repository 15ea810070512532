import Foundation
import Testing
@testable import AreaNeedsCore

/// The `checks:` and `limits:` sections, the expectations on sources and indicators, and
/// how findings become warnings or errors.
@Suite("Checks and limits in the pipeline file")
struct ChecksSpecTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "areaneeds-checks-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func load(_ text: String) throws(AreaNeedsError) -> Pipeline {
        let path = folder + "/pipeline.yml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
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

    /// The valid pipeline with `extra` added at the top level.
    func with(_ extra: String) -> String {
        PipelineLoaderTests.valid + "\n" + extra + "\n"
    }

    @Test func defaultsStopOnWhatCannotBeRight() throws {
        let checks = try load(PipelineLoaderTests.valid).file.checks
        for check in DataCheck.allCases {
            let warning: Set<DataCheck> = [.areaWithoutData, .changeSinceLastRelease, .olderPeriod]
            #expect(checks.severity(check) == (warning.contains(check) ? .warning : .error), "\(check)")
        }
        #expect(checks.areaChangeLimit == 5)
        #expect(checks.changeRelative == 0.5 && checks.changeRankCorrelation == 0.5)
    }

    @Test func everyCheckCanBeMadeAWarning() throws {
        let keys = DataCheck.allCases.map { "  \($0.rawValue): warning" }.joined(separator: "\n")
        let checks = try load(with("checks:\n" + keys + "\n  area-change-limit: 12.5")).file.checks
        #expect(DataCheck.allCases.allSatisfy { checks.severity($0) == .warning })
        #expect(checks.areaChangeLimit == 12.5)
    }

    @Test func anIndicatorsChecksOverrideThePipelinesSeverities() throws {
        let text = with("checks: {area-without-data: error, negative-count: warning, area-change-limit: 12}")
            .replacingOccurrences(of: "    aggregation: rate\n", with: "    aggregation: rate\n    checks: {area-without-data: warning}\n")
        let pipeline = try load(text)
        let indicator = try #require(pipeline.file.indicators.first { $0.checks != nil })
        let checks = pipeline.file.checks.applying(indicator.checks)
        #expect(checks.severity(.areaWithoutData) == .warning)
        // What the indicator does not set stays the pipeline's.
        #expect(checks.severity(.negativeCount) == .warning && checks.severity(.duplicateArea) == .error)
        #expect(checks.areaChangeLimit == 12)
        #expect(pipeline.file.checks.severity(.areaWithoutData) == .error)
        #expect(pipeline.file.checks.applying(nil) == pipeline.file.checks)
    }

    @Test func anIndicatorsChecksSetSeveritiesOnly() {
        let text = PipelineLoaderTests.valid
            .replacingOccurrences(of: "    aggregation: rate\n", with: "    aggregation: rate\n    checks: {area-change-limit: 20}\n")
        let error = loadError(text)
        #expect(error?.category == .configuration)
        #expect(error?.message.contains(".checks): an indicator's checks set severities only") == true, "\(error?.message ?? "no error")")
    }

    @Test func unknownCheckNamesTheKnownOnes() {
        let error = loadError(with("checks:\n  duplicate-areas: warning"))
        #expect(error?.category == .configuration)
        #expect(error?.message.contains("unknown key \"duplicate-areas\"") == true)
        #expect(error?.message.contains("duplicate-area, row-count") == true)
    }

    @Test func severityMustBeErrorOrWarning() {
        let error = loadError(with("checks:\n  negative-count: ignore"))
        #expect(error?.message.contains("(checks.negative-count)") == true)
        #expect(error?.message.contains("ignore") == true)
    }

    @Test func areaChangeLimitIsAPercentage() {
        let error = loadError(with("checks:\n  area-change-limit: 150"))
        #expect(error?.message.contains("(checks.area-change-limit): a percentage of area codes, from 0 to 100, not 150") == true)
    }

    @Test func limitsTakeSizesWithUnits() throws {
        let limits = try load(with("limits:\n  max-decompressed-bytes: 2 GiB\n  max-field-bytes: 500 KB\n  max-row-bytes: 4194304")).file.limits
        #expect(limits.maxDecompressedBytes.bytes == 2 << 30)
        #expect(limits.maxFieldBytes.bytes == 500_000)
        #expect(limits.readLimits.maxRowBytes == 4 << 20)
        let defaults = try load(PipelineLoaderTests.valid).file.limits.readLimits
        #expect(defaults.maxDecompressedBytes == 8 << 30 && defaults.maxFieldBytes == 1 << 20 && defaults.maxRowBytes == 16 << 20)
    }

    @Test func aSizeThatIsNotOneIsAnError() {
        let error = loadError(with("limits:\n  max-decompressed-bytes: lots"))
        #expect(error?.category == .configuration)
        #expect(error?.message.contains("(limits.max-decompressed-bytes): expected a size in bytes, such as 1048576, 512 KiB or 8 GiB") == true)
        #expect(loadError(with("limits:\n  max-field-bytes: -5")) != nil)
        #expect(loadError(with("limits:\n  max-field-bytes: 5 parsecs")) != nil)
    }

    @Test func aFieldCannotOutgrowARow() {
        let error = loadError(with("limits:\n  max-field-bytes: 2 MiB\n  max-row-bytes: 1 MiB"))
        #expect(error?.message.contains("(limits.max-field-bytes): a field cannot be larger than a row") == true)
    }

    @Test func expectationsAreRead() throws {
        let text = PipelineLoaderTests.valid
            .replacingOccurrences(of: "    aggregation: rate\n", with: "    aggregation: rate\n    expected-areas: {min: 30}\n    plausible-range: {min: 0, max: 100}\n")
            .replacingOccurrences(of: "      denominator: Households\n", with: "      denominator: Households\n      expected-rows: {min: 900, max: 1000}\n")
        let indicator = try load(text).file.indicators[0]
        #expect(indicator.expectedAreas == CountRange(min: 30))
        #expect(indicator.source?.expectedRows == CountRange(min: 900, max: 1000))
        #expect(indicator.plausibleRange?.contains(100) == true && indicator.plausibleRange?.contains(100.5) == false)
    }

    @Test func expectationsThatCannotBeMetAreErrors() {
        let rows = PipelineLoaderTests.valid.replacingOccurrences(of: "      denominator: Households\n", with: "      denominator: Households\n      expected-rows: {min: 10, max: 5}\n")
        #expect(loadError(rows)?.message.contains("(indicators[0].source.expected-rows): min (10) is above max (5)") == true)
        let range = PipelineLoaderTests.valid.replacingOccurrences(of: "    aggregation: rate\n", with: "    aggregation: rate\n    plausible-range: {min: 100, max: 0}\n")
        #expect(loadError(range)?.message.contains("(indicators[0].plausible-range): min (100) is above max (0)") == true)
        let areas = PipelineLoaderTests.valid.replacingOccurrences(of: "    aggregation: rate\n", with: "    aggregation: rate\n    expected-areas: {min: -1}\n")
        #expect(loadError(areas)?.message.contains("min cannot be negative") == true)
    }

    @Test func countRangesSayWhatTheyExpect() {
        #expect(CountRange(min: 30).description == "at least 30")
        #expect(CountRange(max: 40).description == "at most 40")
        #expect(CountRange(min: 30, max: 40).description == "between 30 and 40")
        #expect(CountRange(min: 34, max: 34).description == "exactly 34")
        #expect(CountRange(min: 30, max: 40).contains(30) && !CountRange(min: 30, max: 40).contains(41))
    }

    // MARK: - Findings become warnings or an error

    @Test func findingsKeepACountAndTheFirstFew() {
        var findings = CheckFindings(.negativeCount)
        for line in 1...1000 { findings.add("E\(line) (line \(line))") }
        #expect(findings.count == 1000)
        #expect(findings.examples.count == CheckFindings.shownExamples)
        #expect(findings.listed.hasPrefix("E1 (line 1), E2 (line 2)"))
        #expect(findings.listed.hasSuffix("E10 (line 10), and 990 more"))
    }

    @Test func warningsAreReturnedAndErrorsThrownTogether() {
        var checks = ChecksSpec()
        checks.setSeverity(.warning, of: .duplicateArea)
        var report = CheckReport(checks: checks)
        report.add(.duplicateArea, "two rows of E01")
        report.add(.negativeCount, "a negative count")
        report.add(.implausibleValue, "a value of 900")
        #expect(report.warnings == ["two rows of E01 (a warning: the first row of each code is used, the others are left out)"])
        do {
            _ = try report.finish()
            Issue.record("expected an error")
        } catch {
            #expect(error.category == .inputData)
            #expect(error.message.contains("a negative count\n  (if the data is right, `checks: {negative-count: warning}`"))
            #expect(error.message.contains("a value of 900\n  (if the data is right, `checks: {implausible-value: warning}`"))
        }
    }

    @Test func noFindingsNoMessages() throws {
        var report = CheckReport(checks: ChecksSpec())
        report.add(CheckFindings(.duplicateArea)) { "\($0) repeats" }
        #expect(try report.finish().isEmpty)
    }
}
