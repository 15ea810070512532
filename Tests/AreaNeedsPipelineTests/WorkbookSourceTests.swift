import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// Sources and population tables read from a workbook's sheet or in Windows-1252: the
/// same figures as from the UTF-8 CSV, and their `sheet:` and `encoding:` part of what
/// decides whether ingest runs again.
@Suite("Workbook and Windows-1252 sources")
struct WorkbookSourceTests {
    private func run(_ project: FixtureProject, _ stages: [StageName] = StageName.allCases) throws -> PipelineRunner.Outcome {
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try PipelineRunner(pipeline: pipeline, logger: logger).run(stages)
    }

    /// The fixture with the fuel source's `file:` line replaced by `lines`.
    private func project(fuelSource lines: [String]) -> FixtureProject {
        let project = FixtureProject()
        let indent = "      "
        project.write("pipelines/test.yml", FixtureProject.pipeline.replacingOccurrences(
            of: indent + "file: ../data-raw/sources/fuel.csv\n", with: lines.map { indent + $0 + "\n" }.joined()))
        return project
    }

    private func fuelNeeds(_ project: FixtureProject) throws -> [[String: String]] {
        let release = try #require(try run(project).releaseFolder)
        return project.table(String(release.dropFirst(project.root.count + 1)) + "/indicator_needs.csv")
            .filter { $0["indicator_id"] == "fuel-poverty" }
    }

    @Test func aSheetGivesTheFiguresOfTheCSV() throws {
        let fromSheet = project(fuelSource: ["file: ../data-raw/sources/fuel.xlsx", "sheet: Table 3"])
        try FixtureProject.fuelPovertyWorkbook().write(to: fromSheet.root + "/data-raw/sources/fuel.xlsx")
        let needs = try fuelNeeds(fromSheet)
        #expect(needs.count == 6)
        #expect(needs == (try fuelNeeds(FixtureProject())))
    }

    @Test func windows1252GivesTheFiguresOfUTF8() throws {
        let legacy = project(fuelSource: ["file: ../data-raw/sources/fuel.csv", "encoding: windows-1252"])
        let text = FixtureProject.fuelPoverty().replacingOccurrences(of: "made up for tests", with: "made up for tests, café")
        legacy.write("data-raw/sources/fuel.csv", bytes: text.unicodeScalars.map { UInt8($0.value) })
        #expect(try fuelNeeds(legacy) == (try fuelNeeds(FixtureProject())))
    }

    @Test func changingTheSheetRunsIngestAgain() throws {
        let project = project(fuelSource: ["file: ../data-raw/sources/fuel.xlsx", "sheet: Table 3"])
        var workbook = FixtureProject.fuelPovertyWorkbook()
        workbook.sheets.insert(WorkbookFile.Sheet("Contents", rows: [[.text("Table 3: fuel poverty by LSOA")]]), at: 0)
        try workbook.write(to: project.root + "/data-raw/sources/fuel.xlsx")
        _ = try run(project, [.ingest])
        #expect(try run(project, [.ingest]).reports.first?.ran == [])
        project.write("pipelines/test.yml", project.read("pipelines/test.yml").replacingOccurrences(of: "sheet: Table 3", with: "sheet: 2"))
        #expect(try run(project, [.ingest]).reports.first?.ran == ["indicator-fuel-poverty"])
    }

    @Test func aPopulationTableFromTheSheetOfASource() throws {
        // The barriers score and a population table read from one sheet (one read: their
        // settings of the file are the same).
        let project = FixtureProject()
        var rows: [[WorkbookCell?]] = [[.text("LSOA code"), .text("Score"), .text("Population")]]
        for a in 1...6 {
            for n in 1...3 {
                let score: WorkbookCell = a == 2 && n == 2 ? .text("..") : .number(String(Double(a) + Double(n) / 10))
                rows.append([.text("L\(a)\(n)"), score, .number("1500")])
            }
        }
        try WorkbookFile(sheets: [WorkbookFile.Sheet("Scores", rows: rows)]).write(to: project.root + "/data-raw/sources/scores.xlsx")
        let pipeline = FixtureProject.pipeline
            .replacingOccurrences(of: "      file: ../data-raw/sources/scores.csv\n", with: "      file: ../data-raw/sources/scores.xlsx\n      sheet: Scores\n")
            .replacingOccurrences(of: "indicators:\n", with: """
                populations:
                  residents: {file: ../data-raw/sources/scores.xlsx, sheet: Scores, geography: lsoa11, area-code: LSOA code, column: Population}
                indicators:

                """)
        project.write("pipelines/test.yml", pipeline)
        let outcome = try run(project, [.ingest])
        let ingest = try #require(outcome.reports.first)
        #expect(Set(ingest.ran).isSuperset(of: ["indicator-barriers", "population-residents"]))
        let population = project.stagedTable("data-out/test/staging/ingest/population-residents.staged")
        #expect(population.count == 18)
        let reference = FixtureProject()
        _ = try run(reference, [.ingest])
        #expect(project.bytes("data-out/test/staging/ingest/indicator-barriers.staged")
            == reference.bytes("data-out/test/staging/ingest/indicator-barriers.staged"))
    }

    @Test func wrongTypesAndUnknownNamesAreConfigurationErrors() throws {
        for (lines, message) in [
            (["file: ../data-raw/sources/fuel.csv", "sheet: 0"], "line 25 (indicators[0].source.sheet): sheets are numbered from 1, not 0"),
            (["file: ../data-raw/sources/fuel.csv", "sheet: [1, 2]"], "line 25 (indicators[0].source.sheet)"),
            (["file: ../data-raw/sources/fuel.csv", "encoding: klingon"], "unknown encoding \"klingon\"; this key takes utf-8, windows-1252, latin-1, iso-8859-1"),
            (["file: ../data-raw/sources/fuel.csv", "sheets: 1"], "unknown key \"sheets\""),
        ] {
            let project = project(fuelSource: lines)
            let error = try #require(throws: AreaNeedsError.self) { try Pipeline.load(path: project.pipelinePath) }
            #expect(error.category == .configuration)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
