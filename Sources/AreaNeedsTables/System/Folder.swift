/// A folder opened once, its entries created, opened, renamed, linked and removed
/// relative to it, and flushed to disk as a whole: a name it holds cannot be swapped for
/// another path between two calls, as a path can.
///
/// Nothing below the folder is reached through a symbolic link: files are created new
/// (`O_EXCL | O_NOFOLLOW`), subfolders opened with `O_NOFOLLOW`, and removing a tree
/// removes the links it holds, never what they point at. Only the folder itself, given by
/// path, is reached as the path leads (it is the caller's to choose).
package final class Folder {
    /// The folder's path, for messages.
    package let path: String
    private let descriptor: Int32

    /// Opens the folder at `path`.
    package init(path: String) throws(SystemError) {
        self.path = path
        descriptor = try SystemCalls.openFolder(path)
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { try? SystemCalls.close(descriptor) }

    /// What is at `path`, its last component not followed when it is a link.
    package static func kind(ofPath path: String) -> EntryKind {
        SystemCalls.kind(ofPath: path)
    }

    /// What `path` leads to, links followed.
    package static func kind(followingPath path: String) -> EntryKind {
        SystemCalls.kind(followingPath: path)
    }

    /// What the entry `name` is (a link not followed); `.missing` when there is none.
    package func kind(of name: String) -> EntryKind {
        SystemCalls.kind(of: name, in: descriptor)
    }

    /// The target of the symbolic link `name`, as written in the link.
    package func linkTarget(_ name: String) throws(SystemError) -> String {
        try SystemCalls.linkTarget(name, in: descriptor)
    }

    /// The names of the folder's entries.
    package func names() throws(SystemError) -> [String] {
        try SystemCalls.names(in: descriptor)
    }

    /// Opens the subfolder `name`, refusing a symbolic link; makes it first when `creating`
    /// and it is missing.
    package func subfolder(_ name: String, creating: Bool = false) throws(SystemError) -> Folder {
        if creating, kind(of: name) == .missing {
            do throws(SystemError) {
                try SystemCalls.makeFolder(name, in: descriptor)
            } catch where error.exists {
                // Made meanwhile: opened below like any other.
            }
        }
        return Folder(path: path + "/" + name, descriptor: try SystemCalls.openFolder(name, in: descriptor))
    }

    /// Makes the new subfolder `name` (fails when the name is taken) and opens it.
    package func makeSubfolder(_ name: String) throws(SystemError) -> Folder {
        try SystemCalls.makeFolder(name, in: descriptor)
        return Folder(path: path + "/" + name, descriptor: try SystemCalls.openFolder(name, in: descriptor))
    }

    /// Writes `bytes` to the new file `name`, which must not exist (a link by that name is
    /// refused, never written through); flushed to disk when `durable`.
    package func writeNewFile(_ name: String, _ bytes: [UInt8], durable: Bool = false) throws(SystemError) {
        let file = try SystemCalls.createNew(name, in: descriptor)
        do throws(SystemError) {
            try SystemCalls.write(file, bytes)
            if durable { try SystemCalls.sync(file) }
        } catch {
            try? SystemCalls.close(file)
            throw error
        }
        try SystemCalls.close(file)
    }

    /// Opens (or creates) the regular file `name` as a lock file; a link or anything but a
    /// regular file by that name is refused.
    package func lockFile(_ name: String) throws(SystemError) -> LockFile {
        LockFile(descriptor: try SystemCalls.openOrCreate(name, in: descriptor))
    }

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

    /// Removes the entry `name` whatever it is: a folder with everything in it, a file, a
    /// link (never what it points at). Nothing when it is missing.
    package func removeTree(_ name: String) throws(SystemError) {
        switch kind(of: name) {
        case .missing:
            return
        case .folder:
            let inner = try subfolder(name)
            for entry in try inner.names() { try inner.removeTree(entry) }
            try SystemCalls.removeFolder(name, in: descriptor)
        case .file, .link, .other:
            try SystemCalls.remove(name, in: descriptor)
        }
    }

    /// Flushes the folder's entries (new names, renames) to disk.
    package func sync() throws(SystemError) {
        try SystemCalls.sync(descriptor)
    }
}
