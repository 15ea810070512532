/// A release table's shape as a Frictionless Table Schema: fields with types,
/// descriptions and constraints, the primary key and the foreign keys.
public struct TableSchema: Sendable, Equatable {
    /// The resource name, and the file name without `.csv`.
    public var name: String
    public var title: String
    public var description: String
    public var fields: [Field]
    public var primaryKey: [String]
    public var foreignKeys: [ForeignKey]

    /// The file name in the release.
    public var fileName: String { name + ".csv" }
    /// The column names in order.
    public var columns: [String] { fields.map(\.name) }

    /// One column.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var type: FieldType
        public var description: String
        public var required: Bool
        public var unique: Bool
        public var minimum: Double?
        public var maximum: Double?
        public var allowed: [String]?

        public init(_ name: String, _ type: FieldType, _ description: String, required: Bool = false, unique: Bool = false,
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
    public enum FieldType: String, Sendable, Equatable {
        case string, integer, number, boolean
    }

    /// Columns that must match a key of another table.
    public struct ForeignKey: Sendable, Equatable {
        public var fields: [String]
        public var resource: String
        public var referencedFields: [String]

        public init(_ fields: [String], references resource: String, _ referencedFields: [String]) {
            self.fields = fields
            self.resource = resource
            self.referencedFields = referencedFields
        }
    }

    /// The schema as Frictionless Table Schema JSON (a plain dictionary for encoding).
    public var frictionless: JSONValue {
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
