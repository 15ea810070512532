internal import CAreaNeedsZlib

/// Compresses bytes into a gzip stream with zlib. The header carries no time or name,
/// so the same input gives the same bytes.
final class GzipEncoder {
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer
    private let path: String

    /// `level` is zlib's: 1 (fastest) to 9 (smallest), or -1 for its default (6).
    init(path: String, level: Int32 = Z_DEFAULT_COMPRESSION) throws(TableError) {
        self.path = path
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(byteCount: 1 << 16, alignment: 16)
        guard areaneeds_deflate_init_gzip(stream, level) == Z_OK else {
            stream.deallocate()
            output.deallocate()
            throw TableError(.unwritable(reason: "zlib could not start"), file: path)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    /// Compresses `bytes`, passing compressed output to `sink` as it fills.
    func compress(_ bytes: UnsafeRawBufferPointer, finish: Bool, into sink: (UnsafeRawBufferPointer) throws(TableError) -> Void) throws(TableError) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(bytes.count)
        let flush = finish ? Z_FINISH : Z_NO_FLUSH
        while true {
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
            stream.pointee.avail_out = UInt32(output.count)
            let status = deflate(stream, flush)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw TableError(.unwritable(reason: "zlib error \(status)"), file: path)
            }
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 { try sink(UnsafeRawBufferPointer(rebasing: output[0..<produced])) }
            if finish ? status == Z_STREAM_END : stream.pointee.avail_out != 0 { return }
        }
    }
}
