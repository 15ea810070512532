import AreaNeedsTables
import Foundation

/// The stages of a run, in order.
package enum StageName: String, Sendable, CaseIterable, Codable {
    case ingest, normalise, rank, publish
}

/// One stage's staging folder: its outputs and the manifests that say what made them.
///
/// `data-out/<pipeline>/staging/<stage>/`. A stage reads only the previous stage's
/// folder (and the pipeline's own input files), so each can be re-run alone.
package struct StageFolder: Sendable {
    package let stage: StageName
    package let path: String

    package init(_ stage: StageName, of pipeline: Pipeline) {
        self.stage = stage
        path = pipeline.stagingFolder + "/" + stage.rawValue
    }

    /// The path of a file in the folder.
    package func file(_ name: String) -> String { path + "/" + name }

    /// The path of a unit's manifest.
    package func manifestPath(_ unit: StageUnit) -> String { file(unit.manifestFile) }

    /// The manifest of `unit` when it was made with `fingerprint`, lists the `outputs` the
    /// unit writes now, and those are intact: then the unit need not run again. (A
    /// manifest naming other files was written by a version that staged the unit otherwise.)
    package func upToDate(_ unit: StageUnit, fingerprint: String, outputs: [String]) -> StageManifest? {
        guard let manifest = StageManifest.read(manifestPath(unit)),
              manifest.fingerprint == fingerprint,
              manifest.outputs.map(\.path) == outputs,
              manifest.outputsIntact(in: path) else { return nil }
        return manifest
    }

    /// The manifest of `unit`, whatever made it; nil when the stage has not run.
    package func manifest(_ unit: StageUnit) -> StageManifest? {
        StageManifest.read(manifestPath(unit))
    }

    /// Creates the folder (and its parents), and removes the temporary files of runs that
    /// were killed while writing (`*.partial-<pid>`), which would otherwise pile up. The
    /// caller holds the pipeline's lock, so no other run is writing them.
    ///
    /// The pipeline's folder, `staging/` and the stage's folder are made and opened without
    /// following links: a link planted at any of them is refused, so staging tables are
    /// never written outside the output folder.
    package func create() throws(AreaNeedsError) {
        let stagingPath = (path as NSString).deletingLastPathComponent
        let pipelineFolder = try PipelineFolder.open((stagingPath as NSString).deletingLastPathComponent)
        let staging = try PipelineFolder.subfolder((stagingPath as NSString).lastPathComponent, of: pipelineFolder, purpose: "the staging folder")
        let folder = try PipelineFolder.subfolder(stage.rawValue, of: staging, purpose: "the \(stage.rawValue) stage's staging folder")
        let names = (try? folder.names()) ?? []
        for name in names where name.contains(".partial-") {
            try? folder.removeTree(name)
        }
    }

    /// Removes a unit's manifest first, so a unit interrupted while rewriting its outputs
    /// is never taken as up to date.
    package func invalidate(_ unit: StageUnit) {
        try? FileManager.default.removeItem(atPath: manifestPath(unit))
    }
}

/// What a stage did, for its log line.
package struct StageReport: Sendable {
    package var stage: StageName
    package var ran: [String] = []
    package var skipped: [String] = []
    package var counts: [String: Int] = [:]
    package var warnings: [String] = []
    package var seconds: Double = 0

    package init(stage: StageName) {
        self.stage = stage
    }

    /// A count's label, in the singular for one: "rows with missing values" -> "row with
    /// missing values" (count labels are written with their noun, the first word that ends
    /// in "s", in the plural).
    static func label(_ plural: String, count: Int) -> String {
        guard count == 1 else { return plural }
        var words = plural.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if let noun = words.firstIndex(where: { $0.hasSuffix("s") }) { words[noun].removeLast() }
        return words.joined(separator: " ")
    }

    /// "ingest: 18 sources read, 2 up to date; 45,210 rows, 312 missing values (1.2 s)"
    package func summary(unitName: String) -> String {
        var parts: [String] = []
        if ran.isEmpty && !skipped.isEmpty {
            parts.append("up to date (\(skipped.count) \(unitName)\(skipped.count == 1 ? "" : "s") unchanged)")
        } else {
            var done = "\(ran.count) \(unitName)\(ran.count == 1 ? "" : "s")"
            if !skipped.isEmpty { done += ", \(skipped.count) up to date" }
            parts.append(done)
        }
        let shown = counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }
            .map { "\($0.value.formatted()) \(StageReport.label($0.key, count: $0.value))" }
        if !shown.isEmpty { parts.append(shown.joined(separator: ", ")) }
        if !warnings.isEmpty { parts.append("\(warnings.count) warning\(warnings.count == 1 ? "" : "s")") }
        return "\(stage.rawValue): " + parts.joined(separator: "; ") + String(format: " (%.1f s)", seconds)
    }
}
