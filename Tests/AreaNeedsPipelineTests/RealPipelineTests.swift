import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsTables
import Foundation
import Logging
import AreaNeedsTestSupport
import Testing

/// The real pipelines (`pipelines/iod2019-districts.yml`, `pipelines/lancashire.yml`) run on
/// the published files in ../shared/data/real, copied into a temporary project by
/// `scripts/get-real-data`. Skipped, and reported as skipped, where that folder is absent.
@Suite("Real pipelines on the published files", .enabled(if: RealData.isPresent, "../shared/data/real is not present"))
struct RealPipelineTests {
    /// The district check: the IoD 2019 income summaries of the 317 districts, rebuilt from the
    /// LSOA figures, agree with the ones MHCLG published (as ONS republished them).
    @Test func districtCheckReproducesThePublishedIncomeSummaries() throws {
        let project = try RealProject(pipeline: "iod2019-districts")
        let pipeline = try Pipeline.load(path: project.pipelinePath("iod2019-districts"))
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let outcome = try PipelineRunner(pipeline: pipeline, logger: logger).run()
        let release = try #require(outcome.releaseFolder)
        #expect(release.hasPrefix(project.root))

        let needs = try Self.needsByArea(release, key: "lad_code")
        let published = try RealProject.rows(RealData.path("localincomedeprivationdata.xlsx"), sheet: .name("Local authorities"))
        #expect(published.count == 317)
        #expect(needs.count == 317)

        var largest = (score: 0.0, rank: 0, share: 0.0, shareRank: 0)
        for district in published {
            let code = try #require(district["Local Authority District code (2019)"])
            let name = district["Local Authority District name (2019)"] ?? code
            let score = try #require(needs[code]?["income-average-score"], "\(name): no income average score")
            let share = try #require(needs[code]?["income-most-deprived-decile"], "\(name): no income share")
            let scoreDifference = abs(try Self.number(score["value"]) - Self.number(district["Income deprivation- Average score"]))
            let rankDifference = abs(try Self.whole(score["need_rank"]) - Self.whole(district["Income deprivation - Rank of average score"]))
            let shareDifference = abs(try Self.number(share["value"])
                - Self.number(district["Income - Proportion of LSOAs in most deprived 10% nationally"]))
            let shareRankDifference = abs(try Self.whole(share["need_rank"])
                - Self.whole(district["Income - Rank of proportion of LSOAs in most deprived 10% nationally"]))
            #expect(scoreDifference <= 0.001, "\(name): average score off by \(scoreDifference)")
            #expect(rankDifference <= 1, "\(name): rank of average score off by \(rankDifference) places")
            #expect(shareDifference <= 0.0001, "\(name): proportion in the most deprived 10% off by \(shareDifference)")
            #expect(shareRankDifference == 0, "\(name): rank of proportion off by \(shareRankDifference) places")
            largest = (max(largest.score, scoreDifference), max(largest.rank, rankDifference),
                       max(largest.share, shareDifference), max(largest.shareRank, shareRankDifference))
        }
        // The scores in the LSOA file are rounded to three decimals, the proportions published
        // to four: the averages cannot agree exactly, and near-equal districts can swap.
        print("district check, largest differences: average score \(largest.score), rank \(largest.rank) places, proportion \(largest.share)")

        // The IMD summary measures: every district has all five, each in its range, and the
        // local concentration (the most deprived tenth) is never below the average rank.
        for (code, figures) in needs {
            let score = try Self.number(figures["imd-average-score"]?["value"])
            let rank = try Self.number(figures["imd-average-rank"]?["value"])
            let share = try Self.number(figures["imd-most-deprived-decile"]?["value"])
            let extent = try Self.number(figures["imd-extent"]?["value"])
            let concentration = try Self.number(figures["imd-local-concentration"]?["value"])
            #expect(score > 0 && score < 100, "\(code): IMD average score \(score)")
            #expect(rank >= 1 && rank <= 32_844, "\(code): IMD average rank \(rank)")
            #expect((0...1).contains(share) && (0...1).contains(extent), "\(code): IMD proportion \(share), extent \(extent)")
            #expect(concentration >= rank && concentration <= 32_844, "\(code): local concentration \(concentration) against average rank \(rank)")
        }
        // Published facts of the IoD 2019: Blackpool has the highest IMD average score
        // (45.039), Middlesbrough the largest share of LSOAs in the most deprived 10% (48.8%).
        #expect(needs["E06000009"]?["imd-average-score"]?["need_rank"] == "1")
        #expect(try Self.number(needs["E06000009"]?["imd-average-score"]?["value"]) - 45.039 < 0.0005)
        #expect(needs["E06000002"]?["imd-most-deprived-decile"]?["need_rank"] == "1")
    }

    /// `areaneeds run pipelines/lancashire.yml`: the 34 provisional SPAs ranked on the
    /// indicators with real data, the others published empty, and results that make sense.
    @Test func lancashireReleaseRanksTheSpas() throws {
        let project = try RealProject(pipeline: "lancashire")
        let run = try Executables.run("areaneeds", ["run", project.pipelinePath("lancashire")])
        #expect(run.status == 0, "areaneeds run failed:\n\(run.standardError)")
        let release = run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(release.hasPrefix(project.root))

        let areas = try RealProject.rows(release + "/areas.csv")
        #expect(areas.count == 34)
        let district = Dictionary(uniqueKeysWithValues: areas.map { ($0["spa_code"]!, $0["district_name"]!) })
        let indicators = try RealProject.rows(release + "/indicators.csv")
        let byId = Dictionary(uniqueKeysWithValues: indicators.map { ($0["indicator_id"]!, $0) })
        let needs = try RealProject.rows(release + "/indicator_needs.csv")
        let ranked = Set(needs.filter { !($0["need_rank"] ?? "").isEmpty }.map { $0["indicator_id"]! })
        print("lancashire: \(ranked.count) of \(indicators.count) indicators ranked: \(ranked.sorted().joined(separator: ", "))")
        #expect(ranked.count >= 13)

        // Every framework indicator is served: by figures of its own, by a stand-in that names
        // it, or declared unavailable with a reason for the public.
        let standIns = indicators.flatMap { ($0["stands_in_for"] ?? "").components(separatedBy: " | ") }
        for id in Self.frameworkIndicators {
            let indicator = try #require(byId[id], "framework indicator \(id) is not in indicators.csv")
            #expect(indicator["available"] == "true" || standIns.contains(id) || !(indicator["unavailable_reason"] ?? "").isEmpty, "\(id) is not served")
        }
        for indicator in indicators where indicator["available"] == "false" {
            #expect(!(indicator["unavailable_reason"] ?? "").isEmpty, "\(indicator["indicator_id"]!): no reason")
        }
        for indicator in indicators where !(indicator["stands_in_for"] ?? "").isEmpty {
            let id = indicator["indicator_id"]!
            for replaced in indicator["stands_in_for"]!.components(separatedBy: " | ") where replaced != id {
                #expect(byId[replaced]?["available"] == "false", "\(id) stands in for \(replaced), which has figures")
                #expect(byId[replaced]?["unavailable_reason"]?.contains(id) == true, "\(replaced) does not name its stand-in \(id)")
            }
            #expect(needs.filter { $0["indicator_id"] == id && !($0["value"] ?? "").isEmpty }.allSatisfy { $0["quality"] == "proxy" })
        }
        // Indicators with figures have one for every SPA but where the source publishes none
        // for the latest period (Burnley's wellbeing); those ranked put a fifth of the SPAs with
        // figures in the worst quintile, or more where ties crowd it.
        for id in ranked {
            let rows = needs.filter { $0["indicator_id"] == id }
            let valued = rows.filter { !($0["value"] ?? "").isEmpty }
            #expect(rows.count == 34, "\(id)")
            #expect(valued.count == (id == "wellbeing" ? 31 : 34), "\(id): \(34 - valued.count) SPAs without a value")
            #expect(valued.allSatisfy { !($0["need_rank"] ?? "").isEmpty }, "\(id): an SPA with a value but no rank")
            #expect(rows.filter { $0["need_quintile"] == "1" }.count * 5 >= valued.count, "\(id): fewer than a fifth of the SPAs in the worst quintile")
        }
        // Burnley's latest wellbeing estimate is not published: no figure and no rank, not
        // the year before's.
        let burnleyWellbeing = needs.filter { $0["indicator_id"] == "wellbeing" && district[$0["spa_code"]!] == "Burnley" }
        #expect(burnleyWellbeing.count == 3 && burnleyWellbeing.allSatisfy { ($0["value"] ?? "").isEmpty && ($0["need_rank"] ?? "").isEmpty })

        // Figures published for the county only are carried for every SPA, never ranked.
        for id in ["neet", "healthy-life-expectancy-male", "healthy-life-expectancy-female"] {
            let rows = needs.filter { $0["indicator_id"] == id }
            #expect(rows.count == 34 && Set(rows.map { $0["value"] ?? "" }).count == 1 && !(rows.first?["value"] ?? "").isEmpty, "\(id)")
            #expect(rows.allSatisfy { ($0["need_rank"] ?? "").isEmpty && ($0["need_quintile"] ?? "").isEmpty }, "\(id) is ranked")
            let reason = byId[id]?["not_ranked_reason"] ?? ""
            #expect(reason.contains("same figure"), "\(id): \(reason)")
            #expect(!ranked.contains(id))
        }

        // Burnley's SPAs inherit the latest figures the long tables publish for Burnley.
        for (id, file, indicator) in [("ks2-attainment", "pupils-at-expected-standards-by-end-of-primary-school.csv", nil),
                                      ("gcses-by-19", "gcses-in-english-and-maths.csv", nil),
                                      ("median-weekly-pay", "gross-median-weekly-pay.csv", nil)] as [(String, String, String?)] {
            let rows = try RealProject.rows(RealData.path("explore-local-statistics/" + file))
                .filter { $0["areacd"] == "E07000117" && (indicator == nil || $0["indicator"] == indicator) }
            let latest = try #require(rows.max { $0["period"]!.prefix(10) < $1["period"]!.prefix(10) })
            let burnley = needs.filter { $0["indicator_id"] == id && district[$0["spa_code"]!] == "Burnley" }
            #expect(burnley.count == 3 && burnley.allSatisfy { (try? Self.number($0["value"])) == (try? Self.number(latest["observation"])) }, "\(id)")
            #expect(burnley.allSatisfy { $0["quality"] == "proxy" || $0["quality"] == "inherited" }, "\(id)")
            #expect(byId[id]?["vintage"] == latest["period"], "\(id): vintage")
        }
        // No qualifications: the "No qualifications" rows over the seven categories of residents
        // aged 16 and over, read from the Census custom dataset without the product's filters.
        let ts067 = try RealProject.rows(RealData.path("TS067-2021-1.csv")).filter { $0["Lower Tier Local Authorities Code"] == "E07000117" }
        let adults = ts067.filter { $0["Highest level of qualification (8 categories) Code"] != "-8" }
        let none = try adults.filter { $0["Highest level of qualification (8 categories)"] == "No qualifications" }.reduce(0.0) { $0 + (try Self.number($1["Observation"])) }
        let residents = try adults.reduce(0.0) { $0 + (try Self.number($1["Observation"])) }
        for row in needs where row["indicator_id"] == "no-qualifications" && district[row["spa_code"]!] == "Burnley" {
            #expect(abs(try Self.number(row["value"]) - none / residents * 100) < 1e-9)
        }

        // Every objective is ranked for every SPA.
        let objectives = try RealProject.rows(release + "/objective_needs.csv")
        for objective in 1...5 {
            let rows = objectives.filter { $0["objective_id"] == String(objective) }
            #expect(rows.count == 34 && rows.allSatisfy { !($0["need_quintile"] ?? "").isEmpty }, "objective \(objective) not ranked everywhere")
        }

        // What a Lancashire analyst would check: the east Lancashire towns and Preston hold SPAs
        // in the highest-need fifths on employment; rural Ribble Valley does not, and has the
        // least child deprivation and the greatest distance to services.
        func objectiveQuintiles(_ objective: Int, in name: String) -> [Int] {
            objectives.filter { $0["objective_id"] == String(objective) && district[$0["spa_code"]!] == name }.compactMap { Int($0["need_quintile"]!) }
        }
        for name in ["Burnley", "Pendle", "Hyndburn", "Preston"] {
            #expect(objectiveQuintiles(1, in: name).contains { $0 <= 2 }, "\(name): no SPA in the highest-need fifths on employment")
        }
        #expect(objectiveQuintiles(1, in: "Ribble Valley").allSatisfy { $0 > 2 })
        func quintiles(_ id: String, in name: String) -> [String] {
            needs.filter { $0["indicator_id"] == id && district[$0["spa_code"]!] == name }.map { $0["need_quintile"]! }
        }
        #expect(quintiles("children-in-poverty", in: "Ribble Valley") == ["5", "5"])
        #expect(quintiles("barriers-to-housing-and-services", in: "Ribble Valley") == ["1", "1"])

        // The contract of the decisions issue: employment and equity in Burnley is decided,
        // and the evidence names the stand-ins.
        let assess = try Executables.run("areaneeds", ["assess", "--release", release, "--areas", "Burnley", "--objectives", "employment,equity",
                                                       "--impact", "significant", "--value", "500000"])
        #expect(assess.status == 0, "\(assess.standardOutput)\(assess.standardError)")
        #expect(assess.standardOutput.hasPrefix("Social value weighting: 10% of the award criteria"))
        #expect(assess.standardOutput.contains("proxy for working-age-benefits"))
        // Scoping the national census file by LSOA name: Wyre's SPAs hold exactly Wyre's
        // LSOAs, none of Wyre Forest's (whose name begins with "Wyre").
        let census = try RealProject.rows(RealData.path("census2021-ts038-lsoa.csv"))
        let limited = "Disability: Disabled under the Equality Act: Day-to-day activities limited a lot"
        let wyreForest = census.filter { $0["geography"]!.hasPrefix("Wyre Forest ") }
        let wyre = census.filter { $0["geography"]!.hasPrefix("Wyre ") && !$0["geography"]!.hasPrefix("Wyre Forest ") }
        #expect(!wyreForest.isEmpty && !wyre.isEmpty)
        let wyreTotal = try wyre.reduce(0.0) { $0 + (try Self.number($1[limited])) }
        let released = try needs.filter { $0["indicator_id"] == "activities-limited-a-lot" && district[$0["spa_code"]!] == "Wyre" }
            .reduce(0.0) { $0 + (try Self.number($1["numerator"])) }
        #expect(released == wyreTotal)
    }

    /// The 20 indicators of the policy's section 5, by the ids the pipelines give them.
    static let frameworkIndicators = [
        "ks2-attainment", "ks4-attainment", "no-qualifications", "working-age-benefits", "neet",
        "children-in-poverty", "median-income",
        "activities-limited-a-lot", "unpaid-care-50-hours", "pensioners-living-alone", "geographical-barriers",
        "wider-barriers", "neighbourhood-needs", "wellbeing",
        "life-expectancy-male", "life-expectancy-female", "disability-free-life-expectancy-male", "disability-free-life-expectancy-female",
        "no-central-heating", "fuel-poverty",
    ]

    // MARK: - Reading the release

    /// indicator_needs.csv as [area code: [indicator id: row]].
    static func needsByArea(_ release: String, key: String) throws -> [String: [String: [String: String]]] {
        var needs: [String: [String: [String: String]]] = [:]
        for row in try RealProject.rows(release + "/indicator_needs.csv") {
            needs[row[key]!, default: [:]][row["indicator_id"]!] = row
        }
        return needs
    }

    struct NotANumber: Error, CustomStringConvertible {
        var text: String?
        var description: String { "not a number: \(text ?? "nothing")" }
    }

    static func number(_ text: String?) throws -> Double {
        guard let text, let value = Double(text.trimmingCharacters(in: .whitespaces)) else { throw NotANumber(text: text) }
        return value
    }

    static func whole(_ text: String?) throws -> Int {
        guard let text, let value = Int(text.trimmingCharacters(in: .whitespaces)) else { throw NotANumber(text: text) }
        return value
    }
}
