/// One data row, as a view into the reader's buffer.
///
/// A record is valid only inside the closure it is passed to: copy out what you keep
/// (`text`, `number`). Errors name the file, the record's line and the column.
public struct TableRecord {
    /// The line of the file where the record starts (1-based).
    public let line: Int
    @usableFromInline let fields: FieldView
    /// Unmanaged: a record lives only inside the reader's call, and a reference counted for
    /// every row of a file, or every field parsed, costs more than reading some of its fields.
    @usableFromInline let context: Unmanaged<ReadContext>

    /// The number of fields, never fewer than the header's named columns.
    public var count: Int { fields.count }

    /// The field's text, trimmed of the spaces around it.
    public func text(_ column: TableColumn) -> String {
        fields.string(column.index)
    }

    /// The field's text, or nil when it is empty.
    public func nonEmptyText(_ column: TableColumn) -> String? {
        let bytes = fields.field(column.index)
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// True when the field is empty.
    @inlinable
    public func isEmpty(_ column: TableColumn) -> Bool {
        fields.field(column.index).isEmpty
    }

    /// All fields as text; not after `TableReader.readFields(upTo:)`, which leaves the
    /// later fields of a row unsplit.
    public var texts: [String] { (0..<fields.count).map(fields.string) }

    /// The field as a number or a missing-value marker; throws when it is neither.
    @inlinable
    public func number(_ column: TableColumn) throws(TableError) -> NumericCell {
        let bytes = fields.field(column.index)
        if let value = NumberParser.parsePlainWholeNumber(bytes) { return .number(value) }
        // An empty cell, as every unused column of a staging table is, is missing.
        if bytes.isEmpty { return .missing(MissingMarker.empty) }
        return try parseInGeneral(bytes, column: column)
    }

    @usableFromInline
    func parseInGeneral(_ bytes: UnsafeRawBufferPointer, column: TableColumn) throws(TableError) -> NumericCell {
        guard let cell = context._withUnsafeGuaranteedRef({ $0.parseNumber(bytes) }) else {
            throw error(.notANumber, column: column, text: String(decoding: bytes, as: UTF8.self))
        }
        return cell
    }

    /// The field as a whole number or a missing-value marker; throws otherwise.
    public func wholeNumber(_ column: TableColumn) throws(TableError) -> NumericCell {
        let cell = try number(column)
        if let value = cell.number, value.rounded() != value {
            throw error(.notAWholeNumber, column: column, text: text(column))
        }
        return cell
    }

    /// The bytes of a field, for callers that parse fields themselves.
    @inlinable
    public func withBytes<Result>(_ column: TableColumn, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(fields.field(column.index))
    }

    /// An error located at this record and column, for callers' own checks.
    public func error(_ kind: TableError.Kind, column: TableColumn, text: String? = nil) -> TableError {
        let context = context.takeUnretainedValue()
        return TableError(kind, file: context.path, sheet: context.sheet, line: line, column: column.index + 1, columnName: column.name, text: text)
    }
}

/// What records share: the file name and the number parser.
@usableFromInline
final class ReadContext: Sendable {
    let path: String
    let sheet: String?
    let numbers: NumberParser

    init(path: String, sheet: String?, numbers: NumberParser) {
        self.path = path
        self.sheet = sheet
        self.numbers = numbers
    }

    /// `numbers.parse`, reached through the context: copying the parser out of it retained
    /// and released its markers for every field parsed.
    func parseNumber(_ bytes: UnsafeRawBufferPointer) -> NumericCell? {
        numbers.parse(bytes)
    }

}
