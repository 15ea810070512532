/// One data row, as a view into the reader's buffer.
///
/// A record is valid only inside the closure it is passed to: copy out what you keep
/// (`text`, `number`, `areaCode`). Every column of the header can be read, whatever
/// `TableReader.readFields(upTo:)` said. Errors name the file, the record's line and the
/// column.
public struct TableRecord {
    /// The line of the file where the record starts (1-based).
    public let line: Int
    @usableFromInline let fields: FieldView
    /// The file's name and number parser, which the reader keeps for as long as it reads.
    @usableFromInline let context: UnsafePointer<ReadContext>

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

    /// The field as an area code, its bytes as read: no text is made for it.
    @inlinable
    public func areaCode(_ column: TableColumn) -> AreaCode {
        AreaCode(bytes: fields.field(column.index))
    }

    /// All fields as text.
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
        guard let cell = context.pointee.numbers.parse(bytes) else {
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

    /// The bytes of a field, for the writers of this module that copy fields as read.
    @inlinable
    func withBytes<Result>(_ column: TableColumn, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(fields.field(column.index))
    }

    /// An error located at this record and column, for callers' own checks.
    public func error(_ kind: TableError.Kind, column: TableColumn, text: String? = nil) -> TableError {
        TableError(kind, file: context.pointee.path, sheet: context.pointee.sheet, line: line, column: column.index + 1,
                   columnName: column.name, text: text)
    }
}

/// What records share: the file name and the number parser, kept by the reader where
/// records reach them without reference counting.
@usableFromInline
struct ReadContext {
    let path: String
    /// The sheet, for a workbook.
    let sheet: String?
    @usableFromInline let numbers: NumberParser
}
