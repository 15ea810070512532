import Foundation

/// The chunks a background thread has made and the reader has not yet taken: at most
/// `depth` of them, so the thread waits while the reader is behind and memory stays flat.
final class ChunkQueue: @unchecked Sendable {
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

    /// Hands over a chunk, waiting while `depth` chunks are ready; false once the queue is
    /// cancelled, when the producer should stop.
    func put(_ bytes: [UInt8], bytesRead: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= depth && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        ready.append((bytes, bytesRead))
        condition.broadcast()
        return true
    }

    /// Says that the input ended after the chunks put so far.
    func end() {
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    /// Says that the input failed after the chunks put so far.
    func fail(_ error: TableError) {
        condition.lock()
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Runs on the background thread until the input ends, fails, or the queue is cancelled.
    func produce(from source: ByteSource, file: FileInput) {
        let chunkSize = 1 << 18
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            do {
                let got = try source.read(into: buffer)
                if got == 0 { return end() }
                if !put(Array(UnsafeRawBufferPointer(rebasing: buffer[0..<got])), bytesRead: file.bytesRead) { return }
            } catch {
                return fail(error)
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
