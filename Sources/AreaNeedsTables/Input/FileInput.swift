/// Reads a file through its POSIX descriptor, with a little look-ahead for sniffing.
final class FileInput: ByteSource {
    let path: String
    /// The file's size in bytes, as it was when opened.
    let size: Int
    /// Bytes read from the file so far.
    private(set) var bytesRead = 0
    private let descriptor: Int32
    private var peeked: [UInt8] = []

    init(path: String) throws(TableError) {
        self.path = path
        do {
            descriptor = try SystemCalls.openForReading(path)
        } catch {
            throw TableError(reading: error, file: path)
        }
        size = (try? SystemCalls.size(of: descriptor)) ?? 0
    }

    deinit { try? SystemCalls.close(descriptor) }

    /// Returns up to `count` bytes from the start without consuming them.
    func peek(count: Int) throws(TableError) -> [UInt8] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        defer { buffer.deallocate() }
        var got = 0
        while got < count {
            let more = try readFromDescriptor(into: UnsafeMutableRawBufferPointer(rebasing: buffer[got...]))
            if more == 0 { break }
            got += more
        }
        let bytes = Array(buffer[0..<got])
        peeked = bytes
        return bytes
    }

    /// Up to `count` bytes from `offset` (fewer at the end of the file), leaving the
    /// position where it was.
    func bytes(at offset: Int, count: Int) throws(TableError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        do {
            while got < count {
                let start = got
                let more = try bytes.withUnsafeMutableBytes { buffer in
                    Result { () throws(SystemError) in
                        try SystemCalls.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[start...]), at: offset + start)
                    }
                }.get()
                if more == 0 { break }
                got += more
            }
        } catch {
            throw TableError(reading: error, file: path)
        }
        return Array(bytes[0..<got])
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(TableError) -> Int {
        guard peeked.isEmpty else {
            // The bytes peeked at, and as many more as fit: the first read is as long as
            // any other, which the reader's sniffing of line ends relies on.
            let count = min(peeked.count, buffer.count)
            peeked.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: count) }
            peeked.removeFirst(count)
            guard peeked.isEmpty, count < buffer.count else { return count }
            return count + (try readFromDescriptor(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...])))
        }
        return try readFromDescriptor(into: buffer)
    }

    private func readFromDescriptor(into buffer: UnsafeMutableRawBufferPointer) throws(TableError) -> Int {
        do {
            let got = try SystemCalls.read(descriptor, into: buffer)
            bytesRead += got
            return got
        } catch {
            throw TableError(reading: error, file: path)
        }
    }
}
