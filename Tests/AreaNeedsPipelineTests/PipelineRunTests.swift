import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

@Suite("Running a pipeline through its stages")
struct PipelineRunTests {
    let project = FixtureProject()

    func run(_ stages: [StageName] = StageName.allCases, force: Bool = false) throws -> PipelineRunner.Outcome {
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try PipelineRunner(pipeline: pipeline, logger: logger).run(stages, force: force)
    }

    /// Figures are written with a decimal point, as columns of type `number` always are.
    @Test func firstRunPublishesVersionOne() throws {
        let outcome = try run()
        #expect(outcome.release == .published(ReleaseVersion(1, 0, 0), change: nil))
        #expect(project.list("data-out/test").filter { !$0.hasPrefix(".") } == ["1.0.0", "latest", "staging"])
        let needs = project.table("data-out/test/latest/indicator_needs.csv")
        #expect(needs.count == 6 * 5)
        // Fuel poverty: area a has 10a% fuel poor, so A6 (60%) has the greatest need.
        let fuel = needs.filter { $0["indicator_id"] == "fuel-poverty" }
        #expect(fuel.first { $0["spa_code"] == "A6" }?["value"] == "60.0")
        #expect(fuel.first { $0["spa_code"] == "A6" }?["need_rank"] == "1")
        #expect(fuel.first { $0["spa_code"] == "A1" }?["need_rank"] == "6")
        #expect(fuel.first { $0["spa_code"] == "A1" }?["numerator"] == "300.0")
        #expect(fuel.first { $0["spa_code"] == "A1" }?["denominator"] == "3000.0")
        // Pay is inherited from the district; Vale's is lower, so its areas rank first.
        let pay = needs.filter { $0["indicator_id"] == "pay" }
        #expect(pay.first { $0["spa_code"] == "A4" }?["value"] == "25000.0")
        #expect(pay.first { $0["spa_code"] == "A4" }?["quality"] == "inherited")
        #expect(pay.first { $0["spa_code"] == "A4" }?["need_rank"] == "1")
        #expect(pay.first { $0["spa_code"] == "A1" }?["need_rank"] == "4")
        // The split ward makes the carers figure of A1 and A2 apportioned.
        let carers = needs.filter { $0["indicator_id"] == "carers" }
        #expect(carers.first { $0["spa_code"] == "A1" }?["quality"] == "apportioned")
        #expect(carers.first { $0["spa_code"] == "A1" }?["value"] == "4.0")
        #expect(carers.first { $0["spa_code"] == "A3" }?["quality"] == "exact")
        // The unavailable indicator is published with no values.
        let wellbeing = needs.filter { $0["indicator_id"] == "wellbeing" }
        #expect(wellbeing.count == 6 && wellbeing.allSatisfy { $0["value"] == "" && $0["need_rank"] == "" })
    }

    @Test func anIndicatorWithoutVariationIsPublishedButNotRanked() throws {
        // Both districts with the same pay: a county figure in effect, inherited by all.
        project.write("data-raw/sources/pay.csv", FixtureProject.pay.replacingOccurrences(of: "\"£25,000\"", with: "\"£30,000\""))
        try run()
        let needs = project.table("data-out/test/latest/indicator_needs.csv").filter { $0["indicator_id"] == "pay" }
        #expect(needs.count == 6 && needs.allSatisfy { $0["value"] == "30000.0" && $0["need_rank"] == "" && $0["need_quintile"] == "" && $0["highest_need"] == "" })
        let pay = project.table("data-out/test/latest/indicators.csv").first { $0["indicator_id"] == "pay" }
        #expect(pay?["not_ranked_reason"]?.hasPrefix("every area has the same figure") == true, "\(String(describing: pay))")
        // It does not count towards objective 2, which has no other indicator: not ranked.
        let objective = project.table("data-out/test/latest/objective_needs.csv").filter { $0["objective_id"] == "2" }
        #expect(objective.allSatisfy { $0["indicators_ranked"] == "0" && $0["need_quintile"] == "" })
        // A ranked indicator has no reason.
        #expect(project.table("data-out/test/latest/indicators.csv").first { $0["indicator_id"] == "fuel-poverty" }?["not_ranked_reason"] == "")
    }

    @Test func eachAreaIsComparedWithTheCounty() throws {
        try run()
        let indicators = project.table("data-out/test/latest/indicators.csv")
        let county = { (id: String) in indicators.first { $0["indicator_id"] == id }?["county_value"] }
        // Fuel poverty: 6,300 fuel poor of 18,000 households in all: 35%. Each area's Wilson
        // interval is narrow (3,000 households), so 10%, 20% and 30% are better and 40%, 50%
        // and 60% worse; none includes 35%.
        #expect(county("fuel-poverty") == "35.0")
        let needs = project.table("data-out/test/latest/indicator_needs.csv")
        let fuel = needs.filter { $0["indicator_id"] == "fuel-poverty" }.map { $0["compared_with_county"] ?? "?" }
        #expect(fuel == ["better", "better", "better", "worse", "worse", "worse"])
        // Pay is inherited (no interval): the county figure is the areas' population-weighted
        // mean, (3 × 30,000 + 3 × 25,000) / 6; no area is compared.
        #expect(county("pay") == "27500.0")
        #expect(needs.filter { $0["indicator_id"] == "pay" }.allSatisfy { $0["compared_with_county"] == "" })
        // Carers, a rate from a split ward: 160 of 5,000 residents in all.
        #expect(county("carers") == "3.2")
        // The unavailable indicator has neither.
        #expect(county("wellbeing") == "")
    }

    @Test func everyStagingTableMatchesTheChecksumItsManifestRecords() throws {
        // Stages checksum their tables as they write them: the sums must be the files'.
        try run()
        var checked = 0
        for stage in ["ingest", "normalise", "rank"] {
            let folder = project.root + "/data-out/test/staging/" + stage
            for name in project.list("data-out/test/staging/" + stage) where name.hasSuffix(".manifest.json") {
                let manifest = try #require(StageManifest.read(folder + "/" + name))
                for output in manifest.outputs {
                    #expect(try FileHash.sha256(ofFile: folder + "/" + output.path) == output.sha256, "\(stage)/\(output.path)")
                    checked += 1
                }
            }
        }
        #expect(checked == 4 + 5 + 3)  // four sources, five indicators, two need tables and the county figures
    }

    @Test func aStagingFolderOfAnEarlierLayoutIsStagedAgain() throws {
        // As a version that wrote ingest tables as CSV left a unit: its manifest names the CSV.
        try run()
        let folder = project.root + "/data-out/test/staging/ingest"
        let csv = folder + "/indicator-fuel-poverty.csv"
        try StagedTableReader(path: folder + "/indicator-fuel-poverty.staged").writeCSV(to: csv)
        try FileManager.default.removeItem(atPath: folder + "/indicator-fuel-poverty.staged")
        var manifest = try #require(StageManifest.read(folder + "/indicator-fuel-poverty.manifest.json"))
        manifest.outputs = [.init(path: "indicator-fuel-poverty.csv", sha256: try FileHash.sha256(ofFile: csv), rows: 18)]
        try manifest.write(folder + "/indicator-fuel-poverty.manifest.json")

        let outcome = try run()
        #expect(outcome.reports[0].ran == ["indicator-fuel-poverty"])
        #expect(project.list("data-out/test/staging/ingest").contains("indicator-fuel-poverty.staged"))
        #expect(!project.list("data-out/test/staging/ingest").contains("indicator-fuel-poverty.csv"))
        #expect(outcome.release == .unchanged(ReleaseVersion(1, 0, 0)))
    }

    @Test func secondRunIsUpToDateAndWritesNothing() throws {
        _ = try run()
        let before = project.list("data-out/test")
        let outcome = try run()
        #expect(outcome.release == .unchanged(ReleaseVersion(1, 0, 0)))
        #expect(outcome.reports.allSatisfy { $0.ran.isEmpty })
        #expect(project.list("data-out/test") == before)
    }

    @Test func aStagingTableChangedSinceItWasWrittenIsMadeAgain() throws {
        _ = try run()
        // The same size, other bytes: told by its modification time, then its checksum.
        let table = "data-out/test/staging/normalise/indicator-barriers.staged"
        var bytes = project.bytes(table)
        bytes[bytes.count - 20] ^= 0xFF
        project.write(table, bytes: bytes)
        let outcome = try run()
        let reports = Dictionary(uniqueKeysWithValues: outcome.reports.map { ($0.stage, $0) })
        #expect(reports[.ingest]?.ran == [])
        #expect(reports[.normalise]?.ran == ["indicator-barriers"])
        #expect(outcome.release == .unchanged(ReleaseVersion(1, 0, 0)))
    }

    @Test func rankRefusesIndicatorTablesThatListOtherAreasNamingTheFirstDifference() throws {
        _ = try run()
        // The barriers table with its first two areas swapped, as a damaged staging folder
        // or a normalise of another geography could leave it.
        let folder = project.root + "/data-out/test/staging/normalise"
        let path = folder + "/indicator-barriers.staged"
        let reader = try StagedTableReader(path: path)
        let columns = reader.columns
        var rows = try reader.texts()
        rows.swapAt(0, 1)
        let writer = try StagedTableWriter(path: path, columns: columns)
        for row in rows {
            try writer.writeRow { fields in
                for (column, text) in zip(columns, row) {
                    switch column.kind {
                    case .text: fields.append(text)
                    case .number: fields.append(number: Double(text))
                    case .count: fields.append(count: Int(text)!)
                    }
                }
            }
        }
        try writer.finish()

        let error = try #require(throws: AreaNeedsError.self) { try run([.rank], force: true) }
        #expect(error.category == .internal)
        #expect(error.message.contains("\(path): lists other areas than the first indicator table: row 1 is \(rows[0][0]), where "))
        #expect(error.message.contains("indicator-fuel-poverty.staged has \(rows[1][0]); run the normalise stage again"))
    }

    @Test func changedSourceRedoesOnlyItsOwnWork() throws {
        _ = try run()
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(changing: 2))
        let outcome = try run()
        let reports = Dictionary(uniqueKeysWithValues: outcome.reports.map { ($0.stage, $0) })
        #expect(reports[.ingest]?.ran == ["indicator-fuel-poverty"])
        #expect(reports[.normalise]?.ran == ["indicator-fuel-poverty"])
        #expect(reports[.rank]?.ran == ["needs"])
        #expect(outcome.release == .published(ReleaseVersion(1, 1, 0), change: .data))
    }

    @Test func objectiveLevelCombinesIndicatorRanks() throws {
        _ = try run()
        let objectives = project.table("data-out/test/latest/objective_needs.csv")
        #expect(objectives.count == 6 * 5)
        // Objective 3 has barriers and carers ranked (wellbeing has no data).
        let a6 = objectives.first { $0["spa_code"] == "A6" && $0["objective_id"] == "3" }
        #expect(a6?["indicators_ranked"] == "2")
        // Objective 1 has no indicators here: nothing ranked.
        let none = objectives.first { $0["spa_code"] == "A1" && $0["objective_id"] == "1" }
        #expect(none?["indicators_ranked"] == "0" && none?["need_rank"] == "")
    }

    @Test func districtColumnsOnlyWhenRankingWithinDistricts() throws {
        _ = try run()
        #expect(project.table("data-out/test/latest/indicator_needs.csv").first?["district_need_rank"] == nil)
        #expect(project.read("data-out/test/latest/datapackage.json").contains("\"ranks_within_districts\" : false"))
    }

    @Test func withinDistrictRanksEachDistrictAlone() throws {
        project.write("pipelines/test.yml", FixtureProject.pipeline.replacingOccurrences(
            of: "indicators:\n", with: "ranking: {within-district: true}\nindicators:\n"))
        // Dale holds A1-A5, Vale A6 alone.
        project.write("data-raw/geography/areas.csv", FixtureProject.areas.replacingOccurrences(of: "A4,South One,D2,Vale", with: "A4,South One,D1,Dale")
            .replacingOccurrences(of: "A5,South Two,D2,Vale", with: "A5,South Two,D1,Dale"))
        let outcome = try run()
        #expect(outcome.release == .published(ReleaseVersion(1, 0, 0), change: nil))
        let needs = project.table("data-out/test/latest/indicator_needs.csv")
        func row(_ indicator: String, _ area: String) -> [String: String]? {
            needs.first { $0["indicator_id"] == indicator && $0["spa_code"] == area }
        }
        // Fuel poverty rises with the area number. Nationally A6 ranks 1 and A3 ranks 4; within
        // Dale (A1-A5) A5 ranks 1 and A3 ranks 3; n = 5, so the quintile is the rank.
        #expect(row("fuel-poverty", "A3")?["need_rank"] == "4")
        let dale = ["A5", "A4", "A3", "A2", "A1"].map { row("fuel-poverty", $0).map { [$0["district_need_rank"], $0["district_need_quintile"]] } }
        #expect(dale == [["1", "1"], ["2", "2"], ["3", "3"], ["4", "4"], ["5", "5"]])
        // Vale has one area: fewer than five, no rank within it.
        #expect(row("fuel-poverty", "A6")?["district_need_rank"] == "" && row("fuel-poverty", "A6")?["need_rank"] == "1")
        // Pay is inherited: Dale's areas all have Dale's figure, so they are not ranked within
        // it (no variation); nationally Vale's lower pay ranks 1 and Dale's areas tie at 2.
        #expect(["A1", "A2", "A3", "A4", "A5"].allSatisfy { row("pay", $0)?["district_need_rank"] == "" && row("pay", $0)?["need_rank"] == "2" })
        #expect(row("pay", "A6")?["need_rank"] == "1")
        // No value, no district rank.
        #expect(row("wellbeing", "A1")?["district_need_rank"] == "")

        // Objective 5 has fuel poverty alone: its district ranks are fuel poverty's.
        let objectives = project.table("data-out/test/latest/objective_needs.csv")
        let a5 = objectives.first { $0["spa_code"] == "A5" && $0["objective_id"] == "5" }
        #expect(a5?["district_need_rank"] == "1" && a5?["district_need_quintile"] == "1" && a5?["need_rank"] == "2")
        let none = objectives.first { $0["spa_code"] == "A1" && $0["objective_id"] == "1" }
        #expect(none?["district_need_rank"] == "" && none?["district_need_quintile"] == "")

        // The descriptor lists the columns and says the release ranks within districts.
        let descriptor = project.read("data-out/test/latest/datapackage.json")
        #expect(descriptor.contains("\"ranks_within_districts\" : true"))
        #expect(descriptor.contains("\"name\" : \"district_need_quintile\""))
        let release = try Release.open(project.releases + "/latest")
        #expect(release.schema.ranksWithinDistricts)
        #expect(release.schema.indicatorNeeds.columns.suffix(2) == ["district_need_rank", "district_need_quintile"])
    }

    @Test func turningDistrictRanksOnIsANewSchema() throws {
        _ = try run()
        project.write("pipelines/test.yml", FixtureProject.pipeline.replacingOccurrences(
            of: "indicators:\n", with: "ranking: {within-district: true}\nindicators:\n"))
        let outcome = try run()
        #expect(outcome.release == .published(ReleaseVersion(2, 0, 0), change: .schemaOrGeography))
        let reports = Dictionary(uniqueKeysWithValues: outcome.reports.map { ($0.stage, $0) })
        #expect(reports[.ingest]?.ran == [] && reports[.normalise]?.ran == [])
        #expect(reports[.rank]?.ran == ["needs"])
    }

    @Test func aChangedGeographyIsReadAgainInTheSameProcess() throws {
        // The geography is kept between the stages of a run; a changed file must not be
        // served from what was kept.
        _ = try run()
        project.write("data-raw/geography/areas.csv", FixtureProject.areas.replacingOccurrences(of: "North One", with: "North Renamed"))
        let outcome = try run()
        #expect(outcome.release == .published(ReleaseVersion(2, 0, 0), change: .schemaOrGeography))
        #expect(project.table("data-out/test/latest/areas.csv").first { $0["spa_code"] == "A1" }?["spa_name"] == "North Renamed")
    }
}
