import Foundation

/// The files this process opens for reading, recorded while asked: for the tests that check
/// a run reads back no file it wrote itself. Each recording keeps the files under a folder
/// of its own, so that tests running side by side do not see each other's. Recording costs
/// a lock per file opened.
package enum FilesRead {
    private static let log = Log()

    /// Calls `body`, recording every file under `folder` that is opened for reading
    /// meanwhile (by any thread); returns its result and the paths, in the order opened.
    package static func recording<Result>(under folder: String, _ body: () throws -> Result) rethrows -> (result: Result, paths: [String]) {
        let id = log.start(folder.hasSuffix("/") ? folder : folder + "/")
        defer { _ = log.stop(id) }
        let result = try body()
        return (result, log.stop(id))
    }

    /// Notes that `path` was opened for reading.
    static func note(_ path: String) {
        log.note(path)
    }

    private final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var recordings: [UUID: (folder: String, paths: [String])] = [:]

        func start(_ folder: String) -> UUID {
            let id = UUID()
            lock.withLock { recordings[id] = (folder, []) }
            return id
        }

        func stop(_ id: UUID) -> [String] {
            lock.withLock { recordings.removeValue(forKey: id)?.paths ?? [] }
        }

        func note(_ path: String) {
            lock.withLock {
                guard !recordings.isEmpty else { return }
                for (id, recording) in recordings where path.hasPrefix(recording.folder) { recordings[id]?.paths.append(path) }
            }
        }
    }
}
