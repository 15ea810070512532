/// Where a source's figure is: a column (`value: Score`), the sum of each area's rows of a
/// column that match conditions (`value: {column: Observation, where: {...}}`, for long
/// tables), or the column of the latest period (`value: {columns: latest}`, for wide tables
/// of one column per month or year).
package struct FieldSpec: Codable, Sendable, Equatable {
    /// The column; nil for the latest period's column, found in the header.
    package var column: String?
    /// Written as a mapping with `column:`: each area's matching rows are summed.
    package var sumsRows: Bool
    /// The rows summed (`where:`); every row of the area when nil.
    package var rows: RowConditions?
    /// The rows left out of the sum (`where-not:`).
    package var exceptRows: RowConditions?

    /// A plain column: one row per area.
    package init(column: String) {
        self.init(column: column, sumsRows: false, rows: nil, exceptRows: nil)
    }

    private init(column: String?, sumsRows: Bool, rows: RowConditions?, exceptRows: RowConditions?) {
        self.column = column
        self.sumsRows = sumsRows
        self.rows = rows
        self.exceptRows = exceptRows
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case column, columns, rows = "where", exceptRows = "where-not"
    }

    /// A column name, or a mapping: `{column: C, where: ..., where-not: ...}` or `{columns: latest}`.
    package init(from decoder: Decoder) throws {
        if let column = try? decoder.singleValueContainer().decode(String.self) {
            self.init(column: column)
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try container.decodeIfPresent(RowConditions.self, forKey: .rows)
        let exceptRows = try container.decodeIfPresent(RowConditions.self, forKey: .exceptRows)
        if let columns = try container.decodeIfPresent(String.self, forKey: .columns) {
            guard columns == "latest" else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.columns],
                    debugDescription: "`columns:` takes `latest` (the column named for the latest period), not \"\(columns)\""))
            }
            guard !container.contains(.column), rows == nil, exceptRows == nil else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [CodingKeys.columns],
                    debugDescription: "`columns: latest` takes the latest period's column as it is: it cannot be given with `column:`, `where:` or `where-not:`"))
            }
            self.init(column: nil, sumsRows: false, rows: nil, exceptRows: nil)
            return
        }
        guard container.contains(.column) else {
            throw DecodingError.keyNotFound(CodingKeys.column, .init(codingPath: decoder.codingPath,
                debugDescription: "a figure written as a mapping names its `column:` (or is `{columns: latest}`)"))
        }
        self.init(column: try container.decode(String.self, forKey: .column), sumsRows: true, rows: rows, exceptRows: exceptRows)
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let column {
            try container.encode(column, forKey: .column)
        } else {
            try container.encode("latest", forKey: .columns)
        }
        if sumsRows { try container.encode(rows ?? RowConditions([]), forKey: .rows) }
        try container.encodeIfPresent(exceptRows, forKey: .exceptRows)
    }

    /// Whether the figure is the latest period's column (`{columns: latest}`).
    package var isLatestPeriodColumn: Bool { column == nil }

    /// The columns its conditions name.
    package var conditionColumns: [String] {
        (rows?.columns ?? []) + (exceptRows?.columns ?? [])
    }
}
