import Foundation

/// Reads another byte source ahead on a background thread, so decompression (zlib) and
/// parsing (libcsv) run on two cores at once; or runs a producer there that makes the
/// bytes itself (a workbook's sheet, inflated and turned into CSV text). A few chunks are
/// kept in flight, so memory stays flat; an error in the background is raised at the read
/// that would have met it.
///
/// The thread holds only the queue it shares with this object, never the object itself:
/// a reader dropped before the end of its input (an error in row 2 of a large gzip file)
/// frees this object, which cancels the queue, and the thread ends.
final class BackgroundSource: ByteSource {
    private let queue = ChunkQueue(depth: 3)
    private var current: [UInt8] = []
    private var offset = 0
    /// The progress of the chunks handed out so far: bytes of the underlying file consumed,
    /// or what the producer counts.
    private(set) var fileBytesRead = 0

    convenience init(_ source: ByteSource, file: FileInput) {
        // The source moves to the background thread; this object never touches it again.
        let handoff = Handoff(source: source, file: file)
        self.init { queue in queue.produce(from: handoff.source, file: handoff.file) }
    }

    /// Runs `produce` on a thread of its own, handing it the queue to put its chunks in.
    init(producer produce: @escaping @Sendable (ChunkQueue) -> Void) {
        let thread = Thread { [queue] in produce(queue) }
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

private struct Handoff: @unchecked Sendable {
    let source: ByteSource
    let file: FileInput
}
