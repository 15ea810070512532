import Foundation

/// Renaming, removing, linking and flushing files by path, for the stages and releases:
/// the system calls behind them are made in `SystemCalls`.
package enum FileSystem {
    /// Renames `source` to `target`, replacing it: atomic within one file system.
    package static func rename(_ source: String, to target: String) throws(SystemError) {
        try SystemCalls.rename(source, to: target)
    }

    /// Removes the file at `path`.
    package static func remove(_ path: String) throws(SystemError) {
        try SystemCalls.remove(path)
    }

    /// Flushes the file or folder at `path` to disk (for a folder: its entries, such as a
    /// name just given by a rename).
    package static func flushToDisk(_ path: String) throws(SystemError) {
        let descriptor = try SystemCalls.openForFlushing(path)
        defer { try? SystemCalls.close(descriptor) }
        try SystemCalls.sync(descriptor)
    }

    /// Writes `bytes` as the file at `path`: into a new temporary file beside it (opened
    /// with `O_EXCL | O_NOFOLLOW`), renamed over it, so a link at `path` is replaced, never
    /// written through, and a reader never meets half a file.
    package static func writeFile(_ path: String, _ bytes: [UInt8]) throws(TableError) {
        let output = try FileOutput(path: path)
        let failure = bytes.withUnsafeBytes { buffer -> TableError? in
            do throws(TableError) {
                try output.write(buffer)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        try output.commit(durable: false)
    }

    /// Creates the new file at `path` for writing: it must not exist, and a symbolic link
    /// there is refused, never followed (`O_EXCL | O_NOFOLLOW`).
    package static func createNewFile(_ path: String) throws(SystemError) -> FileHandle {
        FileHandle(fileDescriptor: try SystemCalls.createNew(path), closeOnDealloc: true)
    }
}
