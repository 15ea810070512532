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
package final class StagedTableWriter {
    /// What the file starts with: its kind and layout. A stage's fingerprint includes it,
    /// so tables of another layout are written again rather than taken as up to date.
    package static let layout = "ANSTAGE1"

    package let path: String
    package let columns: [StagedColumn]
    /// Rows written so far.
    package private(set) var rowCount = 0

    private let file: FileOutput
    private let kinds: [StagedColumn.Kind]
    /// Behind a plain pointer, as `TableWriter`'s: appending a field costs no exclusivity
    /// check or reference counting.
    private let buffer: UnsafeMutablePointer<ByteBuffer>
    private let digest: StreamingDigest?
    /// Every byte written, in the pieces written, when the table is kept in memory too.
    private var kept: [[UInt8]]?
    private var finished = false

    /// Starts the table and writes its header. `digest` sees every byte written, to
    /// checksum the file without reading it back; with `keepsTable`, the bytes are also
    /// kept, for the next stage of the same run to read (`table`).
    package init(path: String, columns: [StagedColumn], digest: StreamingDigest? = nil, keepsTable: Bool = false) throws(TableError) {
        self.path = path
        self.columns = columns
        self.digest = digest
        kept = keepsTable ? [] : nil
        kinds = columns.map(\.kind)
        file = try FileOutput(path: path)
        buffer = .allocate(capacity: 1)
        buffer.initialize(to: ByteBuffer(capacity: StagedTableWriter.flushSize + (1 << 12)))
        StagedTableLayout.magic.withUnsafeBytes { buffer.pointee.append($0) }
        appendFixed(UInt64(columns.count), bytes: 4)
        for column in columns {
            buffer.pointee.append(column.kind.rawValue)
            var row = StagedRow(buffer: buffer, kinds: UnsafeBufferPointer(start: nil, count: 0))
            var name = column.name
            name.withUTF8 { row.appendText(UnsafeRawBufferPointer($0)) }
        }
    }

    deinit {
        buffer.pointee.deallocate()
        buffer.deinitialize(count: 1)
        buffer.deallocate()
    }

    /// Writes one row, field by field; it must have one field of each column's kind, in
    /// order. An error thrown while building the row leaves nothing of it written.
    package func writeRow(_ build: (inout StagedRow) throws -> Void) throws {
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
    package func finish() throws(TableError) {
        buffer.pointee.append(StagedTableLayout.endMarker)
        appendFixed(UInt64(rowCount), bytes: 8)
        try flush()
        try file.commit(durable: false)
        finished = true
    }

    /// The table as written, when the writer keeps it (`keepsTable`) and has finished;
    /// handing it over leaves the writer without it.
    package func takeTable() -> StagedTable? {
        guard finished else { return nil }
        defer { kept = nil }
        return kept.map { StagedTable(path: path, pieces: $0) }
    }

    private static let flushSize = 1 << 16

    private func flush() throws(TableError) {
        let bytes = UnsafeRawBufferPointer(start: buffer.pointee.bytes, count: buffer.pointee.count)
        try file.write(bytes)
        digest?.update(bytes)
        kept?.append(Array(bytes))
        buffer.pointee.count = 0
    }

    private func appendFixed(_ value: UInt64, bytes: Int) {
        for index in 0..<bytes { buffer.pointee.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }
}

/// The row a `StagedTableWriter` is writing (`writeRow`), built field by field straight
/// into the writer's buffer.
///
/// Inlinable, and each field written with one check for room: the ingest stage writes
/// eleven fields for each of the national benchmark's 1.6 million rows, and calls into
/// another module with a check for every byte cost more than reading the rows.
package struct StagedRow {
    @usableFromInline let buffer: UnsafeMutablePointer<ByteBuffer>
    @usableFromInline let kinds: UnsafeBufferPointer<StagedColumn.Kind>
    @usableFromInline var written = 0

    init(buffer: UnsafeMutablePointer<ByteBuffer>, kinds: UnsafeBufferPointer<StagedColumn.Kind>) {
        self.buffer = buffer
        self.kinds = kinds
    }

    /// Fields appended so far.
    package var fieldCount: Int { written }

    /// Appends a text field.
    @inlinable
    package mutating func append(_ text: String) {
        if text.isEmpty {
            appendEmptyText()
            return
        }
        next(.text)
        var text = text
        text.withUTF8 { appendText(UnsafeRawBufferPointer($0)) }
    }

    /// Appends an area code as a text field.
    @inlinable
    package mutating func append(_ code: AreaCode) {
        next(.text)
        guard code.count <= 16 else { return code.withBytes { appendText($0) } }
        // Its length, then both of its words whole; only its bytes are counted in.
        buffer.pointee.reserve(1 &+ 16)
        buffer.pointee.appendUnchecked(UInt8(truncatingIfNeeded: code.count))
        buffer.pointee.appendUnchecked(littleEndian: code.head)
        buffer.pointee.appendUnchecked(littleEndian: code.tail)
        buffer.pointee.count &-= 16 &- code.count
    }

    /// Appends a field of a source's record as a text field, its bytes as read.
    @inlinable
    package mutating func append(_ column: TableColumn, of record: TableRecord) {
        next(.text)
        record.withBytes(column) { appendText($0) }
    }

    /// Appends an empty text field.
    @inlinable
    package mutating func appendEmptyText() {
        next(.text)
        buffer.pointee.reserve(1)
        buffer.pointee.appendUnchecked(0)
    }

    /// Appends a number field; nil is a missing number.
    @inlinable
    package mutating func append(number: Double?) {
        next(.number)
        buffer.pointee.reserve(1 &+ StagedTableLayout.maxVarintBytes)
        guard let number else {
            buffer.pointee.appendUnchecked(StagedTableLayout.missingNumber)
            return
        }
        precondition(number.isFinite, "tables hold finite numbers only")
        // Not -0.0, whose sign a whole number would lose. (`UInt64(exactly:)` tells a whole
        // number without a call to the C library's `round`.)
        if number.sign == .plus, number <= StagedTableLayout.largestWholeNumber, let whole = UInt64(exactly: number) {
            buffer.pointee.appendUnchecked(StagedTableLayout.wholeNumber)
            buffer.pointee.appendVarintUnchecked(whole)
            return
        }
        buffer.pointee.appendUnchecked(StagedTableLayout.presentNumber)
        buffer.pointee.appendUnchecked(littleEndian: number.bitPattern)
    }

    /// Appends a count field.
    @inlinable
    package mutating func append(count: Int) {
        precondition(count >= 0, "a count is never negative")
        next(.count)
        buffer.pointee.reserve(StagedTableLayout.maxVarintBytes)
        buffer.pointee.appendVarintUnchecked(UInt64(count))
    }

    @inlinable @inline(__always)
    mutating func next(_ kind: StagedColumn.Kind) {
        precondition(written < kinds.count && kinds[written] == kind,
                     "field \(written + 1) of a staged row is not of the kind its column holds")
        written &+= 1
    }

    /// A text's length and bytes, for a field or a column name.
    @inlinable @inline(__always)
    mutating func appendText(_ bytes: UnsafeRawBufferPointer) {
        buffer.pointee.reserve(StagedTableLayout.maxVarintBytes &+ bytes.count)
        buffer.pointee.appendVarintUnchecked(UInt64(bytes.count))
        buffer.pointee.appendUnchecked(bytes)
    }
}

extension ByteBuffer {
    @inlinable @inline(__always)
    mutating func appendUnchecked(_ byte: UInt8) {
        bytes[count] = byte
        count &+= 1
    }

    @inlinable @inline(__always)
    mutating func appendUnchecked(_ more: UnsafeRawBufferPointer) {
        guard let source = more.baseAddress, !more.isEmpty else { return }
        UnsafeMutableRawPointer(bytes + count).copyMemory(from: source, byteCount: more.count)
        count &+= more.count
    }

    @inlinable @inline(__always)
    mutating func appendUnchecked(littleEndian value: UInt64) {
        UnsafeMutableRawPointer(bytes + count).storeBytes(of: value.littleEndian, as: UInt64.self)
        count &+= 8
    }

    /// Appends an unsigned LEB128.
    @inlinable @inline(__always)
    mutating func appendVarintUnchecked(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes[count] = UInt8(truncatingIfNeeded: value) | 0x80
            count &+= 1
            value &>>= 7
        }
        bytes[count] = UInt8(value)
        count &+= 1
    }
}
