import Dispatch

/// Makes the gzip copy of a file on every core at once.
///
/// The file is cut into pieces, each compressed as a gzip member of its own, and the
/// members are written one after the other. A gzip file may hold several members: `gunzip`,
/// zlib, Python's `gzip` (and so pandas) and this package's reader give back their bytes
/// joined, which are the file's. Compressed in one stream, the 17 MB need table of the
/// national benchmark kept one core busy for a fifth of a second while the other waited.
/// A file of one piece is an ordinary single-member gzip file; the same file always gives
/// the same bytes.
///
///     try GzipCopy.write(copyOf: "indicator_needs.csv", to: "indicator_needs.csv.gz")
package enum GzipCopy {
    /// The bytes of the file each member holds (the last may hold fewer).
    package static let pieceSize = 1 << 20

    /// Writes `target` as the gzip copy of the file at `source`, at zlib's fastest level.
    /// `target` appears only when it is whole; `digest` sees every byte written to it.
    package static func write(copyOf source: String, to target: String,
                             digest: StreamingDigest? = nil) throws(TableError) {
        let file = try FileInput(path: source)
        let output = try FileOutput(path: target)
        // A few pieces per core at a time: both cores stay busy, and memory stays a few MB
        // whatever the file's size.
        let piecesAtOnce = 2 * SystemCalls.processorCount
        let input = UnsafeMutableRawBufferPointer.allocate(byteCount: piecesAtOnce * pieceSize, alignment: 16)
        defer { input.deallocate() }
        var first = true
        while true {
            let filled = try fill(input, from: file)
            // An empty file still has a gzip copy: one member of nothing.
            if filled == 0 && !first { break }
            first = false
            let pieces = max(1, (filled + pieceSize - 1) / pieceSize)
            var members = [Result<[UInt8], TableError>](repeating: .success([]), count: pieces)
            members.withUnsafeMutableBufferPointer { members in
                let (members, read) = (Unchecked(members), Unchecked(UnsafeRawBufferPointer(input)))
                DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                    let start = piece * pieceSize
                    let bytes = UnsafeRawBufferPointer(rebasing: read.value[start..<min(filled, start + pieceSize)])
                    members.value[piece] = Result { () throws(TableError) in try member(of: bytes, for: target) }
                }
            }
            for member in members {
                // `withUnsafeBytes` rethrows untyped errors: the failure is handed out instead.
                let failure = try member.get().withUnsafeBytes { bytes -> TableError? in
                    do throws(TableError) {
                        try output.write(bytes)
                    } catch {
                        return error
                    }
                    digest?.update(bytes)
                    return nil
                }
                if let failure { throw failure }
            }
            if filled < input.count { break }
        }
        try output.commit(durable: false)
    }

    /// One gzip member holding `bytes`.
    private static func member(of bytes: UnsafeRawBufferPointer, for path: String) throws(TableError) -> [UInt8] {
        let encoder = try GzipEncoder(path: path, level: 1)
        var compressed: [UInt8] = []
        compressed.reserveCapacity(bytes.count / 3)
        try encoder.compress(bytes, finish: true) { (chunk) throws(TableError) in compressed.append(contentsOf: chunk) }
        return compressed
    }

    /// Reads until `buffer` is full or the file ends; the bytes read.
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from file: FileInput) throws(TableError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if got == 0 { break }
            filled += got
        }
        return filled
    }
}

/// A buffer the pieces' tasks share: they read the input, and each writes its own member.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
