import AreaNeedsRelease
import Foundation

/// The rows `TableQuery` found: the chosen columns of a release table, each row the CSV
/// text of its cells, ready to be shown as a terminal table, CSV, JSON or Markdown.
package struct ShownTable: Sendable {
    /// "sample 1.0.0", for people.
    package var release: String
    package var synthetic: Bool
    /// The whole table's schema.
    package var table: TableSchema
    /// The columns shown, in order.
    package var fields: [TableSchema.Field]
    /// Each row's cells, as the release's CSV writes them ("" for no value).
    package var rows: [[String]]
    /// The filters asked for, as given: for the message when no row matches.
    package var filters: [String]
}

/// One sort key of `areaneeds show --sort`: a column, in ascending order unless it ends in
/// `:desc` or begins with `-`. Numbers sort as numbers, and empty cells come last.
struct SortKey {
    var column: String
    var descending: Bool
    var type: TableSchema.FieldType = .string
    /// The column's place in the table's rows.
    var place = 0

    init(_ text: String) {
        var text = text.trimmingCharacters(in: .whitespaces)
        descending = false
        if text.hasPrefix("-") {
            descending = true
            text.removeFirst()
        } else if text.lowercased().hasSuffix(":desc") {
            descending = true
            text.removeLast(5)
        } else if text.lowercased().hasSuffix(":asc") {
            text.removeLast(4)
        }
        column = text
    }

    /// `rows` sorted by `keys`, the first deciding first; rows that tie keep their order.
    static func sorted(_ rows: [[String]], by keys: [SortKey]) -> [[String]] {
        guard !keys.isEmpty else { return rows }
        return rows.enumerated().sorted { left, right in
            for key in keys {
                switch key.compare(left.element[key.place], right.element[key.place]) {
                case .orderedAscending: return true
                case .orderedDescending: return false
                case .orderedSame: continue
                }
            }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// The order of two cells under this key; an empty cell after any value either way.
    private func compare(_ a: String, _ b: String) -> ComparisonResult {
        if a.isEmpty || b.isEmpty {
            return a.isEmpty == b.isEmpty ? .orderedSame : a.isEmpty ? .orderedDescending : .orderedAscending
        }
        let order: ComparisonResult
        switch type {
        case .integer, .number:
            let (x, y) = (Double(a) ?? 0, Double(b) ?? 0)
            order = x < y ? .orderedAscending : x > y ? .orderedDescending : .orderedSame
        default:
            order = a.localizedStandardCompare(b)
        }
        guard descending else { return order }
        switch order {
        case .orderedAscending: return .orderedDescending
        case .orderedDescending: return .orderedAscending
        case .orderedSame: return .orderedSame
        }
    }
}
