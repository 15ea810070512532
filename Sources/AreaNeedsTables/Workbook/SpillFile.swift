#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file that holds what would not fit in memory: written in order, read back
/// anywhere. It is removed from its folder as soon as it is made, so nothing is left behind
/// however the process ends; its space is freed when this object goes.
final class SpillFile {
    private let descriptor: Int32
    private let path: String
    private var pending: [UInt8] = []
    /// Bytes written, pending included.
    private(set) var size = 0

    init() throws(TableError) {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((folder + "/areaneeds-spill-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        path = String(cString: template.map { UInt8(bitPattern: $0) })
        guard fd >= 0 else { throw TableError(.unwritable(reason: "cannot make a temporary file: " + systemMessage(errno)), file: path) }
        unlink(path)
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Adds `bytes` at the end.
    func append(_ bytes: [UInt8]) throws(TableError) {
        pending.append(contentsOf: bytes)
        size += bytes.count
        if pending.count >= 1 << 16 { try flush() }
    }

    /// Adds the eight bytes of `value` at the end.
    func append(_ value: Int) throws(TableError) {
        withUnsafeBytes(of: value) { pending.append(contentsOf: $0) }
        size += MemoryLayout<Int>.size
        if pending.count >= 1 << 16 { try flush() }
    }

    /// Writes what is pending; reads see only what was flushed.
    func flush() throws(TableError) {
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw TableError(.unwritable(reason: "cannot write a temporary file: " + systemMessage(errno)), file: path)
            }
            offset += written
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// The `count` bytes at `offset`, into `buffer` (replacing what it held).
    func read(at offset: Int, count: Int, into buffer: inout [UInt8]) throws(TableError) {
        if buffer.count < count { buffer = [UInt8](repeating: 0, count: max(count, buffer.count * 2)) }
        var got = 0
        while got < count {
            let more = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + got, count - got, off_t(offset + got)) }
            if more < 0 && errno == EINTR { continue }
            guard more > 0 else {
                throw TableError(.unreadable(reason: "cannot read back a temporary file: " + (more < 0 ? systemMessage(errno) : "it is short")), file: path)
            }
            got += more
        }
    }
}
