import AreaNeedsCore
import AreaNeedsTables

/// A table to publish: its schema and a function that produces its rows in order, or a
/// CSV file whose rows are copied.
///
/// Rows are streamed to the files as they are produced, so a national-scale release is
/// never held in memory whole.
package struct ReleaseTable: Sendable {
    package let schema: TableSchema
    let rows: Rows

    /// Where the rows come from.
    enum Rows: Sendable {
        /// Rows written by a function, given the table's writer.
        case written(@Sendable (_ writer: TableWriter) throws -> Void)
        /// The data rows of a CSV file this package's `TableWriter` wrote, whose header is `header`.
        case copied(path: String, header: [String])
    }

    /// A table whose rows `produceRows` emits in order, each as its fields' text.
    package init(schema: TableSchema, produceRows: @escaping @Sendable (_ emit: (_ row: [String]) throws -> Void) throws -> Void) {
        self.init(schema: schema) { (writer: TableWriter) in
            try produceRows { row in try writer.write(row) }
        }
    }

    /// A table of many rows, each written field by field with `writer.writeRow`, with no
    /// array of strings made for it (the national output-area lookup has 188,880 rows).
    package init(schema: TableSchema, writeRows: @escaping @Sendable (_ writer: TableWriter) throws -> Void) {
        self.schema = schema
        rows = .written(writeRows)
    }

    /// A table whose rows are those of `path`, a CSV file written by `TableWriter` (a staging
    /// table) with the header `header`: copied byte for byte under the schema's header, which
    /// is what reading and writing them again would give, at a fraction of the cost (the
    /// need tables of the national benchmark are 17 MB).
    package init(schema: TableSchema, copyingRowsOf path: String, header: [String]) {
        self.schema = schema
        rows = .copied(path: path, header: header)
    }

    /// A table from rows already in memory (small tables).
    package init(schema: TableSchema, rows: [[String]]) {
        self.init(schema: schema) { emit in
            for row in rows { try emit(row) }
        }
    }
}

/// Everything a release is made of, before it has a version.
package struct ReleaseDraft: Sendable {
    /// The pipeline's name: the package name stays stable across versions.
    package var pipeline: String
    package var title: String
    package var description: String
    package var synthetic: Bool
    package var schema: ReleaseSchema
    package var licence: (name: String, title: String, path: String)
    /// Where the data came from: (title, path) pairs for the descriptor's `sources`.
    package var sources: [(title: String, path: String)]
    package var tables: [ReleaseTable]
    /// `provenance.json`, without the version (the writer adds it).
    package var provenance: [String: JSONValue]
    /// The procurement rules `assess` applies, carried in the descriptor.
    package var policy: ReleasePolicy
    /// The forms the tables are published in (always CSV).
    package var editions: [ReleaseEdition]
    /// The release's label and publisher, for the workbook and the database.
    package var label: String?
    package var publisher: String?

    package init(pipeline: String, title: String, description: String, synthetic: Bool, schema: ReleaseSchema,
                licence: (name: String, title: String, path: String), sources: [(title: String, path: String)],
                tables: [ReleaseTable], provenance: [String: JSONValue], policy: ReleasePolicy = ReleasePolicy(),
                editions: [ReleaseEdition] = ReleaseEdition.defaults, label: String? = nil, publisher: String? = nil) {
        self.pipeline = pipeline
        self.title = title
        self.description = description
        self.synthetic = synthetic
        self.schema = schema
        self.licence = licence
        self.sources = sources
        self.tables = tables
        self.provenance = provenance
        self.policy = policy
        self.editions = editions
        self.label = label
        self.publisher = publisher
    }
}

/// The procurement rules a release carries for `assess`: contracts below the threshold
/// need no social value weighting.
package struct ReleasePolicy: Sendable, Equatable {
    /// In pounds.
    package var procurementThreshold: Double
    /// Where the threshold comes from, shown with every answer that uses it.
    package var thresholdSource: String

    package init(procurementThreshold: Double = PolicySpec.defaultThreshold, thresholdSource: String = PolicySpec.defaultThresholdSource) {
        self.procurementThreshold = procurementThreshold
        self.thresholdSource = thresholdSource
    }
}
