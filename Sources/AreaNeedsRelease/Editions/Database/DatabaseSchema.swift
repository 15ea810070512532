/// The SQL that lays out the database edition: a table per release table with the data
/// package's types, keys and constraints, indexes on the columns that join tables (area,
/// indicator, objective), the views people ask for, and the release's metadata.
struct DatabaseSchema {
    /// The release's area columns.
    let schema: ReleaseSchema
    /// The tables the release holds.
    let tables: [TableSchema]

    /// `CREATE TABLE` for a release table. Booleans are stored as 0 and 1 (SQLite has no
    /// boolean type); the data package's constraints become `CHECK`s. A table with a primary
    /// key is stored in its key's order (`WITHOUT ROWID`): no second copy of the key.
    func createTable(_ table: TableSchema) -> String {
        var lines = table.fields.map(column)
        if !table.primaryKey.isEmpty {
            lines.append("PRIMARY KEY (\(names(table.primaryKey)))")
        }
        for key in table.foreignKeys {
            lines.append("FOREIGN KEY (\(names(key.fields))) REFERENCES \(quoted(key.resource)) (\(names(key.referencedFields)))")
        }
        return "CREATE TABLE \(quoted(table.name)) (\n  " + lines.joined(separator: ",\n  ") + "\n)"
            + (table.primaryKey.isEmpty ? "" : " WITHOUT ROWID")
    }

    /// `INSERT` of one row, every column a parameter.
    func insert(_ table: TableSchema) -> String {
        "INSERT INTO \(quoted(table.name)) VALUES (" + Array(repeating: "?", count: table.fields.count).joined(separator: ", ") + ")"
    }

    /// An index for each foreign key that does not begin the primary key (that one has the
    /// key's own index): looking up an area's, an indicator's or an objective's rows.
    func createIndexes(_ table: TableSchema) -> [String] {
        table.foreignKeys.filter { !table.primaryKey.starts(with: $0.fields) }.map { key in
            "CREATE INDEX \(quoted(table.name + "_by_" + key.fields.joined(separator: "_"))) ON \(quoted(table.name)) (\(names(key.fields)))"
        }
    }

    /// The views: each area's indicators with their titles, objectives and quality, and each
    /// area's objective needs with the objectives' names. A view is left out when a table
    /// or column it joins is not in the release.
    var createViews: [String] {
        let area = quoted(schema.areaCode)
        let areaColumns = ["a.\(area)", "a.\(quoted(schema.areaName))", "a.\"district_code\"", "a.\"district_name\""]
        var views: [String] = []
        let joined = has("areas", [schema.areaCode, schema.areaName, "district_code", "district_name"])
            && has("objectives", ["objective_id", "short_name", "title"])
        if joined, has("indicators", ["indicator_id", "title", "unit", "polarity", "objective_id"]),
           let needs = table("indicator_needs"), has("indicator_needs", [schema.areaCode, "indicator_id"]) {
            let key = [schema.areaCode, "indicator_id"]
            let columns = areaColumns + [
                "i.\"objective_id\"", "o.\"short_name\" AS \"objective_short_name\"", "n.\"indicator_id\"",
                "i.\"title\" AS \"indicator_title\"", "i.\"unit\"", "i.\"polarity\"",
            ] + needs.columns.filter { !key.contains($0) }.map { "n." + quoted($0) }
            views.append("""
            CREATE VIEW "area_indicators" AS
            SELECT \(columns.joined(separator: ", "))
            FROM "indicator_needs" AS n
            JOIN "areas" AS a ON a.\(area) = n.\(area)
            JOIN "indicators" AS i ON i."indicator_id" = n."indicator_id"
            JOIN "objectives" AS o ON o."objective_id" = i."objective_id"
            """)
        }
        if joined, let needs = table("objective_needs"), has("objective_needs", [schema.areaCode, "objective_id"]) {
            let key = [schema.areaCode, "objective_id"]
            let columns = areaColumns + [
                "n.\"objective_id\"", "o.\"short_name\" AS \"objective_short_name\"", "o.\"title\" AS \"objective_title\"",
            ] + needs.columns.filter { !key.contains($0) }.map { "n." + quoted($0) }
            views.append("""
            CREATE VIEW "area_objectives" AS
            SELECT \(columns.joined(separator: ", "))
            FROM "objective_needs" AS n
            JOIN "areas" AS a ON a.\(area) = n.\(area)
            JOIN "objectives" AS o ON o."objective_id" = n."objective_id"
            """)
        }
        return views
    }

    private func table(_ name: String) -> TableSchema? {
        tables.first { $0.name == name }
    }

    /// True when the release has table `name` with every one of `columns`.
    private func has(_ name: String, _ columns: [String]) -> Bool {
        guard let table = table(name) else { return false }
        return Set(columns).isSubset(of: table.columns)
    }

    /// What the views hold, for the metadata and the documentation.
    static let views: [(name: String, description: String)] = [
        ("area_indicators", "Each area's figure, need rank, quintile and quality on each indicator, with the area's name and district and the indicator's title, unit, polarity and objective."),
        ("area_objectives", "Each area's need on each objective, with the area's name and district and the objective's short name and title."),
    ]

    /// The metadata table: one row per fact about the release.
    static let createMetadata = """
        CREATE TABLE "metadata" (
          "key" TEXT NOT NULL PRIMARY KEY,
          "value" TEXT NOT NULL
        )
        """

    /// The tables of the release and their CSV files, with each file's checksum.
    static let createReleaseTables = """
        CREATE TABLE "release_tables" (
          "table_name" TEXT NOT NULL PRIMARY KEY,
          "title" TEXT NOT NULL,
          "description" TEXT NOT NULL,
          "csv_file" TEXT NOT NULL,
          "csv_sha256" TEXT NOT NULL,
          "rows" INTEGER NOT NULL
        )
        """

    // MARK: - Columns

    private func column(_ field: TableSchema.Field) -> String {
        var text = quoted(field.name) + " " + Self.sqlType(field.type)
        if field.required { text += " NOT NULL" }
        if field.unique { text += " UNIQUE" }
        var checks: [String] = []
        let name = quoted(field.name)
        if field.type == .boolean { checks.append("\(name) IN (0, 1)") }
        if let minimum = field.minimum { checks.append("\(name) >= \(Self.literal(minimum))") }
        if let maximum = field.maximum { checks.append("\(name) <= \(Self.literal(maximum))") }
        if let allowed = field.allowed { checks.append("\(name) IN (" + allowed.map(Self.literal).joined(separator: ", ") + ")") }
        if !checks.isEmpty { text += " CHECK (" + checks.joined(separator: " AND ") + ")" }
        return text
    }

    /// The SQLite type of a data package type.
    static func sqlType(_ type: TableSchema.FieldType) -> String {
        switch type {
        case .string: "TEXT"
        case .integer, .boolean: "INTEGER"
        case .number: "REAL"
        }
    }

    private static func literal(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    private static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private func names(_ columns: [String]) -> String {
        columns.map(quoted).joined(separator: ", ")
    }

    /// An identifier in double quotes, as SQL quotes names.
    func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
