#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every call the package makes to the operating system, and the translation of their
/// errors: the one place that does either, as swift-system keeps its system calls.
///
/// Each call retries what a signal interrupted and throws its `SystemError`. The types
/// beside this file are what the rest of the package uses: `FileSystem` (renaming,
/// removing, linking, flushing by path), `Folder` (a folder opened once, its entries
/// reached relative to it), `LockFile`, `CurrentProcess` and `MemoryPools`; in this
/// module, the file reader and writers call these directly, with descriptors.
enum SystemCalls {
    /// The descriptor of standard output.
    static let standardOutput: Int32 = 1
    /// The descriptor of standard error.
    static let standardError: Int32 = 2

    // MARK: - Files

    /// Opens `path` for reading; refuses a folder.
    static func openForReading(_ path: String) throws(SystemError) -> Int32 {
        let descriptor = try retrying { open(path, O_RDONLY | O_CLOEXEC) }
        FilesRead.note(path)
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            _ = closeDescriptor(descriptor)
            throw SystemError(code: EISDIR)
        }
        return descriptor
    }

    /// Creates the file at `path` anew for writing, readable by all: whatever had the name
    /// (a file, or a symbolic link) is removed first, never written through, and the new
    /// file is opened without following a link (`O_EXCL | O_NOFOLLOW`).
    static func create(_ path: String) throws(SystemError) -> Int32 {
        if unlink(path) != 0, errno != ENOENT { throw SystemError(code: errno) }
        return try retrying { open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644) }
    }

    /// Opens the regular file at `path` for reading and writing, creating it when it is
    /// missing; refuses a symbolic link (`ELOOP`) and anything that is not a regular file.
    static func openOrCreate(_ path: String) throws(SystemError) -> Int32 {
        let descriptor = try retrying { open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644) }
        return try regularFile(descriptor)
    }

    /// Opens the regular file `name` of the folder open at `folder` for reading and
    /// writing, creating it when it is missing; refuses a symbolic link (`ELOOP`) and
    /// anything that is not a regular file (`EINVAL`).
    static func openOrCreate(_ name: String, in folder: Int32) throws(SystemError) -> Int32 {
        let descriptor = try retrying { openat(folder, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644) }
        return try regularFile(descriptor)
    }

    /// Creates the file at `path` for writing: it must not exist (`O_EXCL`; a symbolic
    /// link there is refused, never followed).
    static func createNew(_ path: String) throws(SystemError) -> Int32 {
        try retrying { open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644) }
    }

    /// Creates the file `name` in the folder open at `folder` for writing: it must not
    /// exist (`O_EXCL`; a symbolic link by that name is refused, never followed).
    static func createNew(_ name: String, in folder: Int32) throws(SystemError) -> Int32 {
        try retrying { openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644) }
    }

    /// Makes the folder `name` in the folder open at `folder`; fails when the name is taken.
    static func makeFolder(_ name: String, in folder: Int32) throws(SystemError) {
        _ = try retrying { mkdirat(folder, name, 0o755) }
    }

    /// Opens the folder `name` of the folder open at `folder`, refusing a symbolic link.
    static func openFolder(_ name: String, in folder: Int32) throws(SystemError) -> Int32 {
        try retrying { openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
    }

    /// What the entry `name` of the folder open at `folder` is, a link not followed.
    static func kind(of name: String, in folder: Int32) -> EntryKind {
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
        return EntryKind(mode: status.st_mode)
    }

    /// What is at `path`, its last component not followed when it is a link.
    static func kind(ofPath path: String) -> EntryKind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .missing }
        return EntryKind(mode: status.st_mode)
    }

    /// What `path` leads to, links followed.
    static func kind(followingPath path: String) -> EntryKind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return EntryKind(mode: status.st_mode)
    }

    /// The target of the symbolic link `name` of the folder open at `folder`.
    static func linkTarget(_ name: String, in folder: Int32) throws(SystemError) -> String {
        var buffer = [UInt8](repeating: 0, count: 4097)
        let count = try retrying { buffer.withUnsafeMutableBufferPointer { readlinkat(folder, name, $0.baseAddress!, 4096) } }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// The names in the folder open at `folder` (not `.` and `..`).
    static func names(in folder: Int32) throws(SystemError) -> [String] {
        let copy = try retrying { dup(folder) }
        guard let stream = fdopendir(copy) else {
            let code = errno
            _ = closeDescriptor(copy)
            throw SystemError(code: code)
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes the empty folder `name` of the folder open at `folder`.
    static func removeFolder(_ name: String, in folder: Int32) throws(SystemError) {
        _ = try retrying { unlinkat(folder, name, AT_REMOVEDIR) }
    }

    /// `descriptor` when it is a regular file; else closes it and throws `EINVAL`.
    private static func regularFile(_ descriptor: Int32) throws(SystemError) -> Int32 {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            _ = closeDescriptor(descriptor)
            throw SystemError(code: EINVAL)
        }
        // Opened without blocking (a FIFO would block an open for writing); a regular file
        // is read and written the same either way.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// Opens the file or folder at `path` for flushing it to disk.
    static func openForFlushing(_ path: String) throws(SystemError) -> Int32 {
        try retrying { open(path, O_RDONLY | O_CLOEXEC) }
    }

    /// Opens the folder at `path`, for reaching its entries relative to it and flushing it.
    static func openFolder(_ path: String) throws(SystemError) -> Int32 {
        try retrying { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    }

    /// The size of an open file in bytes.
    static func size(of descriptor: Int32) throws(SystemError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw SystemError(code: errno) }
        return Int(status.st_size)
    }

    /// Reads into `buffer`; the bytes read, 0 at the end of the file.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        try retrying { Int(readBytes(descriptor, buffer.baseAddress, buffer.count)) }
    }

    /// Reads into `buffer` from `offset` of the file, leaving its position where it was; the
    /// bytes read, 0 at the end of the file.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(SystemError) -> Int {
        try retrying { Int(pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))) }
    }

    /// Makes a new, empty temporary file in `$TMPDIR` (or /tmp) and removes its name at once,
    /// so nothing is left behind however the process ends; its descriptor, and the name it had.
    static func makeUnnamedTemporaryFile(prefix: String) throws(SystemError) -> (descriptor: Int32, path: String) {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((folder + "/" + prefix + "XXXXXX").utf8CString)
        let descriptor = try retrying { template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) } }
        let path = String(cString: template.map { UInt8(bitPattern: $0) })
        _ = unlink(path)
        return (descriptor, path)
    }

    /// Writes every byte of `bytes`.
    static func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            offset += try retrying { writeBytes(descriptor, bytes.baseAddress! + offset, bytes.count - offset) }
        }
    }

    /// Writes every byte of `bytes`.
    static func write(_ descriptor: Int32, _ bytes: [UInt8]) throws(SystemError) {
        let failure = bytes.withUnsafeBytes { bytes -> SystemError? in
            do throws(SystemError) {
                try write(descriptor, bytes)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Flushes an open file's bytes to disk.
    static func sync(_ descriptor: Int32) throws(SystemError) {
        _ = try retrying { fsync(descriptor) }
    }

    /// Empties an open file, the next write going to its start.
    static func empty(_ descriptor: Int32) throws(SystemError) {
        _ = try retrying { ftruncate(descriptor, 0) }
        _ = try retrying { lseek(descriptor, 0, SEEK_SET) }
    }

    static func close(_ descriptor: Int32) throws(SystemError) {
        // Not retried: after an interrupted close the descriptor is gone.
        guard closeDescriptor(descriptor) == 0 else { throw SystemError(code: errno) }
    }

    /// Takes the exclusive advisory lock of an open file, without waiting: false when
    /// another process holds it.
    static func tryLock(_ descriptor: Int32) throws(SystemError) -> Bool {
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw SystemError(code: errno)
        }
        return true
    }

    static func unlock(_ descriptor: Int32) {
        _ = flock(descriptor, LOCK_UN)
    }

    // MARK: - Paths

    static func rename(_ source: String, to target: String) throws(SystemError) {
        _ = try retrying { renamePath(source, target) }
    }

    static func remove(_ path: String) throws(SystemError) {
        _ = try retrying { unlink(path) }
    }

    /// Makes `path` a symbolic link to `target`.
    static func makeLink(_ path: String, to target: String) throws(SystemError) {
        _ = try retrying { symlink(target, path) }
    }

    /// Renames the entry `source` of the folder open at `folder` to `target` in it.
    static func rename(_ source: String, to target: String, in folder: Int32) throws(SystemError) {
        _ = try retrying { renameat(folder, source, folder, target) }
    }

    /// Removes the entry `name` (not a folder) of the folder open at `folder`.
    static func remove(_ name: String, in folder: Int32) throws(SystemError) {
        _ = try retrying { unlinkat(folder, name, 0) }
    }

    /// Makes the entry `name` of the folder open at `folder` a symbolic link to `target`.
    static func makeLink(_ name: String, to target: String, in folder: Int32) throws(SystemError) {
        _ = try retrying { symlinkat(target, folder, name) }
    }

    // MARK: - The process

    static var processID: Int32 { getpid() }

    /// Whether a process with this id exists (a live writer's temporary files are spared).
    static func processExists(_ id: Int32) -> Bool {
        kill(id, 0) == 0 || errno != ESRCH
    }

    /// Seconds of processor time, in user and system mode, since the process started.
    static func processorTime() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// How many processors are online.
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Whether the descriptor is a terminal (a person is watching).
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    // MARK: - The allocator

    /// Makes threads created from now on share one pool of glibc's allocator
    /// (`mallopt(M_ARENA_MAX, 1)`); nothing with another C library.
    static func shareOneAllocatorPool() {
        #if canImport(Glibc)
        typealias Option = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8  // M_ARENA_MAX in malloc.h
        if let mallopt = symbol("mallopt") { _ = unsafeBitCast(mallopt, to: Option.self)(arenaMax, 1) }
        #endif
    }

    /// Returns the free pages of every pool of glibc's allocator to the system
    /// (`malloc_trim(0)`); nothing with another C library.
    static func releaseFreedMemory() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        if let trim = symbol("malloc_trim") { _ = unsafeBitCast(trim, to: Trim.self)(0) }
        #endif
    }

    /// A function of the C library found by name at run time, as Swift's Glibc module does
    /// not declare the allocator's; nil where the library lacks it.
    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        // RTLD_DEFAULT (a null handle): search every loaded library.
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)
    }

    // MARK: - Errors

    /// The C library's text for an error number.
    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Calls `call` again while a signal interrupts it; throws the error of a failure (-1).
    private static func retrying<Result: BinaryInteger>(_ call: () -> Result) throws(SystemError) -> Result {
        while true {
            let result = call()
            if result != -1 { return result }
            if errno != EINTR { throw SystemError(code: errno) }
        }
    }
}

/// What an entry of a folder is, a symbolic link not followed.
package enum EntryKind: Sendable, Equatable {
    case missing, file, folder, link
    /// A FIFO, a device, a socket.
    case other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .file
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .link
        default: self = .other
        }
    }
}

extension SystemError {
    /// The file or folder named does not exist.
    package var isMissing: Bool { code == ENOENT }
    /// A folder is where a file was expected.
    package var isFolder: Bool { code == EISDIR }
    /// A symbolic link was met where none is followed (`O_NOFOLLOW`).
    package var isLink: Bool { code == ELOOP }
    /// Something is already there by that name.
    package var exists: Bool { code == EEXIST }
}

/// `read(2)`, `write(2)`, `close(2)` and `rename(2)`, named apart from the calls above.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(descriptor, buffer, count) }
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func renamePath(_ source: String, _ target: String) -> Int32 { rename(source, target) }
