internal import CAreaNeedsZlib

/// Decompresses a gzip file on the fly with zlib, member after member.
///
/// A stream that stops before its end marker is an error (`truncatedGzip`), never a short
/// table; so is damage zlib detects (bad CRC, bad block). Output beyond `limit` bytes stops
/// the read, which guards against decompression bombs.
final class GzipDecoder: ByteSource {
    private let source: ByteSource
    private let path: String
    private let limit: Int
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var memberEnded = false
    private var produced = 0

    init(source: ByteSource, path: String, limit: Int) throws(TableError) {
        self.source = source
        self.path = path
        self.limit = limit
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: 1 << 16, alignment: 16)
        guard areaneeds_inflate_init_gzip(stream) == Z_OK else {
            stream.deallocate()
            input.deallocate()
            throw TableError(.corruptGzip(reason: "zlib could not start"), file: path)
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(TableError) -> Int {
        let output = buffer.bindMemory(to: UInt8.self)
        stream.pointee.next_out = output.baseAddress
        stream.pointee.avail_out = UInt32(clamping: output.count)
        while stream.pointee.avail_out == UInt32(clamping: output.count) {
            if stream.pointee.avail_in == 0 {
                try refill()
                if inputEnded && stream.pointee.avail_in == 0 {
                    if memberEnded { return 0 }
                    throw TableError(.truncatedGzip, file: path)
                }
            }
            if memberEnded {
                // More bytes after a complete member: another member must follow.
                guard stream.pointee.next_in.pointee == 0x1f else {
                    throw TableError(.corruptGzip(reason: "unexpected bytes after the end of the gzip stream"), file: path)
                }
                inflateReset(stream)
                memberEnded = false
            }
            let status = inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                memberEnded = true
            case Z_MEM_ERROR:
                throw TableError(.corruptGzip(reason: "out of memory"), file: path)
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw TableError(.corruptGzip(reason: reason), file: path)
            }
        }
        let count = output.count - Int(stream.pointee.avail_out)
        produced += count
        if produced > limit {
            throw TableError(.decompressedTooLarge(limit: limit), file: path)
        }
        return count
    }

    private func refill() throws(TableError) {
        guard !inputEnded else { return }
        let got = try source.read(into: input)
        if got == 0 { inputEnded = true }
        stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_in = UInt32(got)
    }
}
