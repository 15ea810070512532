import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// A file that several indicators read is read once for all of them: each indicator's
/// staging table is what it would be if it read the file alone, and a problem is told
/// against the indicator and setting it is about.
@Suite("Sources shared by several indicators")
struct SharedSourceTests {
    /// The fixture pipeline with a second indicator reading the scores, from `file`.
    static func pipeline(secondIndicatorReads file: String, value: String = "Score") -> String {
        FixtureProject.pipeline.replacingOccurrences(of: "  - id: pay\n", with: """
              - id: score-median
                title: Median score
                objective: 4
                polarity: higher-is-worse
                unit: score
                vintage: IoD 2019
                aggregation: median
                source:
                  file: ../data-raw/sources/\(file)
                  geography: lsoa11
                  area-code: LSOA code
                  value: \(value)
                  population: Population
              - id: pay

            """)
    }

    func ingest(_ project: FixtureProject) throws(AreaNeedsError) -> PipelineRunner.Outcome {
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try PipelineRunner(pipeline: pipeline, logger: logger).run([.ingest])
    }

    @Test func eachIndicatorGetsWhatItWouldReadingTheFileAlone() throws {
        let shared = FixtureProject()
        shared.write("pipelines/test.yml", SharedSourceTests.pipeline(secondIndicatorReads: "scores.csv"))
        let apart = FixtureProject()
        apart.write("data-raw/sources/scores-copy.csv", FixtureProject.scores())
        apart.write("pipelines/test.yml", SharedSourceTests.pipeline(secondIndicatorReads: "scores-copy.csv"))
        try ingest(shared)
        try ingest(apart)

        for id in ["barriers", "score-median"] {
            let table = "data-out/test/staging/ingest/indicator-\(id).staged"
            #expect(!shared.bytes(table).isEmpty)
            #expect(shared.bytes(table) == apart.bytes(table), "\(id)")
        }
        let medianScores = shared.stagedTable("data-out/test/staging/ingest/indicator-score-median.staged")
        #expect(medianScores.count == 18)
        #expect(medianScores.first { $0["area_code"] == "L22" }?["missing"] == "value: ..")
    }

    @Test func aMissingColumnNamesTheIndicatorThatNamedIt() {
        let project = FixtureProject()
        project.write("pipelines/test.yml", SharedSourceTests.pipeline(secondIndicatorReads: "scores.csv", value: "Scroe"))
        #expect {
            try ingest(project)
        } throws: { error in
            let message = (error as? AreaNeedsError)?.message ?? ""
            return message.contains("indicator score-median") && message.contains("no column named \"Scroe\"")
                && message.contains("indicators[2].source.value") && !message.contains("indicator barriers")
        }
    }

    @Test func aFailedCheckOfOneIndicatorLeavesTheOthersStagingComplete() throws {
        let project = FixtureProject()
        project.write("pipelines/test.yml", SharedSourceTests.pipeline(secondIndicatorReads: "scores.csv")
            .replacingOccurrences(of: "    aggregation: median\n", with: "    aggregation: median\n    plausible-range: {max: 5}\n"))
        #expect {
            try ingest(project)
        } throws: { error in
            let message = (error as? AreaNeedsError)?.message ?? ""
            return message.contains("indicator score-median: 6 values are outside the plausible range at most 5")
                && !message.contains("indicator barriers")
        }
        // The staging table of the failing indicator is never put in place half checked.
        #expect(!project.list("data-out/test/staging/ingest").contains("indicator-score-median.staged"))
        #expect(project.stagedTable("data-out/test/staging/ingest/indicator-barriers.staged").count == 18)
    }
}
