/// Entries of CSV fields formatted once, packed end to end, for a table that repeats them
/// in many rows or writes them long after they were made: the area codes and indicator ids
/// of a need table, each area's figures of an indicator. `TableRow.append(_:at:)` copies an
/// entry into a row as it is, with no field checked for quotes or number formatted again.
///
///     var figures = FormattedFields(fieldsPerEntry: 2)
///     figures.append(number: 12.5)
///     figures.append(number: nil)
///     figures.endEntry()                       // "12.5,"
///     try writer.writeRow { row in row.append(figures, at: 0) }
public struct FormattedFields: Sendable {
    /// How many fields each entry holds.
    public let fieldsPerEntry: Int
    /// Every entry's text, end to end: its fields, comma-separated, quoted where needed.
    @usableFromInline var text: [UInt8] = []
    /// Where each entry ends in `text`; it starts where the one before ends.
    @usableFromInline var ends: [Int] = []
    /// Fields of the entry being made.
    private var fieldsInEntry = 0

    /// Entries of `fieldsPerEntry` fields each, made with `append` and `endEntry`.
    public init(fieldsPerEntry: Int) {
        precondition(fieldsPerEntry > 0, "an entry holds at least one field")
        self.fieldsPerEntry = fieldsPerEntry
    }

    /// One entry per text, each a single field.
    public init(fields: [String]) {
        self.init(fieldsPerEntry: 1)
        for field in fields {
            append(field)
            endEntry()
        }
    }

    /// The number of entries.
    public var count: Int { ends.count }

    /// Adds a text field to the entry being made, quoted as RFC 4180 says.
    public mutating func append(_ field: String) {
        separate()
        text += TableRow.encoded(field)
    }

    /// Adds a number field (`NumberText`) to the entry being made; empty for nil.
    public mutating func append(number: Double?) {
        separate()
        if let number { NumberText.append(number, to: &text) }
    }

    /// Adds a number field written as a decimal (`NumberText.appendDecimal`: `12.0`, never
    /// `12`), as a release's `number` columns are, to the entry being made; empty for nil.
    public mutating func append(decimal: Double?) {
        separate()
        if let decimal { NumberText.appendDecimal(decimal, to: &text) }
    }

    /// Ends the entry being made: it must hold `fieldsPerEntry` fields.
    public mutating func endEntry() {
        precondition(fieldsInEntry == fieldsPerEntry, "an entry of \(fieldsPerEntry) fields, not \(fieldsInEntry)")
        ends.append(text.count)
        fieldsInEntry = 0
    }

    private mutating func separate() {
        if fieldsInEntry > 0 { text.append(.comma) }
        fieldsInEntry += 1
    }
}

extension TableRow {
    /// Appends entry `index` of `fields`, its fields as they were formatted.
    @inlinable
    public mutating func append(_ fields: FormattedFields, at index: Int) {
        let start = index == 0 ? 0 : fields.ends[index &- 1]
        let end = fields.ends[index]
        fields.text.withUnsafeBytes { text in
            append(formatted: UnsafeRawBufferPointer(rebasing: text[start..<end]), count: fields.fieldsPerEntry)
        }
    }

    /// Appends `true` or `false`.
    @inlinable
    public mutating func append(_ value: Bool) {
        separate()
        let text: StaticString = value ? "true" : "false"
        buffer.pointee.append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `count` empty fields.
    @inlinable
    public mutating func appendEmpty(_ count: Int = 1) {
        precondition(count > 0, "at least one field")
        separate()
        buffer.pointee.reserve(count &- 1)
        for _ in 1..<count { buffer.pointee.append(.comma) }
        self.count += count &- 1
    }
}
