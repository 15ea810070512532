internal import CCSV

/// The row a `TableWriter` is writing, built field by field (`TableWriter.writeRow`):
/// fields are appended straight into the writer's buffer, quoted as RFC 4180 says.
///
///     try writer.writeRow { row in
///         row.append("E01000001")
///         row.append(42)
///     }
public struct TableRow {
    private let buffer: UnsafeMutablePointer<ByteBuffer>
    /// Fields appended so far.
    public private(set) var fieldCount = 0

    init(buffer: UnsafeMutablePointer<ByteBuffer>) {
        self.buffer = buffer
    }

    /// Appends a field of text.
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Appends a whole number.
    public mutating func append(_ value: Int) {
        separate()
        buffer.pointee.reserve(20)
        var magnitude = value.magnitude
        var digits = 0
        repeat {
            digits += 1
            magnitude /= 10
        } while magnitude > 0
        if value < 0 { buffer.pointee.append(UInt8(ascii: "-")) }
        magnitude = value.magnitude
        let end = buffer.pointee.end + digits
        for position in 1...digits {
            end[-position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        buffer.pointee.count += digits
    }

    /// Appends a number as `NumberText.format` writes it; whole numbers without making a string.
    public mutating func append(number value: Double) {
        if value.rounded() == value, abs(value) < 1e15 {
            append(Int(value))
        } else {
            append(NumberText.format(value))
        }
    }

    /// Appends a field given as UTF-8 bytes.
    public mutating func append(bytes: UnsafeRawBufferPointer) {
        separate()
        let text = bytes.bindMemory(to: UInt8.self)
        guard TableRow.needsQuotes(text) else {
            buffer.pointee.append(bytes)
            return
        }
        buffer.pointee.reserve(2 * text.count + 2)
        let written = csv_write(buffer.pointee.end, 2 * text.count + 2, text.baseAddress, text.count)
        buffer.pointee.count += written
    }

    /// Appends `count` fields already written as CSV and separated by commas, such as a
    /// slice of a row a `TableWriter` wrote: copied as they are.
    public mutating func append(formatted fields: UnsafeRawBufferPointer, count: Int) {
        separate()
        buffer.pointee.append(fields)
        fieldCount += count - 1
    }

    /// A comma before every field but the first.
    private mutating func separate() {
        if fieldCount > 0 { buffer.pointee.append(.comma) }
        fieldCount += 1
    }

    /// Quotes are needed for a comma, quote or line break, or spaces at either end.
    static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == .space || first == .tab || last == .space || last == .tab { return true }
        for byte in bytes where byte == .comma || byte == .quote || byte == .newline || byte == .carriageReturn {
            return true
        }
        return false
    }
}
