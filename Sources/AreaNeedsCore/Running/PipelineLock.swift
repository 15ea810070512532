import AreaNeedsTables
import Foundation

/// One run at a time per pipeline.
///
/// The lock is an `flock` on `data-out/<pipeline>/.lock`, which the kernel releases when
/// the holder exits or is killed, so a lock left by a killed run is taken over by the next
/// one without any guessing. The file records the holder's process id and start time, so a
/// run that finds the lock taken can say who holds it.
package final class PipelineLock: @unchecked Sendable {
    package let path: String
    private let file: LockFile
    private let released = NSLock()
    private var isReleased = false

    /// Takes the lock, waiting up to `wait` seconds for another run to finish.
    package static func acquire(for pipeline: Pipeline, wait: TimeInterval = 0) throws(AreaNeedsError) -> PipelineLock {
        let folder = try PipelineFolder.open(pipeline.releasesFolder)
        return try PipelineLock(in: folder, wait: wait)
    }

    /// Takes the lock of the pipeline whose folder is `folder`.
    init(in folder: Folder, wait: TimeInterval) throws(AreaNeedsError) {
        let name = ".lock"
        path = folder.path + "/" + name
        let kind = folder.kind(of: name)
        if kind != .missing && kind != .file {
            // Opened without following a link, so a link planted here (at a file to be
            // overwritten) is refused, and its target is left untouched.
            throw AreaNeedsError(.output, "\(path): is \(PipelineFolder.describe(kind)), where the pipeline's lock file goes; areaneeds opens it without following links: remove it (what it points at is left as it is) and run again")
        }
        do {
            file = try folder.lockFile(name)
        } catch {
            throw AreaNeedsError(.output, "\(path): cannot open the lock file (\(error)); remove it if it is not a regular file, and run again")
        }
        let deadline = Date().addingTimeInterval(wait)
        // A lock that cannot be taken is told as held by another run, whatever the reason.
        while (try? file.tryLock()) != true {
            guard Date() < deadline else {
                let waited = wait > 0 ? " after waiting \(Int(wait)) s" : ""
                throw AreaNeedsError(.locked, "\(path): another run of this pipeline holds the lock\(waited) (\(PipelineLock.holder(path))); try again when it has finished, or pass --wait SECONDS")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        // Only for whoever finds the lock taken: a run goes on without it.
        try? file.record("pid \(CurrentProcess.id), started \(Date().formatted(.iso8601))\n")
    }

    deinit { release() }

    /// Lets the next run in (also done when the lock is dropped or the process ends).
    package func release() {
        released.withLock {
            guard !isReleased else { return }
            isReleased = true
            file.unlock()
        }
    }

    /// Who holds the lock, as its file records it.
    static func holder(_ path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? "holder unknown" : "held by " + text
    }
}
