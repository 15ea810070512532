import Foundation

/// The Frictionless Data Package descriptor (`datapackage.json`) of a release.
enum DataPackage {
    static func descriptor(for draft: ReleaseDraft, version: ReleaseVersion, created: Date,
                           files: [ReleaseWriter.WrittenFile]) -> JSONValue {
        let byName = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let resources: [JSONValue] = draft.tables.map { table in
            let schema = table.schema
            let file = byName[schema.fileName]
            return .object([
                "name": .string(schema.name),
                "title": .string(schema.title),
                "description": .string(schema.description),
                "path": .string(schema.fileName),
                "profile": .string("tabular-data-resource"),
                "format": .string("csv"),
                "mediatype": .string("text/csv"),
                "encoding": .string("utf-8"),
                "bytes": .integer(file?.bytes ?? 0),
                "hash": .string("sha256:" + (file?.sha256 ?? "")),
                "schema": schema.frictionless,
            ])
        }
        var title = draft.title
        if draft.synthetic && !title.localizedCaseInsensitiveContains("synthetic") {
            title += " (SYNTHETIC DATA)"
        }
        return .object([
            "profile": .string("tabular-data-package"),
            "name": .string("areaneeds-" + draft.pipeline),
            "title": .string(title),
            "description": .string(draft.description),
            "version": .string(version.description),
            "created": .string(ReleaseWriter.rfc3339(created)),
            "licenses": .array([.object([
                "name": .string(draft.licence.name), "title": .string(draft.licence.title), "path": .string(draft.licence.path),
            ])]),
            "sources": .array(draft.sources.map { .object(["title": .string($0.title), "path": .string($0.path)]) }),
            "keywords": .array(["social value", "area needs", "deprivation", "quintiles"].map(JSONValue.string)),
            "resources": .array(resources),
            "areaneeds": .object([
                "pipeline": .string(draft.pipeline),
                "area_key": .string(draft.schema.areaKey),
                "area_label": .string(draft.schema.areaLabel),
                "ranks_within_districts": .bool(draft.schema.ranksWithinDistricts),
                "synthetic": .bool(draft.synthetic),
                "procurement_threshold": .number(draft.policy.procurementThreshold),
                "procurement_threshold_source": .string(draft.policy.thresholdSource),
            ].merging(editionEntries(for: draft, files: files)) { first, _ in first }),
        ])
    }
}
