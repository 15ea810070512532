import AreaNeedsCore
import AreaNeedsRelease
import Foundation

/// `provenance.json`: what made a release (tool version, pipeline file, every input file
/// with its size, hash and vintage), so anyone can check a figure back to its source.
enum ReleaseProvenance {
    /// `ingestManifests` are the ingest stage's, when it ran in this run; else they are read
    /// from its folder.
    static func record(pipeline: Pipeline, inputs: [(String, InputFile)], vintages: IndicatorVintages, fingerprint: String,
                       ingestManifests: [StageUnit: StageManifest]?) -> [String: JSONValue] {
        let ingest = StageFolder(.ingest, of: pipeline)
        func manifest(_ unit: StageUnit) -> StageManifest? { ingestManifests.map { $0[unit] } ?? ingest.manifest(unit) }
        var sources: [JSONValue] = []
        for indicator in pipeline.file.indicators {
            guard let source = indicator.source, let manifest = manifest(.indicator(indicator.id)),
                  let input = manifest.inputs.first else { continue }
            var entry: [String: JSONValue] = [
                "indicator_id": .string(indicator.id),
                "path": .string(relative(input.path, to: pipeline.folder)),
                "bytes": .integer(input.bytes),
                "sha256": .string(input.sha256),
                "vintage": .string(vintages.vintage(of: indicator)),
                "geography": .string(ReleaseText.text(source.geography)),
            ]
            // The periods chosen (`period:`, `value: {columns: latest}`), latest first: more
            // than one when some areas' latest figures are older.
            if let periods = vintages.periods[indicator.id] { entry["periods"] = .array(periods.map(JSONValue.string)) }
            sources.append(.object(entry))
        }
        for (name, spec) in pipeline.file.populations.sorted(by: { $0.key < $1.key }) {
            guard let manifest = manifest(.population(name)), let input = manifest.inputs.first else { continue }
            sources.append(.object([
                "population": .string(name),
                "path": .string(relative(input.path, to: pipeline.folder)),
                "bytes": .integer(input.bytes),
                "sha256": .string(input.sha256),
                "geography": .string(ReleaseText.text(spec.geography)),
            ]))
        }
        let others: [JSONValue] = inputs.filter { !$0.0.hasPrefix("rank:") }.map { label, file in
            .object([
                "role": .string(label),
                "path": .string(relative(file.path, to: pipeline.folder)),
                "bytes": .integer(file.bytes),
                "sha256": .string(file.sha256),
            ])
        }
        let pipelineHash = (try? FileHash.sha256(ofFile: pipeline.path)) ?? ""
        return [
            "tool": .string("areaneeds"),
            "tool_version": .string(ToolVersion.current),
            "pipeline": .string(pipeline.name),
            "pipeline_file": .object([
                "path": .string(relative(pipeline.path, to: pipeline.folder)),
                "sha256": .string(pipelineHash),
            ]),
            "synthetic": .bool(pipeline.file.synthetic),
            "sources": .array(sources),
            "reference_files": .array(others),
            "publish_fingerprint": .string(fingerprint),
        ]
    }

    /// The fingerprint a release was published from, from its provenance.
    static func fingerprint(in folder: String) -> String? {
        guard let data = ReleaseLimits.standard.contents(ofDescription: folder + "/provenance.json"),
              let json = try? JSONDecoder().decode(JSONValue.self, from: data) else { return nil }
        return json["publish_fingerprint"]?.string
    }

    /// A path relative to the pipeline file's folder when it lies below it or beside it.
    static func relative(_ path: String, to folder: String) -> String {
        let base = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        var common = 0
        while common < min(base.count, target.count), base[common] == target[common] { common += 1 }
        guard common > 1 else { return path }
        return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
    }
}
