/// A file held open to take its exclusive advisory lock (`flock`): the kernel releases it
/// when the holder exits or is killed, so a lock left by a killed process is free again.
package final class LockFile {
    private let descriptor: Int32
    private var locked = false

    /// Opens the regular file at `path`, creating it when it is missing; a symbolic link
    /// there is refused (`ELOOP`), never followed, and so is anything but a regular file.
    package init(path: String) throws(SystemError) {
        descriptor = try SystemCalls.openOrCreate(path)
    }

    /// Takes over a descriptor opened by `Folder.lockFile`.
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        unlock()
        try? SystemCalls.close(descriptor)
    }

    /// Takes the lock without waiting: false when another process holds it.
    package func tryLock() throws(SystemError) -> Bool {
        locked = try SystemCalls.tryLock(descriptor)
        return locked
    }

    /// Replaces what the file says (the holder, for whoever finds the lock taken).
    package func record(_ text: String) throws(SystemError) {
        try SystemCalls.empty(descriptor)
        try SystemCalls.write(descriptor, Array(text.utf8))
    }

    /// Lets the next holder in.
    package func unlock() {
        guard locked else { return }
        SystemCalls.unlock(descriptor)
        locked = false
    }
}
