/// A stream of bytes the reader pulls from: a file, a gzip decoder over one, a sheet of a
/// workbook made into CSV text.
protocol ByteSource: AnyObject {
    /// Fills the start of `buffer` and returns how many bytes it wrote; 0 means the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(TableError) -> Int
}

/// An input opened for the table reader.
struct OpenedInput {
    /// The CSV text, as UTF-8.
    var source: ByteSource
    /// How much of the input has been read, for progress, out of `size`.
    var bytesRead: () -> Int
    /// The file's size; for a sheet, the size of its XML.
    var size: Int
    /// The sheet read, when the file is a workbook.
    var sheet: String?
}

/// Opens `path` for reading as CSV text; the content decides what it is, never the file
/// name. Gzip (1f 8b) is decompressed on a second core while the caller parses. A zip
/// archive is read as an Excel workbook, whose sheet `options.sheet` names (`Workbook`);
/// the old binary Excel format, encrypted workbooks and OpenDocument spreadsheets are
/// refused with what to do. Text in another encoding than UTF-8 is transcoded.
func openInput(path: String, options: ReadOptions) throws(TableError) -> OpenedInput {
    let file = try FileInput(path: path)
    let kind = FileKind(magic: try file.peek(count: 8))
    switch kind {
    case .zip:
        let workbook = try Workbook(path: path, limits: options.limits)
        guard let choice = options.sheet else {
            throw TableError(.sheetNotChosen(sheets: workbook.sheets.map(\.name)), file: path)
        }
        let sheet = try workbook.sheet(choice)
        let source = SheetSource.open(sheet, of: workbook)
        return OpenedInput(source: source, bytesRead: { source.fileBytesRead }, size: sheet.xmlBytes ?? 0, sheet: sheet.name)
    case .compoundFile:
        throw try FileKind.compoundFileError(file)
    case .gzip, .text:
        if options.sheet != nil {
            throw TableError(.notAWorkbook(reason: kind == .gzip ? "it is gzip-compressed" : "it is not a zip archive"), file: path)
        }
    }
    var source: ByteSource = file
    var bytesRead = { file.bytesRead }
    if kind == .gzip {
        let background = BackgroundSource(try GzipDecoder(source: file, path: path, limit: options.limits.maxDecompressedBytes), file: file)
        source = background
        bytesRead = { background.fileBytesRead }
    }
    if options.encoding == .windows1252 { source = Windows1252Decoder(source: source) }
    return OpenedInput(source: source, bytesRead: bytesRead, size: file.size, sheet: nil)
}
