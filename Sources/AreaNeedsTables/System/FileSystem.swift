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
}
