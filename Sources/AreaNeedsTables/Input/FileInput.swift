#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw TableError(.fileNotFound, file: path) }
            throw TableError(.unreadable(reason: systemMessage(code)), file: path)
        }
        var status = stat()
        if fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw TableError(.unreadable(reason: "it is a folder"), file: path)
        }
        descriptor = fd
        size = Int(status.st_size)
    }

    deinit { close(descriptor) }

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
        while got < count {
            let more = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + got, count - got, off_t(offset + got)) }
            if more == 0 { break }
            if more < 0 {
                if errno == EINTR { continue }
                throw TableError(.unreadable(reason: systemMessage(errno)), file: path)
            }
            got += more
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
        while true {
            let got = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if got >= 0 {
                bytesRead += got
                return got
            }
            if errno == EINTR { continue }
            throw TableError(.unreadable(reason: systemMessage(errno)), file: path)
        }
    }
}

/// `read(2)`, named apart from the `read` methods of the byte sources.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// The C library's text for an errno value.
func systemMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
}
