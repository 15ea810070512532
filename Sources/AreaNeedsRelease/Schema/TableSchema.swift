/// A release table's shape as a Frictionless Table Schema: fields with types,
/// descriptions and constraints, the primary key and the foreign keys.
package struct TableSchema: Sendable, Equatable {
    /// The resource name, and the file name without `.csv`.
    package var name: String
    package var title: String
    package var description: String
    package var fields: [Field]
    package var primaryKey: [String]
    package var foreignKeys: [ForeignKey]

    /// The file name in the release.
    package var fileName: String { name + ".csv" }
    /// The column names in order.
    package var columns: [String] { fields.map(\.name) }

    /// One column.
    package struct Field: Sendable, Equatable {
        package var name: String
        package var type: FieldType
        package var description: String
        package var required: Bool
        package var unique: Bool
        package var minimum: Double?
        package var maximum: Double?
        package var allowed: [String]?

        package init(_ name: String, _ type: FieldType, _ description: String, required: Bool = false, unique: Bool = false,
                    minimum: Double? = nil, maximum: Double? = nil, allowed: [String]? = nil) {
            self.name = name
            self.type = type
            self.description = description
            self.required = required
            self.unique = unique
            self.minimum = minimum
            self.maximum = maximum
            self.allowed = allowed
        }
    }

    /// Column types, as Frictionless names them.
    package enum FieldType: String, Sendable, Equatable {
        case string, integer, number, boolean
    }

    /// Columns that must match a key of another table.
    package struct ForeignKey: Sendable, Equatable {
        package var fields: [String]
        package var resource: String
        package var referencedFields: [String]

        package init(_ fields: [String], references resource: String, _ referencedFields: [String]) {
            self.fields = fields
            self.resource = resource
            self.referencedFields = referencedFields
        }
    }

    /// The schema as Frictionless Table Schema JSON (a plain dictionary for encoding).
    package var frictionless: JSONValue {
        var object: [String: JSONValue] = [
            "fields": .array(fields.map { field in
                var entry: [String: JSONValue] = [
                    "name": .string(field.name),
                    "type": .string(field.type.rawValue),
                    "description": .string(field.description),
                ]
                var constraints: [String: JSONValue] = [:]
                if field.required { constraints["required"] = .bool(true) }
                if field.unique { constraints["unique"] = .bool(true) }
                if let minimum = field.minimum { constraints["minimum"] = .number(minimum) }
                if let maximum = field.maximum { constraints["maximum"] = .number(maximum) }
                if let allowed = field.allowed { constraints["enum"] = .array(allowed.map(JSONValue.string)) }
                if !constraints.isEmpty { entry["constraints"] = .object(constraints) }
                if field.type == .boolean {
                    entry["trueValues"] = .array([.string("true")])
                    entry["falseValues"] = .array([.string("false")])
                }
                return .object(entry)
            }),
            "missingValues": .array([.string("")]),
        ]
        if !primaryKey.isEmpty { object["primaryKey"] = .array(primaryKey.map(JSONValue.string)) }
        if !foreignKeys.isEmpty {
            object["foreignKeys"] = .array(foreignKeys.map { key in
                .object([
                    "fields": .array(key.fields.map(JSONValue.string)),
                    "reference": .object([
                        "resource": .string(key.resource),
                        "fields": .array(key.referencedFields.map(JSONValue.string)),
                    ]),
                ])
            })
        }
        return .object(object)
    }
}
