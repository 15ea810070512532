import AreaNeedsCore
import Foundation

/// What the workbook and the database say about the release they belong to: its name,
/// version and licence, whether its figures are made up, and the checksums of its CSVs.
struct EditionMetadata: Sendable {
    var pipeline: String
    var title: String
    var description: String
    var version: ReleaseVersion
    /// The release time, RFC 3339 in UTC: the only time either file holds.
    var created: String
    var label: String?
    var publisher: String?
    var synthetic: Bool
    var licence: (name: String, title: String, path: String)
    /// The release's area columns and options.
    var schema: ReleaseSchema
    /// The tables the release holds, in its order: the editions hold the same.
    var tables: [TableSchema]
    /// The CSV tables as `SHA256SUMS` lists them, in the release's table order.
    var tableChecksums: [(file: String, sha256: String)]

    /// The release's table with this name, if it has one.
    func table(_ name: String) -> TableSchema? {
        tables.first { $0.name == name }
    }

    /// The edition's file name in the release: `<pipeline>-<version>.xlsx`.
    static func fileName(of edition: ReleaseEdition, pipeline: String, version: ReleaseVersion) -> String {
        "\(pipeline)-\(version).\(edition.rawValue)"
    }

    /// How to cite the release: publisher, year, title, version, label and licence.
    var citation: String {
        let year = created.prefix(4)
        let labelText = label.map { ", \($0)" } ?? ""
        return "\(publisher ?? "AreaNeeds") (\(year)). \(title), release \(version)\(labelText) [data set: \(pipeline)-\(version)]. "
            + "Licence: \(licence.title) (\(licence.path))."
    }

    /// The warning every edition of a synthetic release carries.
    static let syntheticWarning = "SYNTHETIC DATA: every figure in this release is made up by a seeded generator; it describes no real place. Do not base a decision on it."
}

extension EditionMetadata {
    /// What the editions of `draft`, published as `version` at `created`, say about it.
    init(draft: ReleaseDraft, version: ReleaseVersion, created: Date, tables: [ReleaseWriter.WrittenFile]) {
        let sums = Dictionary(tables.map { ($0.name, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        self.init(
            pipeline: draft.pipeline, title: draft.title, description: draft.description, version: version,
            created: ReleaseWriter.rfc3339(created), label: draft.label, publisher: draft.publisher, synthetic: draft.synthetic,
            licence: draft.licence, schema: draft.schema, tables: draft.tables.map(\.schema),
            tableChecksums: draft.tables.map { ($0.schema.fileName, sums[$0.schema.fileName] ?? "") })
    }
}
