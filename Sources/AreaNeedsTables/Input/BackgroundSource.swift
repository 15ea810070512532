import Foundation

/// Reads another byte source ahead on a background thread, so decompression (zlib) and
/// parsing (libcsv) run on two cores at once. A few chunks are kept in flight, so memory
/// stays flat; an error in the background is raised at the read that would have met it.
final class BackgroundSource: ByteSource, @unchecked Sendable {
    private let chunkSize = 1 << 18
    private let depth = 3
    private let condition = NSCondition()
    private var ready: [(bytes: [UInt8], bytesRead: Int)] = []
    private var failure: TableError?
    private var ended = false
    private var cancelled = false
    private var current: [UInt8] = []
    private var offset = 0
    private let file: FileInput
    /// Bytes of the underlying file consumed by the chunks handed out so far.
    private(set) var fileBytesRead = 0

    init(_ source: ByteSource, file: FileInput) {
        self.file = file
        // The source moves to the background thread; this object never touches it again.
        let handoff = Handoff(source: source)
        let thread = Thread { [self] in self.produce(from: handoff.source) }
        thread.name = "areaneeds-read-ahead"
        thread.start()
    }

    deinit {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func produce(from source: ByteSource) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            condition.lock()
            while ready.count >= depth && !cancelled { condition.wait() }
            let stop = cancelled
            condition.unlock()
            if stop { return }
            do {
                let got = try source.read(into: buffer)
                let chunk = Array(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
                condition.lock()
                if got == 0 { ended = true } else { ready.append((chunk, file.bytesRead)) }
                condition.broadcast()
                condition.unlock()
                if got == 0 { return }
            } catch {
                condition.lock()
                failure = error
                condition.broadcast()
                condition.unlock()
                return
            }
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(TableError) -> Int {
        if offset == current.count {
            condition.lock()
            while ready.isEmpty && !ended && failure == nil { condition.wait() }
            if ready.isEmpty {
                let failure = self.failure
                condition.unlock()
                if let failure { throw failure }
                return 0
            }
            let next = ready.removeFirst()
            condition.broadcast()
            condition.unlock()
            current = next.bytes
            fileBytesRead = next.bytesRead
            offset = 0
        }
        let count = min(buffer.count, current.count - offset)
        current.withUnsafeBytes { bytes in
            buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

private struct Handoff: @unchecked Sendable {
    let source: ByteSource
}
