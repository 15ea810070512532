/// Which rows of a source belong, by the text of some of its columns: a source's `where:`
/// (rows whose columns each hold one of the values) or `where-not:` (rows whose columns hold
/// none of them), and the same keys inside a figure summed over rows.
///
///     where: {indicator: Claimant Count, sex: [Male, Female]}
///
/// Values are compared as text, exactly but for the spaces around them; a number written in
/// the pipeline file is the text it is written as (`-8`, `2023`).
package struct RowConditions: Codable, Sendable, Equatable {
    /// One column and its values.
    package struct Condition: Codable, Sendable, Equatable {
        package var column: String
        package var values: [String]

        package init(column: String, values: [String]) {
            self.column = column
            self.values = values
        }
    }

    /// The conditions, by column name (so that the order they are written in does not
    /// change the fingerprint).
    package var conditions: [Condition]

    package init(_ conditions: [Condition]) {
        self.conditions = conditions.sorted { $0.column < $1.column }
    }

    /// A mapping of column names to a value or a list of values.
    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var conditions: [Condition] = []
        for key in container.allKeys {
            conditions.append(Condition(column: key.stringValue, values: try RowConditions.values(in: container, key)))
        }
        self.init(conditions)
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for condition in conditions {
            try container.encode(condition.values, forKey: AnyCodingKey(stringValue: condition.column))
        }
    }

    /// The columns named, in order.
    package var columns: [String] { conditions.map(\.column) }

    /// A value, or a list of them, at `key`.
    static func values<Key: CodingKey>(in container: KeyedDecodingContainer<Key>, _ key: Key) throws -> [String] {
        if let one = try? container.decode(String.self, forKey: key) { return [one] }
        return try container.decode([String].self, forKey: key)
    }
}

/// `area-level: {column: geographic_level, value: Local authority}`: the rows of a source
/// that holds several levels of area (the country, regions, local authorities) that are of
/// the level its `geography:` names; the others are skipped.
package struct AreaLevelSpec: Codable, Sendable, Equatable {
    package var column: String
    /// The texts of the level (one, or a list).
    package var values: [String]

    enum CodingKeys: String, CodingKey, CaseIterable { case column, value }

    package init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        column = try container.decode(String.self, forKey: .column)
        values = try RowConditions.values(in: container, .value)
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column, forKey: .column)
        try container.encode(values, forKey: .value)
    }

    /// The level as a condition on rows.
    package var condition: RowConditions.Condition { .init(column: column, values: values) }
}
