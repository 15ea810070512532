/// Bytes written to a temporary file beside `path`, renamed over it only by `commit()`.
///
/// Until the commit, `path` keeps its old content (or stays absent); an output that is
/// dropped without a commit removes its temporary file. Readers never see half a file.
final class FileOutput {
    let path: String
    private let temporaryPath: String
    private var descriptor: Int32?
    private var committed = false

    init(path: String) throws(TableError) {
        self.path = path
        temporaryPath = "\(path).partial-\(SystemCalls.processID)"
        do {
            descriptor = try SystemCalls.create(temporaryPath)
        } catch {
            throw TableError(writing: error, file: path)
        }
    }

    deinit {
        if let descriptor { try? SystemCalls.close(descriptor) }
        if !committed { try? SystemCalls.remove(temporaryPath) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(TableError) {
        guard let descriptor else { preconditionFailure("an output is not written after its commit") }
        do {
            try SystemCalls.write(descriptor, bytes)
        } catch {
            throw TableError(writing: error, file: path)
        }
    }

    /// Flushes to disk (when `durable`), then renames the file into place.
    func commit(durable: Bool) throws(TableError) {
        guard let descriptor else { preconditionFailure("an output is committed once") }
        self.descriptor = nil
        do {
            if durable { try SystemCalls.sync(descriptor) }
            try SystemCalls.close(descriptor)
            try SystemCalls.rename(temporaryPath, to: path)
        } catch {
            throw TableError(writing: error, file: path)
        }
        committed = true
    }
}
