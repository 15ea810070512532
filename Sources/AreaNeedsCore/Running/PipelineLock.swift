import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run at a time per pipeline.
///
/// The lock is an `flock` on `data-out/<pipeline>/.lock`, which the kernel releases when
/// the holder exits or is killed, so a lock left by a killed run is taken over by the next
/// one without any guessing. The file records the holder's process id and start time, so a
/// run that finds the lock taken can say who holds it.
public final class PipelineLock: @unchecked Sendable {
    public let path: String
    private let descriptor: Int32
    private let released = NSLock()
    private var isReleased = false

    /// Takes the lock, waiting up to `wait` seconds for another run to finish.
    public static func acquire(for pipeline: Pipeline, wait: TimeInterval = 0) throws(AreaNeedsError) -> PipelineLock {
        do {
            try FileManager.default.createDirectory(atPath: pipeline.releasesFolder, withIntermediateDirectories: true)
        } catch {
            throw AreaNeedsError(.output, "\(pipeline.releasesFolder): cannot create the folder (\(error.localizedDescription))")
        }
        return try PipelineLock(path: pipeline.releasesFolder + "/.lock", wait: wait)
    }

    init(path: String, wait: TimeInterval) throws(AreaNeedsError) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw AreaNeedsError(.output, "\(path): cannot open the lock file (\(String(cString: strerror(errno))))")
        }
        let deadline = Date().addingTimeInterval(wait)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                let holder = PipelineLock.holder(path)
                close(fd)
                let waited = wait > 0 ? " after waiting \(Int(wait)) s" : ""
                throw AreaNeedsError(.locked, "\(path): another run of this pipeline holds the lock\(waited) (\(holder)); try again when it has finished, or pass --wait SECONDS")
            }
            usleep(100_000)
        }
        descriptor = fd
        let record = "pid \(getpid()), started \(Date().formatted(.iso8601))\n"
        ftruncate(fd, 0)
        _ = record.withCString { write(fd, $0, strlen($0)) }
    }

    deinit { release() }

    /// Lets the next run in (also done when the lock is dropped or the process ends).
    public func release() {
        released.withLock {
            guard !isReleased else { return }
            isReleased = true
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }

    /// Who holds the lock, as its file records it.
    static func holder(_ path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? "holder unknown" : "held by " + text
    }
}
