import AreaNeedsCLI
import AreaNeedsCore
import Foundation
import Logging
import AreaNeedsTestSupport
import Testing

/// A national file without a district column, scoped by the district in each area's name
/// (`district-from-name`), where another district's name begins with one of ours: the
/// fixture's districts are Dale and Vale, and "Dale Forest 001A" is in neither.
@Suite("Scoping a national file by area names")
struct DistrictFromNameTests {
    let project = FixtureProject()

    static let indicator = """
          - id: limited
            title: Activities limited a lot
            objective: 3
            polarity: higher-is-worse
            unit: "%"
            vintage: Census 2021
            aggregation: rate
            scale: 100
            source:
              file: ../data-raw/sources/limited.csv
              geography: lsoa21
              area-code: geography code
              area-name: geography
              numerator: Limited
              denominator: Residents
              district-from-name: true

        """

    /// Every fixture LSOA, named in its district, then `extra` rows.
    func writeSource(extra: String) {
        var text = "date,geography,geography code,Limited,Residents\n"
        for area in 1...6 {
            for n in 1...3 { text += "2021,\(area <= 3 ? "Dale" : "Vale") 00\(area)\(["A", "B", "C"][n - 1]),L\(area)\(n),10,100\n" }
        }
        project.write("data-raw/sources/limited.csv", text + extra)
        project.write("pipelines/test.yml", FixtureProject.pipeline + DistrictFromNameTests.indicator)
    }

    func run() throws -> PipelineRunner.Outcome {
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try PipelineRunner(pipeline: pipeline, logger: logger).run()
    }

    @Test func aDistrictWhoseNameBeginsWithOursIsOutside() throws {
        writeSource(extra: "2021,Dale Forest 001A,Z01,90,100\n2021,Vale Royal 002B,Z02,90,100\n")
        let outcome = try run()
        let normalise = try #require(outcome.reports.first { $0.stage == .normalise })
        #expect(normalise.counts["small-area rows outside the areas"] == 2)
        let limited = project.table("data-out/test/latest/indicator_needs.csv").filter { $0["indicator_id"] == "limited" }
        #expect(limited.count == 6)
        #expect(limited.allSatisfy { $0["value"] == "10.0" && $0["numerator"] == "30.0" })
    }

    @Test func anUnknownAreaOfOurDistrictIsStillReported() throws {
        writeSource(extra: "2021,Dale 009Z,Z03,90,100\n")
        do {
            _ = try run()
            Issue.record("an unknown 2021 LSOA named in Dale was not reported")
        } catch let error as AreaNeedsError {
            #expect(error.category == .inputData)
            #expect(error.message.contains("Z03"))
        }
    }
}
