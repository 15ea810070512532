import AreaNeedsCore
import Foundation

/// Writes a release's database edition, `<pipeline>-<version>.sqlite`: every table of the
/// release with the data package's types, keys and constraints, indexes on area, indicator
/// and objective, the views `area_indicators` and `area_objectives`, and the release's
/// metadata (`metadata`, `release_tables`).
///
/// Made from the release's CSV files (`TypedRows`), so it holds exactly their values. The
/// same tables give the same bytes: a fixed page size, one transaction, rows inserted in
/// the CSVs' order, indexes built after them, and no time but the release's own `created`.
/// Written without a journal: the file is in the release's temporary folder, which a
/// failed publish removes whole.
struct DatabaseEdition {
    let metadata: EditionMetadata

    /// The page size: fixed, so that the layout does not depend on SQLite's build default.
    static let pageSize = 4096

    /// Writes the database at `path` from the CSV tables in `folder`.
    func write(tablesIn folder: String, to path: String) throws(AreaNeedsError) {
        try? FileManager.default.removeItem(atPath: path)
        let layout = DatabaseSchema(schema: metadata.schema, tables: metadata.tables)
        let database = try sql(path) { () throws(SQLiteError) in try SQLiteDatabase(path: path, create: true) }
        try sql(path) { () throws(SQLiteError) in
            try database.execute("""
                PRAGMA page_size = \(Self.pageSize);
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                PRAGMA cache_size = -8192;
                BEGIN;
                """)
        }
        var rowCounts: [Int] = []
        for table in metadata.tables {
            rowCounts.append(try insertRows(of: table, from: folder, into: database, layout: layout))
        }
        try sql(path) { () throws(SQLiteError) in
            for statement in metadata.tables.flatMap(layout.createIndexes) + layout.createViews {
                try database.execute(statement)
            }
            try writeMetadata(into: database, rowCounts: rowCounts)
            try database.execute("COMMIT")
        }
    }

    /// Creates `table` and inserts the rows of its CSV file; returns how many.
    private func insertRows(of table: TableSchema, from folder: String, into database: SQLiteDatabase,
                            layout: DatabaseSchema) throws(AreaNeedsError) -> Int {
        let path = database.path
        let insert = try sql(path) { () throws(SQLiteError) in
            try database.execute(layout.createTable(table))
            return try database.prepare(layout.insert(table))
        }
        var values = [SQLiteDatabase.Value](repeating: .null, count: table.fields.count)
        var count = 0
        try TypedRows.forEachRow(of: table, in: folder) { (cells) throws(AreaNeedsError) in
            count += 1
            for index in cells.indices {
                values[index] = switch cells[index] {
                case .empty: .null
                case .text(let text): .text(text)
                case .integer(let number): .integer(Int64(number))
                case .number(let number): .real(number)
                case .boolean(let flag): .integer(flag ? 1 : 0)
                }
            }
            do throws(SQLiteError) {
                try insert.run(values)
            } catch {
                throw AreaNeedsError(error.cannotWrite ? .output : .internal, "database edition: \(table.fileName), line \(count + 1): \(error)")
            }
        }
        return count
    }

    private func writeMetadata(into database: SQLiteDatabase, rowCounts: [Int]) throws(SQLiteError) {
        try database.execute(DatabaseSchema.createMetadata)
        let insert = try database.prepare(#"INSERT INTO "metadata" VALUES (?, ?)"#)
        for (key, value) in facts {
            try insert.run([.text(key), .text(value)])
        }
        try database.execute(DatabaseSchema.createReleaseTables)
        let table = try database.prepare(#"INSERT INTO "release_tables" VALUES (?, ?, ?, ?, ?, ?)"#)
        let sums = Dictionary(metadata.tableChecksums.map { ($0.file, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        for (schema, rows) in zip(metadata.tables, rowCounts) {
            try table.run([.text(schema.name), .text(schema.title), .text(schema.description), .text(schema.fileName),
                           .text(sums[schema.fileName] ?? ""), .integer(Int64(rows))])
        }
    }

    /// The rows of the metadata table, in order.
    var facts: [(key: String, value: String)] {
        var facts: [(String, String)] = [
            ("pipeline", metadata.pipeline),
            ("version", metadata.version.description),
            ("title", metadata.title),
            ("description", metadata.description),
            ("created", metadata.created),
            ("synthetic", String(metadata.synthetic)),
        ]
        if let label = metadata.label { facts.append(("label", label)) }
        if let publisher = metadata.publisher { facts.append(("publisher", publisher)) }
        facts += [
            ("licence", metadata.licence.name),
            ("licence_title", metadata.licence.title),
            ("licence_path", metadata.licence.path),
            ("area_key", metadata.schema.areaKey),
            ("area_label", metadata.schema.areaLabel),
            ("ranks_within_districts", String(metadata.schema.ranksWithinDistricts)),
            ("citation", metadata.citation),
            ("booleans", "stored as 1 (true) and 0 (false)"),
        ]
        facts += DatabaseSchema.views.map { ("view " + $0.name, $0.description) }
        if metadata.synthetic { facts.append(("warning", EditionMetadata.syntheticWarning)) }
        return facts
    }

    /// Runs `body`, turning SQLite's failures into the product's errors: a file that cannot
    /// be written is an output error (73), anything else a bug (70).
    private func sql<T>(_ path: String, _ body: () throws(SQLiteError) -> T) throws(AreaNeedsError) -> T {
        do {
            return try body()
        } catch {
            throw AreaNeedsError(error.cannotWrite ? .output : .internal, "database edition: \(error)")
        }
    }
}
