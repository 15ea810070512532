/// A folder opened once, its entries renamed, linked and removed relative to it, and
/// flushed to disk as a whole: a name it holds cannot be swapped for another path between
/// two calls, as a path can. Safe creation of files in it (`openat` with `O_NOFOLLOW`)
/// belongs here too.
package final class Folder {
    /// The folder's path, for messages.
    package let path: String
    private let descriptor: Int32

    /// Opens the folder at `path`.
    package init(path: String) throws(SystemError) {
        self.path = path
        descriptor = try SystemCalls.openFolder(path)
    }

    deinit { try? SystemCalls.close(descriptor) }

    /// Renames the entry `source` to `target`, replacing it: atomic.
    package func rename(_ source: String, to target: String) throws(SystemError) {
        try SystemCalls.rename(source, to: target, in: descriptor)
    }

    /// Makes the entry `name` a symbolic link to `target` (a path relative to the folder).
    package func makeLink(_ name: String, to target: String) throws(SystemError) {
        try SystemCalls.makeLink(name, to: target, in: descriptor)
    }

    /// Removes the entry `name` (a file or a link).
    package func remove(_ name: String) throws(SystemError) {
        try SystemCalls.remove(name, in: descriptor)
    }

    /// Flushes the folder's entries (new names, renames) to disk.
    package func sync() throws(SystemError) {
        try SystemCalls.sync(descriptor)
    }
}
