import AreaNeedsCore

/// What reading one table of a release checks: its columns with their types and
/// constraints, its primary keys and its foreign keys.
///
/// The data package (`datapackage.json`) declares them; for the columns and keys this
/// version of areaneeds writes (`ReleaseSchema`), its own rules hold as well, so a
/// descriptor edited to drop a key or a constraint does not loosen what the tools read.
struct TableRules: Sendable {
    /// The table's name (its file is `name.csv`).
    let name: String
    /// The columns in the order the descriptor lists them, which the header must follow.
    let fields: [TableSchema.Field]
    /// Each set of columns whose values together must be unique: the primary keys (the
    /// product's and the descriptor's, when they differ) and each `unique` column.
    let uniqueKeys: [[String]]
    /// The foreign keys: the product's and the descriptor's.
    let foreignKeys: [TableSchema.ForeignKey]

    var fileName: String { name + ".csv" }

    /// The rules for table `name`.
    ///
    /// - Parameters:
    ///   - product: the table as this version of areaneeds writes it, if it knows it.
    ///   - resource: the descriptor's resource for the table.
    ///   - descriptorPath: for messages.
    init(name: String, product: TableSchema?, resource: JSONValue, descriptorPath: String) throws(AreaNeedsError) {
        self.name = name
        let declared = resource["schema"]
        let declaredFields = declared?["fields"]?.array?.compactMap(TableRules.field) ?? []
        guard !declaredFields.isEmpty else {
            throw AreaNeedsError(.inputData, "\(descriptorPath): resource \(name) declares no fields")
        }
        let known = Dictionary(product?.fields.map { ($0.name, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        fields = declaredFields.map { known[$0.name] ?? $0 }
        let names = Set(fields.map(\.name))
        if names.count != fields.count {
            throw AreaNeedsError(.inputData, "\(descriptorPath): resource \(name) declares a column twice")
        }
        if let missing = product?.fields.first(where: { $0.required && !names.contains($0.name) }) {
            throw AreaNeedsError(.inputData, "\(descriptorPath): resource \(name) has no column \(missing.name), which every release of areaneeds has")
        }
        var keys: [[String]] = []
        for key in [product?.primaryKey ?? [], TableRules.names(declared?["primaryKey"])] + fields.filter(\.unique).map({ [$0.name] })
        where !key.isEmpty && !keys.contains(key) {
            if let absent = key.first(where: { !names.contains($0) }) {
                throw AreaNeedsError(.inputData, "\(descriptorPath): resource \(name): its key names column \(absent), which it does not have")
            }
            keys.append(key)
        }
        uniqueKeys = keys
        var foreign: [TableSchema.ForeignKey] = product?.foreignKeys ?? []
        for key in declared?["foreignKeys"]?.array ?? [] {
            let reference = key["reference"]
            let declaredKey = TableSchema.ForeignKey(
                TableRules.names(key["fields"]), references: reference?["resource"]?.string ?? "", TableRules.names(reference?["fields"]))
            if !foreign.contains(declaredKey) { foreign.append(declaredKey) }
        }
        for key in foreign {
            guard !key.fields.isEmpty, key.fields.count == key.referencedFields.count, !key.resource.isEmpty else {
                throw AreaNeedsError(.inputData, "\(descriptorPath): resource \(name) declares a foreign key that is not one")
            }
            if let absent = key.fields.first(where: { !names.contains($0) }) {
                throw AreaNeedsError(.inputData, "\(descriptorPath): resource \(name): a foreign key names column \(absent), which it does not have")
            }
        }
        foreignKeys = foreign
    }

    /// A field as the descriptor declares it; types areaneeds does not write are read as text.
    private static func field(_ json: JSONValue) -> TableSchema.Field? {
        guard let name = json["name"]?.string else { return nil }
        let constraints = json["constraints"]
        return TableSchema.Field(
            name, TableSchema.FieldType(rawValue: json["type"]?.string ?? "string") ?? .string, "",
            required: constraints?["required"] == .bool(true), unique: constraints?["unique"] == .bool(true),
            minimum: number(constraints?["minimum"]), maximum: number(constraints?["maximum"]),
            allowed: constraints?["enum"]?.array?.compactMap(\.string))
    }

    private static func number(_ json: JSONValue?) -> Double? {
        switch json {
        case .number(let value)?: value
        case .integer(let value)?: Double(value)
        default: nil
        }
    }

    /// A list of column names, which Frictionless also allows as a single name.
    private static func names(_ json: JSONValue?) -> [String] {
        if let name = json?.string { return [name] }
        return json?.array?.compactMap(\.string) ?? []
    }
}
