/// The keys of the tables a release's foreign keys refer to (its areas, objectives,
/// outcomes and indicators), read when the release is opened: what each foreign key
/// value is looked up in.
struct ReleaseKeys: Sendable {
    /// "table(column,column)" -> the values of those columns, joined by U+001F.
    private var sets: [String: Set<String>] = [:]

    /// The values of `columns` in `table`; nil when they were not read.
    func keys(of table: String, _ columns: [String]) -> Set<String>? {
        sets[ReleaseKeys.name(table, columns)]
    }

    mutating func add(_ values: Set<String>, of table: String, _ columns: [String]) {
        sets[ReleaseKeys.name(table, columns)] = values
    }

    /// A key of several columns as one text: empty when any of its values is missing, as a
    /// foreign key with a missing value refers to nothing.
    static func value(_ fields: [String]) -> String {
        fields.contains(where: \.isEmpty) ? "" : fields.joined(separator: "\u{1F}")
    }

    private static func name(_ table: String, _ columns: [String]) -> String {
        table + "(" + columns.joined(separator: ",") + ")"
    }
}
