import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// `run` does every stage in one process and one pass: each stage takes what the one before
/// made in memory, and reads back nothing it wrote, yet leaves the staging folders and the
/// release exactly as the stages run one by one do.
@Suite("A run of every stage in one pass")
struct OnePassTests {
    func run(_ project: FixtureProject, _ stages: [StageName] = StageName.allCases, force: Bool = false) throws {
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        _ = try PipelineRunner(pipeline: pipeline, logger: logger).run(stages, force: force)
    }

    /// Every staged table and ranked table, and every release table, by path.
    func outputs(of project: FixtureProject) -> [String: [UInt8]] {
        var outputs: [String: [UInt8]] = [:]
        for stage in StageName.allCases.dropLast() {
            let folder = "data-out/test/staging/" + stage.rawValue
            for name in project.list(folder) where !name.hasSuffix(".json") { outputs[folder + "/" + name] = project.bytes(folder + "/" + name) }
        }
        for name in project.list("data-out/test/latest") where name.hasSuffix(".csv") {
            outputs["latest/" + name] = project.bytes("data-out/test/latest/" + name)
        }
        return outputs
    }

    /// The fixture, with the barriers score weighted by a population table of its own: an
    /// indicator that must wait for another unit's table.
    func weightedProject() -> FixtureProject {
        let project = FixtureProject()
        let pipeline = FixtureProject.pipeline
            .replacingOccurrences(of: "              value: Score\n              population: Population\n", with: "              value: Score\n            weight: people\n")
            .replacingOccurrences(of: "indicators:\n", with: """
                populations:
                  people:
                    file: ../data-raw/sources/scores.csv
                    geography: lsoa11
                    area-code: LSOA code
                    column: Population
                indicators:

                """)
        project.write("pipelines/test.yml", pipeline)
        return project
    }

    /// Reads of the sources and geography only: no staging table is read back, by the next
    /// stage or by the up-to-date checks.
    @Test(arguments: [false, true])
    func aRunReadsBackNoStagingTableItWrote(weighted: Bool) throws {
        let project = weighted ? weightedProject() : FixtureProject()
        let (_, read) = try FilesRead.recording(under: project.root) { try run(project) }
        #expect(read.contains { $0.hasSuffix("/sources/fuel.csv") } && read.contains { $0.hasSuffix("/geography/lsoa11.csv") })
        #expect(read.allSatisfy { !$0.contains("/data-out/test/staging/") }, "\(read)")
        // Run alone, the normalise stage reads the ingest stage's tables.
        let (_, alone) = try FilesRead.recording(under: project.root) { try run(project, [.normalise], force: true) }
        #expect(alone.contains { $0.hasSuffix("/staging/ingest/indicator-fuel-poverty.staged") }, "\(alone)")
    }

    @Test(arguments: [false, true])
    func aRunLeavesWhatTheStagesRunOneByOneLeave(weighted: Bool) throws {
        let (onePass, byStage) = weighted ? (weightedProject(), weightedProject()) : (FixtureProject(), FixtureProject())
        try run(onePass)
        for stage in StageName.allCases { try run(byStage, [stage]) }
        let (a, b) = (outputs(of: onePass), outputs(of: byStage))
        #expect(a.count > 15 && a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(bytes == b[path], "\(path)") }
        if weighted { #expect(onePass.stagedTable("data-out/test/staging/ingest/population-people.staged").count == 18) }
    }
}
