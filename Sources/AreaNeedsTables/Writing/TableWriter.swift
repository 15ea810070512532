internal import CCSV

/// Writes a CSV table: a header row, then rows, as UTF-8 with LF line ends and no byte
/// order mark, fields quoted as RFC 4180 says (only when they hold a comma, quote, line
/// break, or spaces at either end), optionally gzip-compressed.
///
/// The table appears at `path` only when `finish()` succeeds: until then it is written
/// beside it, and dropped if the writer is abandoned.
///
///     let writer = try TableWriter(path: "out.csv", columns: ["code", "value"])
///     try writer.write(["E01000001", NumberText.format(0.25)])
///     try writer.finish()
public final class TableWriter {
    /// How the file is stored.
    public enum Compression: Sendable {
        case none
        case gzip
    }

    public let path: String
    public let columns: [String]
    /// Data rows written so far.
    public private(set) var rowCount = 0

    private let output: FileOutput
    private let encoder: GzipEncoder?
    private var buffer: [UInt8] = []
    private var quoted: [UInt8] = []
    private let durable: Bool

    /// Starts the table and writes its header. `durable` flushes it to disk on `finish()`.
    public init(path: String, columns: [String], compression: Compression = .none, durable: Bool = true) throws(TableError) {
        self.path = path
        self.columns = columns
        self.durable = durable
        output = try FileOutput(path: path)
        encoder = compression == .gzip ? try GzipEncoder(path: path) : nil
        buffer.reserveCapacity(1 << 16)
        try writeRow(columns)
    }

    /// Writes one row; it must have one field per column.
    public func write(_ fields: [String]) throws(TableError) {
        guard fields.count == columns.count else {
            throw TableError(.wrongFieldCount(expected: columns.count, found: fields.count), file: path, line: rowCount + 2)
        }
        try writeRow(fields)
        rowCount += 1
    }

    /// Flushes everything and moves the table into place.
    public func finish() throws(TableError) {
        try flush(finish: true)
        try output.commit(durable: durable)
    }

    /// Writes a whole table at once.
    public static func write(path: String, columns: [String], rows: [[String]], compression: Compression = .none) throws(TableError) {
        let writer = try TableWriter(path: path, columns: columns, compression: compression)
        for row in rows { try writer.write(row) }
        try writer.finish()
    }

    private func writeRow(_ fields: [String]) throws(TableError) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(.comma) }
            append(field)
        }
        buffer.append(.newline)
        if buffer.count >= 1 << 16 { try flush(finish: false) }
    }

    private func append(_ field: String) {
        var field = field
        field.withUTF8 { bytes in
            guard needsQuotes(bytes) else {
                buffer.append(contentsOf: bytes)
                return
            }
            let needed = 2 * bytes.count + 2
            if quoted.count < needed { quoted = [UInt8](repeating: 0, count: needed) }
            let written = quoted.withUnsafeMutableBytes { destination in
                csv_write(destination.baseAddress, destination.count, bytes.baseAddress, bytes.count)
            }
            buffer.append(contentsOf: quoted[0..<written])
        }
    }

    private func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == .space || first == .tab || last == .space || last == .tab { return true }
        return bytes.contains { $0 == .comma || $0 == .quote || $0 == .newline || $0 == .carriageReturn }
    }

    private func flush(finish: Bool) throws(TableError) {
        var failure: TableError?
        buffer.withUnsafeBytes { bytes in
            do throws(TableError) {
                if let encoder {
                    try encoder.compress(bytes, finish: finish) { (chunk) throws(TableError) in try output.write(chunk) }
                } else {
                    try output.write(bytes)
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        buffer.removeAll(keepingCapacity: true)
    }
}

extension UInt8 {
    static let quote = UInt8(ascii: "\"")
    static let carriageReturn = UInt8(ascii: "\r")
}
