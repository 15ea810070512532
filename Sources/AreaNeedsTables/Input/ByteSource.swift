/// A stream of bytes the reader pulls from: a file, or a gzip decoder over one.
protocol ByteSource: AnyObject {
    /// Fills the start of `buffer` and returns how many bytes it wrote; 0 means the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(TableError) -> Int
}

/// Opens `path` for reading, decompressing when the file starts with the gzip magic bytes
/// (1f 8b): the content decides, never the file name. Also returns the file itself, which
/// knows how much of it has been read.
func openInput(path: String, decompressedLimit: Int) throws(TableError) -> (source: ByteSource, file: FileInput) {
    let file = try FileInput(path: path)
    let magic = try file.peek(count: 2)
    if magic == [0x1f, 0x8b] {
        return (try GzipDecoder(source: file, path: path, limit: decompressedLimit), file)
    }
    return (file, file)
}
