import CAreaNeedsZlib
import Foundation

/// Writes one extract the way publishers ship them: optional byte order mark, title rows
/// and a blank line above the header, notes below the data, LF or CRLF, plain or gzip.
/// Rows stream to the file, so a national table is never held in memory.
final class ExtractWriter {
    /// The line the header was written on (1-based, as an editor counts).
    private(set) var headerLine = 0
    private(set) var dataRows = 0
    private let path: String
    private let lineEnd: [UInt8]
    private var buffer: [UInt8] = []
    private var lines = 0
    private let plain: UnsafeMutablePointer<FILE>?
    private let compressed: gzFile?

    init(path: String, gzip: Bool, crlf: Bool = false, byteOrderMark: Bool = false) throws {
        self.path = path
        lineEnd = crlf ? [13, 10] : [10]
        if gzip {
            compressed = gzopen(path, "wb6")
            plain = nil
        } else {
            plain = fopen(path, "wb")
            compressed = nil
        }
        guard plain != nil || compressed != nil else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        buffer.reserveCapacity(1 << 20)
        if byteOrderMark { buffer += [0xEF, 0xBB, 0xBF] }
    }

    /// Title rows, then the blank line that separates them from the header.
    func titles(_ texts: [String]) throws {
        for text in texts { try line([text]) }
        if !texts.isEmpty { try line([]) }
    }

    func header(_ names: [String]) throws {
        try line(names)
        headerLine = lines
    }

    func row(_ fields: [String]) throws {
        try line(fields)
        dataRows += 1
    }

    /// A blank line, then one note per row.
    func notes(_ texts: [String]) throws {
        guard !texts.isEmpty else { return }
        try line([])
        for text in texts { try line([text]) }
    }

    func finish() throws {
        try flush()
        if let plain { fclose(plain) }
        if let compressed { gzclose(compressed) }
    }

    private func line(_ fields: [String]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            if field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }) {
                buffer.append(UInt8(ascii: "\""))
                for byte in field.utf8 {
                    if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                    buffer.append(byte)
                }
                buffer.append(UInt8(ascii: "\""))
            } else {
                buffer += field.utf8
            }
        }
        buffer += lineEnd
        lines += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        let written = buffer.withUnsafeBytes { bytes -> Int in
            if let plain { return fwrite(bytes.baseAddress, 1, bytes.count, plain) }
            return Int(gzwrite(compressed, bytes.baseAddress, UInt32(bytes.count)))
        }
        guard written == buffer.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Numbers as publishers print them.
enum Printed {
    /// "1,234" from a thousand up.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    /// A decimal with `places` places.
    static func decimal(_ value: Double, _ places: Int) -> String {
        String(format: "%.\(places)f", value)
    }
}
