import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsCore

/// Every number of a pipeline file in the range where it means something, or a
/// configuration error naming its line and key: no setting can trap a run or publish
/// nonsense (a `scale` of 0 put every area first, a negative one turned the ranking round).
@Suite("Numbers of a pipeline file in range")
struct PipelineNumberTests {
    let temporary = TemporaryFolder("areaneeds-numbers")

    /// The valid pipeline, with the fuel poverty indicator's `scale: 100` line and the
    /// wellbeing indicator given an average-rank source, so every number can be set.
    static let base = PipelineLoaderTests.valid + """

          - id: deprivation
            title: Income deprivation
            objective: 2
            polarity: higher-is-worse
            unit: rank
            vintage: IoD 2019
            aggregation: average-rank
            national-count: 32844
            plausible-range: {min: 0, max: 100}
            weight: people
            source:
              file: iod.csv
              geography: lsoa11
              area-code: LSOA code
              value: Rank
              header-line: 1
        populations:
          people: {file: people.csv, geography: lsoa11, area-code: LSOA code, column: People, header-line: 1}
        policy: {procurement-threshold: 214904}

        """

    func error(_ original: String, _ replacement: String) throws -> AreaNeedsError? {
        #expect(Self.base.contains(original), "no \(original) in the pipeline")
        let path = temporary.file("pipeline.yml", Self.base.replacingOccurrences(of: original, with: replacement))
        do {
            _ = try Pipeline.load(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func theBaseLoads() throws {
        let pipeline = try Pipeline.load(path: temporary.file("pipeline.yml", Self.base))
        #expect(pipeline.file.indicators.map(\.nationalCount) == [nil, nil, 32844])
    }

    @Test(arguments: ["0", "-100", "-0.5", ".inf", "-.inf", ".nan", "1e400", "1e10"])
    func scaleIsPositiveFiniteAndNotAbsurd(value: String) throws {
        let error = try error("    scale: 100", "    scale: \(value)")
        #expect(error?.category == .configuration)
        #expect(error?.message.contains("pipeline.yml, line 19 (indicators[0].scale): a multiplier above 0 and at most 1000000000") == true,
                "\(error?.message ?? "loaded")")
    }

    @Test(arguments: [("0", "not 0"), ("-1", "not -1"), ("100000001", "not 100000001"), ("9223372036854775807", "not 9223372036854775807")])
    func nationalCountIsAPositiveWholeNumberInBounds(value: String, shown: String) throws {
        let error = try error("national-count: 32844", "national-count: \(value)")
        #expect(error?.category == .configuration)
        #expect(error?.message.contains("(indicators[2].national-count): the number of small areas the national ranks run over, from 1 to 100000000") == true,
                "\(error?.message ?? "loaded")")
        #expect(error?.message.contains(shown) == true)
    }

    @Test(arguments: ["1e30", "2.5", "many"])
    func nationalCountIsAWholeNumber(value: String) throws {
        let error = try error("national-count: 32844", "national-count: \(value)")
        #expect(error?.message.contains("(indicators[2].national-count): expected a whole number") == true, "\(error?.message ?? "loaded")")
    }

    @Test(arguments: [
        ("{min: .inf, max: 100}", "(indicators[2].plausible-range.min): a finite number, not .inf"),
        ("{min: 0, max: -.inf}", "(indicators[2].plausible-range.max): a finite number, not -.inf"),
        ("{min: .nan}", "(indicators[2].plausible-range.min): a finite number, not .nan"),
        ("{max: 1e999}", "(indicators[2].plausible-range.max): a finite number, not .inf"),
        ("{min: 100, max: 0}", "(indicators[2].plausible-range): min (100) is above max (0)"),
    ])
    func plausibleRangeIsFiniteAndOrdered(range: String, expected: String) throws {
        let error = try error("plausible-range: {min: 0, max: 100}", "plausible-range: \(range)")
        #expect(error?.category == .configuration)
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "loaded")")
    }

    @Test(arguments: [
        ("      header-line: 1", "      header-line: 0", "(indicators[2].source.header-line): a line number from 1 to 200"),
        ("      header-line: 1", "      header-line: -3", "(indicators[2].source.header-line): a line number from 1 to 200"),
        ("column: People, header-line: 1", "column: People, header-line: 201", "(populations.people.header-line): a line number from 1 to 200"),
    ])
    func headerLineIsWhereTheHeaderIsLookedFor(original: String, replacement: String, expected: String) throws {
        let error = try error(original, replacement)
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "loaded")")
    }

    @Test(arguments: ["-1", ".inf", ".nan", "1e13"])
    func procurementThresholdIsASum(value: String) throws {
        let error = try error("procurement-threshold: 214904", "procurement-threshold: \(value)")
        #expect(error?.message.contains("(policy.procurement-threshold): a sum in pounds from 0 to 1000000000000") == true,
                "\(error?.message ?? "loaded")")
    }

    @Test(arguments: [
        ("checks: {area-change-limit: .nan}", "(checks.area-change-limit): a percentage of area codes, from 0 to 100"),
        ("checks: {change-since-last-release: {relative: .inf}}", "(checks.change-since-last-release.relative): a share of the old figure greater than 0"),
        ("checks: {change-since-last-release: {rank-correlation: .nan}}", "(checks.change-since-last-release.rank-correlation): a rank correlation from -1 to 1"),
        ("limits: {max-field-bytes: 0}", "(limits.max-field-bytes): expected a size in bytes"),
        ("limits: {max-row-bytes: 1e400 GiB}", "(limits.max-row-bytes): expected a size in bytes"),
    ])
    func checksAndLimitsAreInRange(addition: String, expected: String) throws {
        let error = try error("policy: {procurement-threshold: 214904}", "policy: {procurement-threshold: 214904}\n" + addition)
        #expect(error?.category == .configuration)
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "loaded")")
    }

    @Test(arguments: [
        ("pipeline: test", "pipeline: " + String(repeating: "a", count: 300), "(pipeline): \"aaaa", "is 300 characters long; it may have at most 64"),
        ("  - id: fuel-poverty", "  - id: " + String(repeating: "f", count: 65), "(indicators[0].id): \"ffff", "is 65 characters long; it may have at most 64"),
        ("  people: {file", "  ../people: {file", "(populations.../people): \"../people\"", "must be lower-case letters, digits and hyphens"),
    ])
    func namesAreShortIdentifiers(original: String, replacement: String, key: String, expected: String) throws {
        var text = Self.base.replacingOccurrences(of: original, with: replacement)
        if original.contains("people") { text = text.replacingOccurrences(of: "weight: people", with: "weight: ../people") }
        let path = temporary.file("pipeline.yml", text)
        do {
            _ = try Pipeline.load(path: path)
            Issue.record("loaded with \(replacement)")
        } catch {
            #expect(error.category == .configuration)
            #expect(error.message.contains(key) && error.message.contains(expected), "\(error.message)")
        }
    }
}
