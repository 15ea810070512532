import AreaNeedsCore
import AreaNeedsRelease
import Foundation

/// A small, real release in a temporary folder, written with `ReleaseWriter`: ten areas in
/// four Lancashire districts, the real framework, nine indicators, and objective need
/// quintiles chosen so that each branch of the rules has an area that takes it.
///
/// Objective need quintiles (two areas in each quintile per objective, as the ranking
/// rule gives for ten areas):
///
///     area   name              district   1  2  3  4  5
///     SPA01  Burnley North     Burnley    1  1  3  1  2
///     SPA02  Burnley Central   Burnley    2  1  4  2  1
///     SPA03  Burnley South     Burnley    1  2  5  1  3
///     SPA04  Chorley North     Chorley    3  3  2  3  4   highest needs on objective 3 only
///     SPA05  Chorley Central   Chorley    4  3  3  4  1   highest needs on objective 5 only
///     SPA06  Chorley South     Chorley    2  2  1  2  3
///     SPA07  Fylde North       Fylde      5  4  4  5  5   quintile 4-5 on every objective
///     SPA08  Fylde South       Fylde      4  5  5  4  4   quintile 4-5 on every objective
///     SPA09  Hyndburn North    Hyndburn   3  4  1  3  2
///     SPA10  Hyndburn South    Hyndburn   5  5  2  5  5
final class FixtureRelease: Sendable {
    let root: String
    var dataOut: String { root + "/data-out" }
    /// The `latest` link of the release.
    var latest: String { dataOut + "/fixture/latest" }

    /// The repository, for the framework file.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let areas: [(code: String, name: String, district: String, districtName: String, quintiles: [Int])] = [
        ("SPA01", "Burnley North", "E07000117", "Burnley", [1, 1, 3, 1, 2]),
        ("SPA02", "Burnley Central", "E07000117", "Burnley", [2, 1, 4, 2, 1]),
        ("SPA03", "Burnley South", "E07000117", "Burnley", [1, 2, 5, 1, 3]),
        ("SPA04", "Chorley North", "E07000118", "Chorley", [3, 3, 2, 3, 4]),
        ("SPA05", "Chorley Central", "E07000118", "Chorley", [4, 3, 3, 4, 1]),
        ("SPA06", "Chorley South", "E07000118", "Chorley", [2, 2, 1, 2, 3]),
        ("SPA07", "Fylde North", "E07000119", "Fylde", [5, 4, 4, 5, 5]),
        ("SPA08", "Fylde South", "E07000119", "Fylde", [4, 5, 5, 4, 4]),
        ("SPA09", "Hyndburn North", "E07000120", "Hyndburn", [3, 4, 1, 3, 2]),
        ("SPA10", "Hyndburn South", "E07000120", "Hyndburn", [5, 5, 2, 5, 5]),
    ]

    /// Indicators: id, title, objective, polarity, unit, quality; nil quality = unavailable.
    static let indicators: [(id: String, title: String, objective: Int, polarity: String, unit: String, quality: String?)] = [
        ("ks2-attainment", "Educational attainment key stage 2", 1, "higher-is-better", "%", "exact"),
        ("neet", "Young people not in employment, education or training", 1, "higher-is-worse", "%", "apportioned"),
        ("children-in-poverty", "Children living in poverty", 2, "higher-is-worse", "%", "exact"),
        ("median-income", "Median annual income", 2, "higher-is-better", "£", "inherited"),
        ("unpaid-care", "People providing 50+ hours unpaid care per week", 3, "higher-is-worse", "%", "apportioned"),
        ("wellbeing", "Self reported wellbeing", 3, "higher-is-better", "score", nil),
        ("life-expectancy-male", "Life expectancy at birth (males)", 4, "higher-is-better", "years", "approximate"),
        ("fuel-poverty", "Households in fuel poverty", 5, "higher-is-worse", "%", "exact"),
        ("no-central-heating", "Households with no central heating", 5, "higher-is-worse", "%", "exact"),
    ]

    /// SPA07 has no NEET figure: the evidence must show it as missing.
    static let missing: Set<String> = ["SPA07/neet"]

    /// Objectives left unranked in `withGaps`, as "area/objective" ("*" for every area): the
    /// real release's case, where some objectives have no indicator figures at all.
    static let gaps: Set<String> = ["*/4", "SPA02/1", "SPA09/3"]

    /// One release shared by the tests that only read it: writing one takes about half a
    /// second (it is flushed to disk), and the parameterised tests would write dozens.
    static let shared = sharedRelease("default", policy: ReleasePolicy())
    /// The same with a procurement threshold of £200,000 from "fixture threshold".
    static let sharedWithThreshold = sharedRelease(
        "threshold", policy: ReleasePolicy(procurementThreshold: 200_000, thresholdSource: "fixture threshold"))
    /// The same quintiles with `gaps`: objective 4 ranked nowhere, objective 1 not in SPA02,
    /// objective 3 not in SPA09.
    static let withGaps = sharedRelease("gaps", policy: ReleasePolicy(), gaps: gaps)

    /// A shared release cannot be removed when the tests end, so each run removes those of
    /// runs that have finished.
    private static func sharedRelease(_ name: String, policy: ReleasePolicy, gaps: Set<String> = []) -> FixtureRelease {
        let prefix = "areaneeds-assess-shared-"
        let temporary = NSTemporaryDirectory()
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where folder.hasPrefix(prefix) {
            let pid = folder.dropFirst(prefix.count).split(separator: "-").first.flatMap { Int32($0) } ?? 0
            if pid != getpid(), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(atPath: temporary + folder)
            }
        }
        return try! FixtureRelease(policy: policy, gaps: gaps, root: temporary + prefix + "\(getpid())-" + name, removeWhenDone: false)
    }

    private let removeWhenDone: Bool

    /// Writes the release; `policy` sets the threshold it carries.
    init(policy: ReleasePolicy = ReleasePolicy(), synthetic: Bool = true, gaps: Set<String> = [],
         root: String = NSTemporaryDirectory() + "areaneeds-assess-" + UUID().uuidString, removeWhenDone: Bool = true) throws {
        self.root = root
        self.removeWhenDone = removeWhenDone
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: dataOut, withIntermediateDirectories: true)
        let framework = try SocialValueFramework.load(path: FixtureRelease.repository + "/data-raw/framework/social-value-framework.yml")
        let schema = ReleaseSchema()
        let draft = ReleaseDraft(
            pipeline: "fixture", title: "Assess fixture", description: "Made up for the assess tests.",
            synthetic: synthetic, schema: schema,
            licence: (name: "OGL-UK-3.0", title: "Open Government Licence v3.0", path: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"),
            sources: [], tables: FixtureRelease.tables(schema: schema, framework: framework, gaps: gaps),
            provenance: ["pipeline": .string("fixture")], policy: policy)
        _ = try ReleaseWriter(history: ReleaseHistory(folder: dataOut + "/fixture")).publish(draft, created: Date(timeIntervalSince1970: 1_767_225_600))
    }

    /// Set AREANEEDS_KEEP_FIXTURES=1 to keep the folders for a look after the tests.
    deinit {
        if removeWhenDone, ProcessInfo.processInfo.environment["AREANEEDS_KEEP_FIXTURES"] == nil {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    /// The version folder (the link resolved).
    var folder: String {
        URL(fileURLWithPath: latest).resolvingSymlinksInPath().path
    }

    /// Replaces a file of the release, as a careless edit would.
    func overwrite(_ name: String, with text: String) {
        let path = folder + "/" + name
        try? FileManager.default.removeItem(atPath: path)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    func remove(_ name: String) {
        try? FileManager.default.removeItem(atPath: folder + "/" + name)
    }

    // MARK: - Tables

    /// Need rank of each area on a list of quintiles: by quintile, then by code.
    static func ranks(_ quintiles: [Int]) -> [Int] {
        let order = quintiles.indices.sorted { (quintiles[$0], $0) < (quintiles[$1], $1) }
        var ranks = [Int](repeating: 0, count: quintiles.count)
        for (position, index) in order.enumerated() { ranks[index] = position + 1 }
        return ranks
    }

    static func tables(schema: ReleaseSchema, framework: SocialValueFramework, gaps: Set<String> = []) -> [ReleaseTable] {
        let areaRows = areas.map { [$0.code, $0.name, $0.district, $0.districtName, "30000"] }
        var indicatorNeeds: [[String]] = []
        var objectiveNeeds: [[String]] = []
        for objective in 1...5 {
            let quintiles = areas.map { $0.quintiles[objective - 1] }
            let ranks = ranks(quintiles)
            let mine = indicators.filter { $0.objective == objective }
            for (index, area) in areas.enumerated() {
                if gaps.contains("*/\(objective)") || gaps.contains("\(area.code)/\(objective)") {
                    for indicator in mine {
                        indicatorNeeds.append([area.code, indicator.id, "", "", "", "", "", "", "", "", "", "", ""])
                    }
                    objectiveNeeds.append([area.code, String(objective), "0", "0", "", "", "", ""])
                    continue
                }
                var ranked = 0
                var worst = 0
                for indicator in mine {
                    let q = quintiles[index], rank = ranks[index]
                    if indicator.quality == nil || missing.contains("\(area.code)/\(indicator.id)") {
                        indicatorNeeds.append([area.code, indicator.id, "", "", "", "", "", "", "", "", "", "", ""])
                        continue
                    }
                    ranked += 1
                    if q <= 2 { worst += 1 }
                    let value = indicator.polarity == "higher-is-worse" ? 50 - 2 * Double(rank) : 40 + 2 * Double(rank)
                    indicatorNeeds.append([area.code, indicator.id, String(value), "", "", "", "", String(rank), String(q),
                                           String(q <= 2), indicator.quality ?? "", "", ""])
                }
                let q = quintiles[index]
                objectiveNeeds.append([area.code, String(objective), String(ranked), String(worst), String(ranks[index]),
                                       String(ranks[index]), String(q), String(q <= 2)])
            }
        }
        return [
            ReleaseTable(schema: schema.areas, rows: areaRows),
            ReleaseTable(schema: schema.objectives, rows: framework.objectives.map {
                [String($0.id), $0.shortName, $0.title, $0.description]
            }),
            ReleaseTable(schema: schema.outcomes, rows: framework.objectives.flatMap { objective in
                objective.outcomes.map { [String($0.id), String(objective.id), $0.outcome, $0.corporatePriorities.joined(separator: " | ")] }
            }),
            ReleaseTable(schema: schema.indicators, rows: indicators.map { indicator in
                let available = indicator.quality != nil && !gaps.contains("*/\(indicator.objective)")
                return [indicator.id, indicator.title, String(indicator.objective), indicator.polarity, indicator.unit,
                        available ? "rate" : "", available ? "fixture.csv" : "", "lsoa11", "2025",
                        String(available), available ? "" : "No published source for these areas", "", "true", "", "", "", ""]
            }),
            ReleaseTable(schema: schema.indicatorNeeds, rows: indicatorNeeds),
            ReleaseTable(schema: schema.objectiveNeeds, rows: objectiveNeeds),
            ReleaseTable(schema: schema.framework, rows: framework.objectives.flatMap { objective in
                objective.outcomes.flatMap { outcome in
                    outcome.exampleMeasures.enumerated().map { [String(objective.id), String(outcome.id), String($0 + 1), outcome.outcome, $1] }
                }
            }),
            ReleaseTable(schema: schema.areaLookup, rows: areas.map { ["lsoa11", "L" + $0.code, $0.code, "1"] }),
        ]
    }
}
