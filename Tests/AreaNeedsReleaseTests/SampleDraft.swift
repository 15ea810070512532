import AreaNeedsRelease
import Foundation

/// A tiny release draft with every table of the real schema, two areas and two
/// indicators, for testing the writer and the diff without running a pipeline. Tests
/// change its rows or schemas, then publish `draft`.
struct SampleDraft {
    var areas = [
        ["A1", "Area One", "D1", "Dale", "100"],
        ["A2", "Area Two", "D1", "Dale", "200"],
    ]
    var indicators = [
        ["ind-a", "Indicator A", "1", "higher-is-worse", "%", "rate", "a.csv", "lsoa11", "2024", "true", "", "", "true", "", "", "16.67", ""],
        ["ind-b", "Indicator B", "2", "higher-is-better", "score", "weighted-mean", "b.csv", "lsoa11", "2024", "true", "", "", "true", "", "", "4.17", ""],
    ]
    var indicatorNeeds = [
        ["A1", "ind-a", "10", "10", "100", "5", "17", "2", "5", "false", "exact", "better", ""],
        ["A2", "ind-a", "20", "40", "200", "15", "26", "1", "1", "true", "exact", "similar", ""],
        ["A1", "ind-b", "3.5", "", "", "", "", "1", "1", "true", "exact", "", ""],
        ["A2", "ind-b", "4.5", "", "", "", "", "2", "5", "false", "exact", "", ""],
    ]
    var objectiveNeeds = [
        ["A1", "1", "1", "0", "2", "2", "5", "false"],
        ["A2", "1", "1", "1", "1", "1", "1", "true"],
        ["A1", "2", "1", "1", "1", "1", "1", "true"],
        ["A2", "2", "1", "0", "2", "2", "5", "false"],
    ]
    var lookup = [
        ["lsoa11", "L1", "A1", "1"],
        ["lsoa11", "L2", "A2", "1"],
    ]
    /// The table schemas by name: change one to change the release's schema.
    var schemas = Dictionary(uniqueKeysWithValues: ReleaseSchema().tables.map { ($0.name, $0) })
    /// Tables left out of the release.
    var omitted: Set<String> = []
    /// Rows of the fixed tables (objectives, outcomes, framework) in place of their own.
    var replaced: [String: [[String]]] = [:]

    static let objectives = (1...5).map { ["\($0)", "objective-\($0)", "Objective \($0)", ""] }
    static let outcomes = [["1", "1", "An outcome", ""]]
    static let framework = [["1", "1", "1", "An outcome", "A measure"]]

    var draft: ReleaseDraft {
        let rows: [String: [[String]]] = [
            "areas": areas, "objectives": SampleDraft.objectives, "outcomes": SampleDraft.outcomes,
            "indicators": indicators, "indicator_needs": indicatorNeeds, "objective_needs": objectiveNeeds,
            "framework": SampleDraft.framework, "area_lookup": lookup,
        ].merging(replaced) { _, replacement in replacement }
        let tables = ReleaseSchema().tables.map(\.name).filter { !omitted.contains($0) }.map { name in
            ReleaseTable(schema: schemas[name]!, rows: rows[name] ?? [])
        }
        return ReleaseDraft(
            pipeline: "draft", title: "A draft", description: "A release made by the tests.", synthetic: true,
            schema: ReleaseSchema(), licence: ("CC-BY-4.0", "Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
            sources: [("a.csv (2024)", "a.csv")], tables: tables, provenance: ["tool": .string("areaneeds tests")])
    }
}

/// A pipeline folder in a temporary folder for writer tests; removed when dropped.
final class ReleasesFolder {
    let path = NSTemporaryDirectory() + "areaneeds-releases-" + UUID().uuidString + "/draft"
    var history: ReleaseHistory { ReleaseHistory(folder: path) }
    var writer: ReleaseWriter { ReleaseWriter(history: history) }

    deinit {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}
