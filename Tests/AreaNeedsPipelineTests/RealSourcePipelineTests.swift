import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// The pipelines of `Tests/RealSourcePipelines/`, one per kind of published table, run on the
/// real files in ../shared/data/real over the provisional SPAs: Explore Local Statistics'
/// long tables, a Census custom dataset, a Nomis wide table and a DfE file with the county's
/// row. What each reads for Burnley (E07000117, the SPAs SPA01-SPA03) is checked against the
/// file, read here without the product's filters. Skipped, and reported as skipped, where
/// that folder is absent.
@Suite("Real published tables, read as published", .enabled(if: RealData.isPresent, "../shared/data/real is not present"))
struct RealSourcePipelineTests {
    static let burnley = "E07000117"
    static let burnleySpas = ["SPA01", "SPA02", "SPA03"]

    /// A project of one pipeline of `Tests/RealSourcePipelines/`, with the geography, the
    /// framework and the real files it reads under `data-raw/lancashire/`.
    final class Project {
        let root = NSTemporaryDirectory() + "areaneeds-real-sources-" + UUID().uuidString
        let name: String

        init(_ name: String, files: [String]) throws {
            self.name = name
            let manager = FileManager.default
            let repository = FixtureProject.repository
            try manager.createDirectory(atPath: root + "/pipelines", withIntermediateDirectories: true)
            try manager.createDirectory(atPath: root + "/data-raw/lancashire", withIntermediateDirectories: true)
            try manager.copyItem(atPath: "\(repository)/Tests/RealSourcePipelines/\(name).yml", toPath: "\(root)/pipelines/\(name).yml")
            for folder in ["geography", "framework"] {
                try manager.copyItem(atPath: "\(repository)/data-raw/\(folder)", toPath: "\(root)/data-raw/\(folder)")
            }
            for file in files {
                let destination = "\(root)/data-raw/lancashire/\(file)"
                try manager.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try manager.copyItem(atPath: RealData.path(file), toPath: destination)
            }
        }

        deinit {
            if ProcessInfo.processInfo.environment["AREANEEDS_KEEP_FIXTURES"] == nil {
                try? FileManager.default.removeItem(atPath: root)
            }
        }

        @discardableResult
        func run() throws -> PipelineRunner.Outcome {
            let pipeline = try Pipeline.load(path: "\(root)/pipelines/\(name).yml")
            let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            return try PipelineRunner(pipeline: pipeline, logger: logger).run()
        }

        /// The staged (ingest) row of an area for an indicator.
        func staged(_ indicator: String, area: String) throws -> [String: String] {
            let reader = try StagedTableReader(path: "\(root)/data-out/\(name)/staging/ingest/indicator-\(indicator).staged")
            let names = reader.columns.map(\.name)
            let rows = try reader.texts().map { Dictionary(uniqueKeysWithValues: zip(names, $0)) }
            return try #require(rows.first { $0["area_code"] == area }, "no staged row of \(area) for \(indicator)")
        }

        /// A release table's rows.
        func release(_ table: String) throws -> [[String: String]] {
            try RealProject.rows("\(root)/data-out/\(name)/latest/\(table)")
        }

        /// The release's rows of an indicator, by SPA.
        func needs(_ indicator: String) throws -> [String: [String: String]] {
            var rows: [String: [String: String]] = [:]
            for row in try release("indicator_needs.csv") where row["indicator_id"] == indicator { rows[row["spa_code"] ?? ""] = row }
            return rows
        }
    }

    /// The rows of a published file as dictionaries, header on its first line.
    static func rows(_ path: String) throws -> [[String: String]] {
        try RealProject.rows(path)
    }

    // MARK: Explore Local Statistics

    /// Each indicator of the pipeline: its file, the indicator its rows must name (for files
    /// of several), and the area whose figure the SPAs take.
    static let explore: [(id: String, file: String, indicator: String?, area: String)] = [
        ("children-in-relative-poverty", "children-in-relative-poverty.csv", "Children in relative poverty after housing costs", burnley),
        ("claimant-count", "claimant-count.csv", nil, burnley),
        ("weekly-pay", "gross-median-weekly-pay.csv", nil, burnley),
        ("life-satisfaction", "personal-wellbeing-estimates.csv", "Satisfaction", burnley),
        ("ks2-expected-standard", "pupils-at-expected-standards-by-end-of-primary-school.csv", nil, burnley),
        ("gcses-by-19", "gcses-in-english-and-maths.csv", nil, burnley),
        ("no-qualifications-aps", "qualifications-none-gb.csv", nil, burnley),
        // Published for the county only: every SPA takes Lancashire's figure.
        ("healthy-life-expectancy-female", "healthy-life-expectancy.csv", "Female healthy life expectancy", "E10000017"),
    ]

    @Test func eachExploreLocalStatisticsFileGivesBurnleyItsLatestPeriod() throws {
        let files = Self.explore.map { "explore-local-statistics/" + $0.file }
        let project = try Project("explore-local-statistics", files: files)
        try project.run()
        let indicators = try project.release("indicators.csv")

        for (id, file, indicator, area) in Self.explore {
            // The area's rows of the indicator; ISO periods sort by their first ten characters.
            let rows = try Self.rows(RealData.path("explore-local-statistics/" + file)).filter {
                $0["areacd"] == area && (indicator == nil || $0["indicator"] == indicator)
            }
            let latest = try #require(rows.max { $0["period"]!.prefix(10) < $1["period"]!.prefix(10) }, "\(id): no rows of \(area)")
            let staged = try project.staged(id, area: area)
            #expect(staged["period"] == latest["period"], "\(id)")
            let published = Double(latest["observation"] ?? "")
            #expect(staged["value"].flatMap(Double.init) == published, "\(id): staged \(staged["value"] ?? "") against \(latest["observation"] ?? "")")
            #expect(indicators.first { $0["indicator_id"] == id }?["vintage"] == latest["period"], "\(id)")

            let needs = try project.needs(id)
            let spas = area == Self.burnley ? Self.burnleySpas : Array(needs.keys)
            #expect(spas.count >= 3)
            for spa in spas {
                let need = try #require(needs[spa], "\(id): no row for \(spa)")
                #expect(need["value"].flatMap(Double.init) == published, "\(id), \(spa)")
                if published != nil { #expect(need["quality"] == "inherited", "\(id), \(spa)") }
                // The published interval, carried as published.
                #expect(need["ci_lower"].flatMap(Double.init) == Double(latest["lci_95"] ?? ""), "\(id), \(spa)")
                #expect(need["ci_upper"].flatMap(Double.init) == Double(latest["uci_95"] ?? ""), "\(id), \(spa)")
            }
        }
    }

    // MARK: Census custom dataset

    @Test func theCensusShareWithNoQualificationsSumsTheCategoriesRows() throws {
        let project = try Project("census-create-a-dataset", files: ["TS067-2021-1.csv"])
        try project.run()
        let rows = try Self.rows(RealData.path("TS067-2021-1.csv")).filter { $0["Lower Tier Local Authorities Code"] == Self.burnley }
        #expect(rows.count == 8)
        // The seven categories of people aged 16 and over: all but "Does not apply" (under 16).
        let adults = rows.filter { $0["Highest level of qualification (8 categories) Code"] != "-8" }
        #expect(adults.count == 7)
        let residents = adults.reduce(0.0) { $0 + Double($1["Observation"]!)! }

        let staged = try project.staged("no-qualifications", area: Self.burnley)
        #expect(staged["numerator"] == "18347")
        #expect(staged["denominator"].flatMap(Double.init) == residents)
        for spa in Self.burnleySpas {
            let need = try #require(try project.needs("no-qualifications")[spa])
            #expect(need["numerator"].flatMap(Double.init) == 18347 && need["denominator"].flatMap(Double.init) == residents)
            #expect(need["value"].flatMap(Double.init) == 18347 / residents * 100)
            #expect(need["quality"] == "inherited" && need["ci_lower"]?.isEmpty == false)
        }
    }

    // MARK: Nomis wide table

    @Test func theNomisTableGivesTheLatestMonthsColumn() throws {
        let project = try Project("nomis-wide-table", files: ["JSA_CLAIMANT_COUNT.csv"])
        try project.run()
        // The header line, and Burnley's line, read as plain text: the last column is the latest month.
        let lines = try String(contentsOfFile: RealData.path("JSA_CLAIMANT_COUNT.csv"), encoding: .utf8).components(separatedBy: .newlines)
        let header = try #require(lines.first { $0.contains(",mnemonic,") }).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",")
        let burnley = try #require(lines.first { $0.contains(",\(Self.burnley),") }).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",")
        let staged = try project.staged("claimants", area: Self.burnley)
        #expect(staged["period"] == String(header.last!))
        #expect(staged["value"] == String(burnley.last!))
        #expect(try project.release("indicators.csv").first?["vintage"] == String(header.last!))
        for spa in Self.burnleySpas { #expect(try project.needs("claimants")[spa]?["value"].flatMap(Double.init) == Double(burnley.last!)) }
    }

    // MARK: DfE statistics with the county's row

    @Test func theDfECountyRowIsEveryAreasFigureUnranked() throws {
        let project = try Project("dfe-county-figure", files: ["UD_NEETNK_LA_dashboard_final.csv"])
        let outcome = try project.run()
        let rows = try Self.rows(RealData.path("UD_NEETNK_LA_dashboard_final.csv"))
        let county = try #require(rows.first { $0["new_la_code"] == "E10000017" })
        // Other authorities' suppressed figures (`c`) are read as missing, not refused.
        #expect(rows.contains { $0["TOTAL_participating_in_education_and_training_percent"] == "c" })
        #expect((outcome.reports.first { $0.stage == .ingest }?.counts["rows with missing values"] ?? 0) >= 1)
        #expect(outcome.reports.first { $0.stage == .ingest }?.counts["rows without an area code (totals, footers)"] == 20)

        let indicators = try project.release("indicators.csv")
        for (id, column) in [("neet-or-not-known", "NEET_not_known_percent"), ("participation", "TOTAL_participating_in_education_and_training_percent")] {
            let needs = try project.needs(id)
            #expect(needs.count == 34)
            #expect(needs.values.allSatisfy { $0["value"].flatMap(Double.init) == Double(county[column]!) && $0["quality"] == "inherited" }, "\(id)")
            #expect(needs.values.allSatisfy { $0["need_rank"] == "" }, "\(id): a county figure is not ranked")
            #expect(indicators.first { $0["indicator_id"] == id }?["not_ranked_reason"]?.isEmpty == false)
        }
        #expect(indicators.first { $0["indicator_id"] == "neet-or-not-known" }?["vintage"] == county["time_period"])
    }
}
