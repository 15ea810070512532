import Foundation

/// Reads another byte source ahead on a background thread, so decompression (zlib) and
/// parsing (libcsv) run on two cores at once. A few chunks are kept in flight, so memory
/// stays flat; an error in the background is raised at the read that would have met it.
///
/// The thread holds only the queue it shares with this object, never the object itself:
/// a reader dropped before the end of its input (an error in row 2 of a large gzip file)
/// frees this object, which cancels the queue, and the thread ends.
final class BackgroundSource: ByteSource {
    private let queue = ChunkQueue(depth: 3)
    private var current: [UInt8] = []
    private var offset = 0
    /// Bytes of the underlying file consumed by the chunks handed out so far.
    private(set) var fileBytesRead = 0

    init(_ source: ByteSource, file: FileInput) {
        // The source moves to the background thread; this object never touches it again.
        let handoff = Handoff(source: source, file: file)
        let thread = Thread { [queue] in queue.produce(from: handoff.source, file: handoff.file) }
        thread.name = "areaneeds-read-ahead"
        thread.start()
    }

    deinit {
        queue.cancel()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(TableError) -> Int {
        if offset == current.count {
            guard let next = try queue.next() else { return 0 }
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

/// The chunks the background thread has read and the reader has not yet taken.
private final class ChunkQueue: @unchecked Sendable {
    private let chunkSize = 1 << 18
    private let depth: Int
    private let condition = NSCondition()
    private var ready: [(bytes: [UInt8], bytesRead: Int)] = []
    private var failure: TableError?
    private var ended = false
    private var cancelled = false

    init(depth: Int) {
        self.depth = depth
    }

    /// Stops the producer at its next chunk; called when the reader is dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Runs on the background thread until the input ends, fails, or the queue is cancelled.
    func produce(from source: ByteSource, file: FileInput) {
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
                if got == 0 { ended = true } else if !cancelled { ready.append((chunk, file.bytesRead)) }
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

    /// The next chunk, waiting for it; nil at the end of the input.
    func next() throws(TableError) -> (bytes: [UInt8], bytesRead: Int)? {
        condition.lock()
        while ready.isEmpty && !ended && failure == nil { condition.wait() }
        if ready.isEmpty {
            let failure = self.failure
            condition.unlock()
            if let failure { throw failure }
            return nil
        }
        let next = ready.removeFirst()
        condition.broadcast()
        condition.unlock()
        return next
    }
}

private struct Handoff: @unchecked Sendable {
    let source: ByteSource
    let file: FileInput
}
