internal import CCSV

/// The row a `TableWriter` is writing, built field by field (`TableWriter.writeRow`):
/// fields are appended straight into the writer's buffer, quoted as RFC 4180 says.
///
///     try writer.writeRow { row in
///         row.append("E01000001")
///         row.append(42)
///     }
///
/// Inlinable, so that a stage writing a million rows appends each field without a call
/// across modules (the calls were a tenth of the ingest stage on the national benchmark).
public struct TableRow {
    @usableFromInline let buffer: UnsafeMutablePointer<ByteBuffer>
    @usableFromInline var count = 0

    /// Fields appended so far.
    public var fieldCount: Int { count }

    init(buffer: UnsafeMutablePointer<ByteBuffer>) {
        self.buffer = buffer
    }

    /// Appends a field of text.
    @inlinable
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Appends a whole number.
    @inlinable
    public mutating func append(_ value: Int) {
        separate()
        buffer.pointee.reserve(NumberText.maxWholeNumberBytes)
        buffer.pointee.count += NumberText.write(value, to: buffer.pointee.end)
    }

    /// Appends a number as `NumberText.format` writes it; whole numbers without making a string.
    @inlinable
    public mutating func append(number value: Double) {
        if let whole = NumberText.wholeNumber(value) {
            append(whole)
        } else {
            append(NumberText.format(value))
        }
    }

    /// Appends a number as `NumberText.decimal` writes it, with a decimal point always: for
    /// columns of type `number`.
    @inlinable
    public mutating func append(decimal value: Double) {
        if let whole = NumberText.wholeNumber(value) {
            append(whole)
            buffer.pointee.append(UInt8(ascii: "."))
            buffer.pointee.append(UInt8(ascii: "0"))
        } else {
            append(NumberText.decimal(value))
        }
    }

    /// Appends an area code.
    @inlinable
    public mutating func append(_ code: AreaCode) {
        code.withBytes { append(bytes: $0) }
    }

    /// Appends a field given as UTF-8 bytes.
    @inlinable
    mutating func append(bytes: UnsafeRawBufferPointer) {
        separate()
        guard TableRow.needsQuotes(bytes) else {
            buffer.pointee.append(bytes)
            return
        }
        appendQuoted(bytes)
    }

    /// Appends `count` fields already written as CSV and separated by commas, such as a
    /// slice of a row a `TableWriter` wrote: copied as they are.
    @inlinable
    mutating func append(formatted fields: UnsafeRawBufferPointer, count: Int) {
        separate()
        buffer.pointee.append(fields)
        self.count += count - 1
    }

    /// The CSV bytes of one field, quoted when it needs to be: for text written in many rows
    /// (the area codes and indicator ids of a need table), appended with
    /// `append(formatted:count:)` without being checked again for each row.
    static func encoded(_ text: String) -> [UInt8] {
        let buffer = UnsafeMutablePointer<ByteBuffer>.allocate(capacity: 1)
        buffer.initialize(to: ByteBuffer(capacity: 2 * text.utf8.count + 2))
        defer {
            buffer.pointee.deallocate()
            buffer.deinitialize(count: 1)
            buffer.deallocate()
        }
        var row = TableRow(buffer: buffer)
        row.append(text)
        return Array(UnsafeBufferPointer(start: buffer.pointee.bytes, count: buffer.pointee.count))
    }

    /// A comma before every field but the first.
    @inlinable
    mutating func separate() {
        if count > 0 { buffer.pointee.append(.comma) }
        count += 1
    }

    @usableFromInline
    func appendQuoted(_ bytes: UnsafeRawBufferPointer) {
        let text = bytes.bindMemory(to: UInt8.self)
        buffer.pointee.reserve(2 * text.count + 2)
        let written = csv_write(buffer.pointee.end, 2 * text.count + 2, text.baseAddress, text.count)
        buffer.pointee.count += written
    }

    /// Quotes are needed for a comma, quote or line break, or spaces at either end.
    @inlinable
    static func needsQuotes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == .space || first == .tab || last == .space || last == .tab { return true }
        for byte in bytes where byte == .comma || byte == .quote || byte == .newline || byte == .carriageReturn {
            return true
        }
        return false
    }
}
