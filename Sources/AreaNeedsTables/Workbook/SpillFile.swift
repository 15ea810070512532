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
        do {
            (descriptor, path) = try SystemCalls.makeUnnamedTemporaryFile(prefix: "areaneeds-spill-")
        } catch {
            throw TableError(.unwritable(reason: "cannot make a temporary file: \(error)"), file: "a temporary file")
        }
    }

    deinit { try? SystemCalls.close(descriptor) }

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
        do {
            try SystemCalls.write(descriptor, pending)
        } catch {
            throw TableError(.unwritable(reason: "cannot write a temporary file: \(error)"), file: path)
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// The `count` bytes at `offset`, into `buffer` (replacing what it held).
    func read(at offset: Int, count: Int, into buffer: inout [UInt8]) throws(TableError) {
        if buffer.count < count { buffer = [UInt8](repeating: 0, count: max(count, buffer.count * 2)) }
        var got = 0
        while got < count {
            let start = got
            let more: Int
            do {
                more = try buffer.withUnsafeMutableBytes { bytes in
                    Result { () throws(SystemError) in
                        try SystemCalls.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: bytes[start..<count]), at: offset + start)
                    }
                }.get()
            } catch {
                throw TableError(.unreadable(reason: "cannot read back a temporary file: \(error)"), file: path)
            }
            guard more > 0 else { throw TableError(.unreadable(reason: "cannot read back a temporary file: it is short"), file: path) }
            got += more
        }
    }
}
