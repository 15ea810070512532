/// Writes a staged table: the typed binary table a stage hands to the next one when the
/// table is too large for CSV to be worth its cost (`StagedTableLayout`).
///
/// Writing a number as CSV text and parsing it again in the next stage was most of the
/// cost of passing the national benchmark's 1.6 million ingested rows on; here a number is
/// its eight bytes. `StagedTableReader.texts` shows a staged table as the CSV it stands for.
///
/// The table appears at `path` only when `finish()` succeeds: until then it is written
/// beside it, and dropped if the writer is abandoned.
///
///     let writer = try StagedTableWriter(path: "rows.staged", columns: [.init("code", .text), .init("value", .number)])
///     try writer.writeRow { row in
///         row.append("E01000001")
///         row.append(number: 0.25)
///     }
///     try writer.finish()
public final class StagedTableWriter {
    /// What the file starts with: its kind and layout. A stage's fingerprint includes it,
    /// so tables of another layout are written again rather than taken as up to date.
    public static let layout = "ANSTAGE1"

    public let path: String
    public let columns: [StagedColumn]
    /// Rows written so far.
    public private(set) var rowCount = 0

    private let file: FileOutput
    private let kinds: [StagedColumn.Kind]
    /// Behind a plain pointer, as `TableWriter`'s: appending a field costs no exclusivity
    /// check or reference counting.
    private let buffer: UnsafeMutablePointer<ByteBuffer>
    private let observer: ((UnsafeRawBufferPointer) -> Void)?

    /// Starts the table and writes its header. `observer` sees every byte written, to
    /// checksum the file without reading it back.
    public init(path: String, columns: [StagedColumn], observer: ((UnsafeRawBufferPointer) -> Void)? = nil) throws(TableError) {
        self.path = path
        self.columns = columns
        self.observer = observer
        kinds = columns.map(\.kind)
        file = try FileOutput(path: path)
        buffer = .allocate(capacity: 1)
        buffer.initialize(to: ByteBuffer(capacity: StagedTableWriter.flushSize + (1 << 12)))
        StagedTableLayout.magic.withUnsafeBytes { buffer.pointee.append($0) }
        appendFixed(UInt64(columns.count), bytes: 4)
        for column in columns {
            buffer.pointee.append(column.kind.rawValue)
            var row = StagedRow(buffer: buffer, kinds: UnsafeBufferPointer(start: nil, count: 0))
            row.appendText(column.name)
        }
    }

    deinit {
        buffer.pointee.deallocate()
        buffer.deinitialize(count: 1)
        buffer.deallocate()
    }

    /// Writes one row, field by field; it must have one field of each column's kind, in
    /// order. An error thrown while building the row leaves nothing of it written.
    public func writeRow(_ build: (inout StagedRow) throws -> Void) throws {
        let start = buffer.pointee.count
        buffer.pointee.append(StagedTableLayout.rowMarker)
        let fieldCount = try kinds.withUnsafeBufferPointer { kinds in
            var row = StagedRow(buffer: buffer, kinds: kinds)
            do {
                try build(&row)
            } catch {
                buffer.pointee.count = start
                throw error
            }
            return row.fieldCount
        }
        guard fieldCount == columns.count else {
            buffer.pointee.count = start
            throw TableError(.wrongFieldCount(expected: columns.count, found: fieldCount), file: path, line: rowCount + 1)
        }
        rowCount += 1
        if buffer.pointee.count >= StagedTableWriter.flushSize { try flush() }
    }

    /// Ends the table and moves it into place.
    public func finish() throws(TableError) {
        buffer.pointee.append(StagedTableLayout.endMarker)
        appendFixed(UInt64(rowCount), bytes: 8)
        try flush()
        try file.commit(durable: false)
    }

    private static let flushSize = 1 << 16

    private func flush() throws(TableError) {
        let bytes = UnsafeRawBufferPointer(start: buffer.pointee.bytes, count: buffer.pointee.count)
        try file.write(bytes)
        observer?(bytes)
        buffer.pointee.count = 0
    }

    private func appendFixed(_ value: UInt64, bytes: Int) {
        for index in 0..<bytes { buffer.pointee.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }
}

/// The row a `StagedTableWriter` is writing (`writeRow`), built field by field straight
/// into the writer's buffer.
public struct StagedRow {
    @usableFromInline let buffer: UnsafeMutablePointer<ByteBuffer>
    @usableFromInline let kinds: UnsafeBufferPointer<StagedColumn.Kind>
    /// Fields appended so far.
    public private(set) var fieldCount = 0

    init(buffer: UnsafeMutablePointer<ByteBuffer>, kinds: UnsafeBufferPointer<StagedColumn.Kind>) {
        self.buffer = buffer
        self.kinds = kinds
    }

    /// Appends a text field.
    public mutating func append(_ text: String) {
        next(.text)
        appendText(text)
    }

    /// Appends a text field given as UTF-8 bytes.
    public mutating func append(text bytes: UnsafeRawBufferPointer) {
        next(.text)
        appendVarint(UInt64(bytes.count))
        buffer.pointee.append(bytes)
    }

    /// Appends a number field; nil is a missing number.
    public mutating func append(number: Double?) {
        next(.number)
        guard let number else {
            buffer.pointee.append(StagedTableLayout.missingNumber)
            return
        }
        precondition(number.isFinite, "tables hold finite numbers only")
        // Not -0.0, whose sign a whole number would lose. (`UInt64(exactly:)` tells a whole
        // number without a call to the C library's `round`.)
        if number.sign == .plus, number <= StagedTableLayout.largestWholeNumber, let whole = UInt64(exactly: number) {
            buffer.pointee.append(StagedTableLayout.wholeNumber)
            appendVarint(whole)
            return
        }
        buffer.pointee.reserve(9)
        buffer.pointee.append(StagedTableLayout.presentNumber)
        let bits = number.bitPattern.littleEndian
        withUnsafeBytes(of: bits) { buffer.pointee.append($0) }
    }

    /// Appends a count field.
    public mutating func append(count: Int) {
        precondition(count >= 0, "a count is never negative")
        next(.count)
        appendVarint(UInt64(count))
    }

    private mutating func next(_ kind: StagedColumn.Kind) {
        precondition(fieldCount < kinds.count && kinds[fieldCount] == kind,
                     "field \(fieldCount + 1) of a staged row is not of the kind its column holds")
        fieldCount += 1
    }

    mutating func appendText(_ text: String) {
        if text.isEmpty {
            buffer.pointee.append(0)
            return
        }
        var text = text
        text.withUTF8 { bytes in
            appendVarint(UInt64(bytes.count))
            buffer.pointee.append(UnsafeRawBufferPointer(bytes))
        }
    }

    private func appendVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            buffer.pointee.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        buffer.pointee.append(UInt8(value))
    }
}
