import AreaNeedsCore
import AreaNeedsTables
import Foundation

/// Flushes a release's files to disk one after another on a thread of its own, each as
/// soon as it is written, so that waiting for the disk overlaps writing and compressing
/// the others. Flushed at the end instead, the files of a national release kept the
/// publish stage waiting a fifth of its time.
///
/// `wait()` returns once every file asked for is on disk, and throws the first failure.
final class DiskFlushes: @unchecked Sendable {
    private let queue = DispatchQueue(label: "areaneeds.release.flush")
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var failure: AreaNeedsError?
    private var cancelled = false

    /// Flushes the file at `path` to disk, in the background.
    func flush(_ path: String) {
        queue.async(group: group) { [self] in
            guard !lock.withLock({ cancelled || failure != nil }) else { return }
            do {
                try FileSystem.flushToDisk(path)
            } catch {
                lock.withLock { failure = failure ?? AreaNeedsError(.output, "\(path): cannot flush to disk (\(error))") }
            }
        }
    }

    /// Waits for every flush asked for; throws the first that failed.
    func wait() throws(AreaNeedsError) {
        group.wait()
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// Drops the flushes not yet begun, for files that are not kept, and waits for the rest.
    func cancel() {
        lock.withLock { cancelled = true }
        group.wait()
    }
}
