/// A table to publish: its schema and a function that produces its rows in order.
///
/// Rows are streamed to the files as they are produced, so a national-scale release is
/// never held in memory whole.
public struct ReleaseTable: Sendable {
    public let schema: TableSchema
    public let produceRows: @Sendable (_ emit: (_ row: [String]) throws -> Void) throws -> Void

    public init(schema: TableSchema, produceRows: @escaping @Sendable (_ emit: (_ row: [String]) throws -> Void) throws -> Void) {
        self.schema = schema
        self.produceRows = produceRows
    }

    /// A table from rows already in memory (small tables).
    public init(schema: TableSchema, rows: [[String]]) {
        self.init(schema: schema) { emit in
            for row in rows { try emit(row) }
        }
    }
}

/// Everything a release is made of, before it has a version.
public struct ReleaseDraft: Sendable {
    /// The pipeline's name: the package name stays stable across versions.
    public var pipeline: String
    public var title: String
    public var description: String
    public var synthetic: Bool
    public var schema: ReleaseSchema
    public var licence: (name: String, title: String, path: String)
    /// Where the data came from: (title, path) pairs for the descriptor's `sources`.
    public var sources: [(title: String, path: String)]
    public var tables: [ReleaseTable]
    /// `provenance.json`, without the version (the writer adds it).
    public var provenance: [String: JSONValue]

    public init(pipeline: String, title: String, description: String, synthetic: Bool, schema: ReleaseSchema,
                licence: (name: String, title: String, path: String), sources: [(title: String, path: String)],
                tables: [ReleaseTable], provenance: [String: JSONValue]) {
        self.pipeline = pipeline
        self.title = title
        self.description = description
        self.synthetic = synthetic
        self.schema = schema
        self.licence = licence
        self.sources = sources
        self.tables = tables
        self.provenance = provenance
    }
}
