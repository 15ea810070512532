/// A stream of bytes the reader pulls from: a file, or a gzip decoder over one.
protocol ByteSource: AnyObject {
    /// Fills the start of `buffer` and returns how many bytes it wrote; 0 means the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(TableError) -> Int
}

/// Opens `path` for reading, decompressing when the file starts with the gzip magic bytes
/// (1f 8b): the content decides, never the file name. Gzip is decompressed on a second
/// core while the caller parses. Also returns a way to ask how much of the file has been
/// read, for progress.
func openInput(path: String, decompressedLimit: Int) throws(TableError) -> (source: ByteSource, bytesRead: () -> Int, size: Int) {
    let file = try FileInput(path: path)
    let magic = try file.peek(count: 2)
    if magic == [0x1f, 0x8b] {
        let background = BackgroundSource(try GzipDecoder(source: file, path: path, limit: decompressedLimit), file: file)
        return (background, { background.fileBytesRead }, file.size)
    }
    return (file, { file.bytesRead }, file.size)
}
