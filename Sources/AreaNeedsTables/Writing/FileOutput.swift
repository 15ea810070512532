#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes written to a temporary file beside `path`, renamed over it only by `commit()`.
///
/// Until the commit, `path` keeps its old content (or stays absent); an output that is
/// dropped without a commit removes its temporary file. Readers never see half a file.
final class FileOutput {
    let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var committed = false

    init(path: String) throws(TableError) {
        self.path = path
        temporaryPath = "\(path).partial-\(getpid())"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw TableError(.unwritable(reason: systemMessage(errno)), file: path)
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if !committed { unlink(temporaryPath) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(TableError) {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw TableError(.unwritable(reason: systemMessage(errno)), file: path)
            }
            offset += written
        }
    }

    /// Flushes to disk (when `durable`), then renames the file into place.
    func commit(durable: Bool) throws(TableError) {
        if durable, fsync(descriptor) != 0 {
            throw TableError(.unwritable(reason: systemMessage(errno)), file: path)
        }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw TableError(.unwritable(reason: systemMessage(errno)), file: path) }
        guard rename(temporaryPath, path) == 0 else {
            throw TableError(.unwritable(reason: systemMessage(errno)), file: path)
        }
        committed = true
    }
}

/// `write(2)`, named apart from the `write` method.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
