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
        do {
            try FileManager.default.createDirectory(atPath: pipeline.releasesFolder, withIntermediateDirectories: true)
        } catch {
            throw AreaNeedsError(.output, "\(pipeline.releasesFolder): cannot create the folder (\(error.localizedDescription))")
        }
        return try PipelineLock(path: pipeline.releasesFolder + "/.lock", wait: wait)
    }

    init(path: String, wait: TimeInterval) throws(AreaNeedsError) {
        self.path = path
        do {
            file = try LockFile(path: path)
        } catch {
            throw AreaNeedsError(.output, "\(path): cannot open the lock file (\(error))")
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
