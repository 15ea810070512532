#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
///
/// One writer can write the same table to several files at once, such as a plain copy and
/// a gzip copy (`init(outputs:columns:durable:)`): each row is formatted once.
public final class TableWriter {
    /// How a file is stored.
    public enum Compression: Sendable {
        case none
        /// gzip at zlib's default level. (`GzipCopy` makes gzip copies of finished files
        /// faster, on every core.)
        case gzip
    }

    /// One file the table is written to, and an optional digest of the bytes that go into
    /// it (compressed, for gzip), to checksum a file without reading it back.
    public struct Output {
        public var path: String
        public var compression: Compression
        package var digest: StreamingDigest?

        package init(path: String, compression: Compression = .none, digest: StreamingDigest? = nil) {
            self.path = path
            self.compression = compression
            self.digest = digest
        }
    }

    /// The first output's path.
    public let path: String
    public let columns: [String]
    /// Data rows written so far.
    public private(set) var rowCount = 0

    private let sinks: [Sink]
    /// Rows are formatted into this buffer, behind a plain pointer so that appending a
    /// field costs no exclusivity check or reference counting (as the reader's `FieldBuffer`).
    private let buffer: UnsafeMutablePointer<ByteBuffer>
    private let durable: Bool

    /// Starts the table and writes its header. `durable` flushes it to disk on `finish()`.
    public convenience init(path: String, columns: [String], compression: Compression = .none, durable: Bool = true) throws(TableError) {
        try self.init(outputs: [Output(path: path, compression: compression)], columns: columns, durable: durable)
    }

    /// Starts the table in every output and writes its header.
    public init(outputs: [Output], columns: [String], durable: Bool = true) throws(TableError) {
        precondition(!outputs.isEmpty, "a table needs somewhere to go")
        path = outputs[0].path
        self.columns = columns
        self.durable = durable
        var sinks: [Sink] = []
        for output in outputs {
            let level: Int32? = switch output.compression {
            case .none: nil
            case .gzip: -1  // Z_DEFAULT_COMPRESSION
            }
            sinks.append(Sink(file: try FileOutput(path: output.path),
                              encoder: try level.map { level throws(TableError) in try GzipEncoder(path: output.path, level: level) },
                              digest: output.digest))
        }
        self.sinks = sinks
        buffer = .allocate(capacity: 1)
        buffer.initialize(to: ByteBuffer(capacity: TableWriter.flushSize + (1 << 12)))
        try writeFields(columns)
    }

    deinit {
        buffer.pointee.deallocate()
        buffer.deinitialize(count: 1)
        buffer.deallocate()
    }

    /// Writes one row; it must have one field per column.
    public func write(_ fields: [String]) throws(TableError) {
        guard fields.count == columns.count else {
            throw TableError(.wrongFieldCount(expected: columns.count, found: fields.count), file: path, line: rowCount + 2)
        }
        try writeFields(fields)
        rowCount += 1
    }

    /// Writes one row field by field (`TableRow`), without making an array of strings: for
    /// the tables of many rows. It must have one field per column.
    /// An error thrown while building the row leaves nothing of it written.
    public func writeRow(_ build: (inout TableRow) throws -> Void) throws {
        let start = buffer.pointee.count
        var row = TableRow(buffer: buffer)
        do {
            try build(&row)
        } catch {
            buffer.pointee.count = start
            throw error
        }
        guard row.fieldCount == columns.count else {
            buffer.pointee.count = start
            throw TableError(.wrongFieldCount(expected: columns.count, found: row.fieldCount), file: path, line: rowCount + 2)
        }
        buffer.pointee.append(.newline)
        rowCount += 1
        if buffer.pointee.count >= TableWriter.flushSize { try flush(finish: false) }
    }

    /// Appends rows already written as CSV by a `TableWriter` (the bytes after another
    /// table's header line), unchanged: for copying a table under a new header without
    /// reading and writing each field again. The bytes may be cut anywhere, but all of them
    /// together must be whole rows, each ending in LF. Rows are counted by their LFs, so
    /// none may hold a quoted line break.
    func write(formattedRows bytes: UnsafeRawBufferPointer) throws(TableError) {
        var offset = 0
        while offset < bytes.count {
            let piece = min(bytes.count - offset, TableWriter.flushSize)
            buffer.pointee.append(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + piece)]))
            offset += piece
            if buffer.pointee.count >= TableWriter.flushSize { try flush(finish: false) }
        }
        // The rows are counted by their line ends, found with memchr: byte by byte, counting
        // took longer than copying the 17 MB need table of the national benchmark.
        var rest = bytes
        while let base = rest.baseAddress, !rest.isEmpty, let end = memchr(base, Int32(UInt8.newline), rest.count) {
            rowCount += 1
            rest = UnsafeRawBufferPointer(rebasing: rest[(base.distance(to: UnsafeRawPointer(end)) + 1)...])
        }
    }

    /// Flushes everything and moves the table into place, in every output.
    public func finish() throws(TableError) {
        try flush(finish: true)
        for sink in sinks { try sink.file.commit(durable: durable) }
    }

    /// Writes a whole table at once.
    public static func write(path: String, columns: [String], rows: [[String]], compression: Compression = .none) throws(TableError) {
        let writer = try TableWriter(path: path, columns: columns, compression: compression)
        for row in rows { try writer.write(row) }
        try writer.finish()
    }

    /// Rows are handed to the files in pieces of this size.
    private static let flushSize = 1 << 16

    private func writeFields(_ fields: [String]) throws(TableError) {
        var row = TableRow(buffer: buffer)
        for field in fields { row.append(field) }
        buffer.pointee.append(.newline)
        if buffer.pointee.count >= TableWriter.flushSize { try flush(finish: false) }
    }

    private func flush(finish: Bool) throws(TableError) {
        let bytes = UnsafeRawBufferPointer(start: buffer.pointee.bytes, count: buffer.pointee.count)
        for sink in sinks { try sink.write(bytes, finish: finish) }
        buffer.pointee.count = 0
    }
}

/// One file of a table: where its bytes go, through gzip or not.
private struct Sink {
    let file: FileOutput
    let encoder: GzipEncoder?
    let digest: StreamingDigest?

    func write(_ bytes: UnsafeRawBufferPointer, finish: Bool) throws(TableError) {
        guard let encoder else {
            try file.write(bytes)
            digest?.update(bytes)
            return
        }
        try encoder.compress(bytes, finish: finish) { (chunk) throws(TableError) in
            try file.write(chunk)
            digest?.update(chunk)
        }
    }
}

/// A growable run of bytes, kept behind a pointer by its owner.
@usableFromInline
struct ByteBuffer {
    @usableFromInline var bytes: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        bytes = .allocate(capacity: capacity)
    }

    func deallocate() { bytes.deallocate() }

    @usableFromInline var end: UnsafeMutablePointer<UInt8> { bytes + count }

    @inlinable
    mutating func reserve(_ more: Int) {
        if _slowPath(count + more > capacity) { grow(toFit: count + more) }
    }

    @usableFromInline
    mutating func grow(toFit needed: Int) {
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = larger
        capacity = grown
    }

    @inlinable @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        bytes[count] = byte
        count += 1
    }

    @inlinable @inline(__always)
    mutating func append(_ more: UnsafeRawBufferPointer) {
        guard let source = more.baseAddress, !more.isEmpty else { return }
        reserve(more.count)
        (bytes + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: more.count)
        count += more.count
    }
}

extension UInt8 {
    @usableFromInline static let quote = UInt8(ascii: "\"")
    @usableFromInline static let carriageReturn = UInt8(ascii: "\r")
}
