import AreaNeedsCore
import AreaNeedsTables

/// One table of a release read in one pass, every row checked against what the data
/// package promises (`TableRules`) before a caller sees it: the header the descriptor
/// declares; each value of its column's type (numbers finite, integers whole, booleans
/// `true` or `false`), within its minimum and maximum and, for a closed set, one of its
/// texts; required values present; no key repeated; every foreign key found in the table
/// it refers to; no more rows than `ReleaseLimits.maxRows`.
///
/// Errors name the release, the file, the line and the column or key. Keys are held as
/// small numbers (`KeyIndex`), so the checks take memory in proportion to the table.
package final class ReleaseTableReader {
    /// The columns, in the file's order.
    package let columns: [String]
    /// The file.
    package let path: String
    let rules: TableRules
    private let label: String
    private let limits: ReleaseLimits
    private let reader: TableReader
    private let positions: [String: Int]
    private let tableColumns: [TableColumn]
    /// Per column: what its values must be, with no reference counted, for the loop over
    /// every field of every row.
    private let checks: [ColumnCheck]
    /// Per column: the texts of its closed set, if it has one.
    private let allowed: [Set<String>?]
    /// Per foreign key: its columns' positions and the keys of the table it refers to.
    private let foreign: [(key: TableSchema.ForeignKey, positions: [Int], known: Set<String>)]
    /// Per foreign key: the position of its one column (-1 for a key of several), and the
    /// keys it may take.
    private let foreignColumn: [Int]
    private let foreignKnown: [Set<String>]

    /// A column's type and constraints.
    private struct ColumnCheck {
        enum Kind { case text, closed, boolean, integer, number }
        let kind: Kind
        let required: Bool
        let minimum: Double
        let maximum: Double

        init(_ field: TableSchema.Field) {
            switch field.type {
            case .string: kind = field.allowed == nil ? .text : .closed
            case .boolean: kind = .boolean
            case .integer: kind = .integer
            case .number: kind = .number
            }
            required = field.required
            minimum = field.minimum ?? -.infinity
            maximum = field.maximum ?? .infinity
        }
    }

    /// Opens `rules`' table in `folder` and checks its header.
    ///
    /// - Parameters:
    ///   - label: the release, for messages ("sample 1.2.0").
    ///   - references: the keys of the tables this one refers to.
    init(folder: String, label: String, rules: TableRules, limits: ReleaseLimits, references: ReleaseKeys) throws(AreaNeedsError) {
        self.rules = rules
        self.label = label
        self.limits = limits
        path = folder + "/" + rules.fileName
        let options = ReadOptions(header: .line(1), limits: ReadLimits(maxDecompressedBytes: limits.maxFileBytes))
        do {
            reader = try TableReader(path: path, options: options)
        } catch {
            throw AreaNeedsError(error, context: "release \(label)")
        }
        if reader.fileSize > limits.maxFileBytes {
            throw ReleaseTableReader.overLimit(path, bytes: reader.fileSize, limits: limits, label: label)
        }
        columns = reader.header.names
        let declared = rules.fields.map(\.name)
        guard columns == declared else {
            throw AreaNeedsError(.inputData, "release \(label): \(path), line 1: the header is \(columns.joined(separator: ",")), "
                + "where datapackage.json declares \(declared.joined(separator: ","))" + ReleaseTableReader.hint)
        }
        let positions = Dictionary(declared.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        self.positions = positions
        tableColumns = declared.enumerated().map { TableColumn(index: $0.offset, name: $0.element) }
        allowed = rules.fields.map { $0.allowed.map(Set.init) }
        checks = rules.fields.map(ColumnCheck.init)
        var foreign: [(key: TableSchema.ForeignKey, positions: [Int], known: Set<String>)] = []
        for key in rules.foreignKeys {
            guard let known = references.keys(of: key.resource, key.referencedFields) else {
                throw AreaNeedsError(.inputData, "release \(label): \(folder)/datapackage.json: table \(rules.name) refers to "
                    + "\(key.resource) (\(key.referencedFields.joined(separator: ", "))), which the release does not have" + ReleaseTableReader.hint)
            }
            foreign.append((key, key.fields.compactMap { positions[$0] }, known))
        }
        self.foreign = foreign
        foreignColumn = foreign.map { $0.positions.count == 1 ? $0.positions[0] : -1 }
        foreignKnown = foreign.map(\.known)
    }

    /// What every message about a table's content ends with.
    static let hint = "; the release was changed after it was published, or written by another version of areaneeds"

    /// The error for a file larger than the limits allow.
    static func overLimit(_ path: String, bytes: Int, limits: ReleaseLimits, label: String) -> AreaNeedsError {
        AreaNeedsError(.inputData, "release \(label): \(path): \(bytes) bytes, more than the \(limits.maxFileBytes) a file of a release may have "
            + "(data-out/README.md, \"Limits on reading a release\"); not read")
    }

    /// The position of a column, or nil when the table has no such column.
    package func column(_ name: String) -> Int? {
        positions[name]
    }

    /// Calls `body` with each row in order, once it is checked. Stops at the first problem
    /// and throws it.
    ///
    /// - Parameter wanted: sets of columns whose values other tables refer to.
    /// - Returns: the values of each set of `wanted`, in `ReleaseKeys`' form.
    @discardableResult
    package func forEachRecord(collecting wanted: [[String]] = [],
                       _ body: (ReleaseRecord) throws(AreaNeedsError) -> Void) throws(AreaNeedsError) -> [[String]: Set<String>] {
        var keys = rules.uniqueKeys.map { KeyIndex(columns: $0.compactMap { positions[$0] }) }
        var collected = wanted.map { (columns: $0.compactMap { positions[$0] }, values: Set<String>()) }
        // The previous row's value of each foreign key, known to be found.
        var found = [String?](repeating: nil, count: foreign.count)
        var texts = [String](repeating: "", count: columns.count)
        var numbers = [Double](repeating: .nan, count: columns.count)
        var rows = 0
        do {
            try reader.forEachRecord { record in
                rows += 1
                if rows > limits.maxRows {
                    throw problem(record.line, nil, "the table has more than \(limits.maxRows) rows, the most a table of a release may have "
                        + "(data-out/README.md, \"Limits on reading a release\"); not read further")
                }
                for index in tableColumns.indices {
                    let text = record.text(tableColumns[index])
                    numbers[index] = try value(text, index, line: record.line)
                    texts[index] = text
                }
                for index in foreignColumn.indices {
                    let column = foreignColumn[index]
                    let value = column >= 0 ? texts[column] : ReleaseKeys.value(foreign[index].positions.map { texts[$0] })
                    if value.isEmpty || value == found[index] { continue }
                    guard foreignKnown[index].contains(value) else {
                        let key = foreign[index].key
                        throw problem(record.line, key.fields.joined(separator: ", "), "\(SafeText.excerpt(value.replacingOccurrences(of: "\u{1F}", with: ", "))) "
                            + "is not in \(key.resource).csv (\(key.referencedFields.joined(separator: ", ")))")
                    }
                    found[index] = value
                }
                for index in keys.indices {
                    if let earlier = keys[index].insert(&texts, line: record.line) {
                        let columns = rules.uniqueKeys[index]
                        let shown = columns.map { "\($0) \(SafeText.excerpt(texts[positions[$0]!]))" }.joined(separator: ", ")
                        throw problem(record.line, nil, "repeats the key of line \(earlier) (\(shown)): "
                            + "each \(columns.joined(separator: " and ")) may appear once in \(rules.fileName)")
                    }
                }
                for index in collected.indices {
                    let positions = collected[index].columns
                    let value = positions.count == 1 ? texts[positions[0]] : ReleaseKeys.value(positions.map { texts[$0] })
                    if !value.isEmpty { collected[index].values.insert(value) }
                }
                try body(ReleaseRecord(line: record.line, texts: texts, numbers: numbers))
            }
        } catch let error as AreaNeedsError {
            throw error
        } catch let error as TableError {
            throw AreaNeedsError(error, context: "release \(label)")
        } catch {
            throw AreaNeedsError(.internal, "release \(label): \(path): \(error)")
        }
        if let note = reader.notes.first {
            throw problem(note.line, nil, "a row with fewer fields than the header (\(SafeText.excerpt(note.text)))")
        }
        return Dictionary(zip(wanted, collected.map(\.values)), uniquingKeysWith: { first, _ in first })
    }

    /// Checks one value, returning it as a number for number and integer columns (NaN when
    /// empty or not numeric).
    private func value(_ text: String, _ index: Int, line: Int) throws(AreaNeedsError) -> Double {
        let check = checks[index]
        if text.isEmpty {
            if check.required { throw problem(line, rules.fields[index].name, "empty, where every row must have a value") }
            return .nan
        }
        let number: Double
        switch check.kind {
        case .text:
            return .nan
        case .closed:
            if allowed[index]?.contains(text) != true {
                let field = rules.fields[index]
                throw problem(line, field.name, "\"\(SafeText.excerpt(text))\" is none of \(field.allowed?.joined(separator: ", ") ?? "")")
            }
            return .nan
        case .boolean:
            guard text == "true" || text == "false" else {
                throw problem(line, rules.fields[index].name, "\"\(SafeText.excerpt(text))\" is not true or false")
            }
            return .nan
        case .integer:
            guard let whole = Int(text) else {
                let what = ReleaseTableReader.decimal(text).map { $0.isFinite ? "not a whole number" : "not a finite number" } ?? "not a number"
                throw problem(line, rules.fields[index].name, "\"\(SafeText.excerpt(text))\" is \(what), where the column holds whole numbers")
            }
            number = Double(whole)
        case .number:
            guard let decimal = ReleaseTableReader.decimal(text) else {
                throw problem(line, rules.fields[index].name, "\"\(SafeText.excerpt(text))\" is not a number")
            }
            guard decimal.isFinite else {
                throw problem(line, rules.fields[index].name, "\"\(SafeText.excerpt(text))\" is not a finite number")
            }
            number = decimal
        }
        if number < check.minimum {
            throw problem(line, rules.fields[index].name, "\(text) is below the least value allowed, \(ReleaseTableReader.shown(check.minimum))")
        }
        if number > check.maximum {
            throw problem(line, rules.fields[index].name, "\(text) is above the greatest value allowed, \(ReleaseTableReader.shown(check.maximum))")
        }
        return number
    }

    /// A number as the release writes one (digits, a sign, a point and an exponent): no
    /// hexadecimal, no spelt-out infinity; nil for any other text.
    private static func decimal(_ text: String) -> Double? {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "e"), UInt8(ascii: "E"): continue
            default: return nil
            }
        }
        return Double(text)
    }

    private static func shown(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private func problem(_ line: Int, _ column: String?, _ what: String) -> AreaNeedsError {
        let place = column.map { ", column \($0)" } ?? ""
        return AreaNeedsError(.inputData, "release \(label): \(path), line \(line)\(place): \(what)" + ReleaseTableReader.hint)
    }
}

/// One row of a release table, checked: its texts and, for number and integer columns,
/// their values. Columns are positions (`ReleaseTableReader.column`); a column the table
/// lacks (nil) reads as empty.
package struct ReleaseRecord {
    /// The line of the file the row starts on.
    package let line: Int
    /// Every field as text, in the file's order.
    package let texts: [String]
    /// Per column: the value of a number or integer column; NaN when empty or another type.
    let numbers: [Double]

    package func text(_ column: Int?) -> String {
        column.map { texts[$0] } ?? ""
    }

    /// The value of a number or integer column; nil when empty.
    package func number(_ column: Int?) -> Double? {
        guard let column, !numbers[column].isNaN else { return nil }
        return numbers[column]
    }

    /// The value of an integer column; nil when empty.
    package func integer(_ column: Int?) -> Int? {
        guard let value = number(column) else { return nil }
        return abs(value) < 9e15 ? Int(value) : Int(texts[column!])
    }

    /// The value of a boolean column; nil when empty.
    package func bool(_ column: Int?) -> Bool? {
        switch text(column) {
        case "true": true
        case "false": false
        default: nil
        }
    }
}
