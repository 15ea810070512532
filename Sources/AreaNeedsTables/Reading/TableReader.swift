#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a CSV table as government publishers ship it, streaming, in constant memory.
///
/// - Input may be plain or gzip-compressed (told apart by the content), UTF-8 with or
///   without a byte order mark (or Windows-1252, when `ReadOptions.encoding` says), with
///   LF or CRLF line ends or a mix of the two, or with the CR line ends of old Mac software.
/// - Or a sheet of an Excel workbook (`ReadOptions.sheet`), read as Excel would save it as
///   CSV (`Workbook`): everything below works the same, a line being a row of the sheet,
///   and Excel's error values (`#N/A`, `#DIV/0!`...) read as missing values.
/// - Title and blank rows above the header are skipped; see `HeaderLocation`.
/// - Below the data, short rows with a single entry ("Note A: ...", "Source: ...") are
///   notes: they are kept in `notes` and not handed out as records. A data row after
///   the notes have begun is an error. Blank rows anywhere are skipped.
/// - A data row must have a field for every named column; extra fields must be empty.
///
/// Errors name the file, line and column, and show the offending text.
///
///     let reader = try TableReader(path: "fuel-poverty.csv")
///     let code = try reader.header.column("LSOA Code")
///     try reader.forEachRecord { record in print(record.text(code)) }
public final class TableReader {
    /// The file being read.
    public let path: String
    /// The sheet being read, when the file is a workbook.
    public let sheet: String?
    /// The header row.
    public private(set) var header: TableHeader
    /// The line the header row starts on.
    public private(set) var headerLine = 0
    /// Rows of notes found below the data, with their lines: the first `maxNotesKept`.
    public private(set) var notes: [(line: Int, text: String)] = []
    /// How many rows of notes were found, kept or not.
    public private(set) var noteCount = 0
    /// At most this many notes are kept, so a file of a million one-field rows below its
    /// data costs no memory.
    public static let maxNotesKept = 100
    /// How many rows of empty fields (",,,") were skipped below the header. Empty lines
    /// are not rows at all and are not counted.
    public private(set) var blankRowsSkipped = 0
    /// Called as input is consumed, with bytes read from the file and the file's size.
    public var onProgress: ((_ bytesRead: Int, _ fileSize: Int) -> Void)?

    private let options: ReadOptions
    private let source: ByteSource
    private let bytesRead: () -> Int
    /// The file's size in bytes (compressed, for gzip).
    public let fileSize: Int
    /// A constant, so that reaching it for every line and row costs no retain or release.
    private let tokenizer: CSVTokenizer
    /// The tokenizer's fields behind their plain pointer: each row read without a
    /// reference counted.
    private let fieldStorage: UnsafeMutablePointer<FieldStorage>
    /// What records share, behind a plain pointer (see `TableRecord`).
    private let context: UnsafeMutablePointer<ReadContext>
    private let buffer: UnsafeMutableRawBufferPointer
    private var bufferStart = 0
    private var bufferEnd = 0
    private var inputEnded = false
    private var finished = false
    private var bytesSeen = 0
    /// The byte that ends a line, for counting lines: LF, or CR in a file that has CRs
    /// and no LF in its first block (old Mac line ends). libcsv ends rows at either.
    private var lineBreak = UInt8.newline
    /// The length of the segment being fed, from `bufferStart`: the line (or part of one)
    /// a row is read from, for messages.
    private var currentSegmentLength = 0
    /// The line the previous data row began on: a row that begins on the same line was cut
    /// from it by a carriage return alone.
    private var previousRowLine = 0
    /// The line being fed to the parser, and the line the current record started on.
    private var line = 1
    private var recordLine = 1
    private var phase = Phase.seekingHeader
    private var namedWidth = 0
    /// The header's number of columns, named or not.
    private var headerWidth = 0
    private var notesBeganAt: Int?
    private var pendingRows: [(line: Int, fields: [[UInt8]])] = []
    private var body: ((TableRecord) throws -> Void)?
    private var stopError: (any Error)?

    private enum Phase { case seekingHeader, data }

    /// Opens the file and reads up to and including its header row.
    public init(path: String, options: ReadOptions = ReadOptions()) throws(TableError) {
        self.path = path
        self.options = options
        let opened = try openInput(path: path, options: options)
        source = opened.source
        bytesRead = opened.bytesRead
        fileSize = opened.size
        sheet = opened.sheet
        let markers = options.extraMissingMarkers + (sheet == nil ? [] : TableReader.excelErrorValues)
        context = .allocate(capacity: 1)
        context.initialize(to: ReadContext(path: path, sheet: sheet, numbers: NumberParser(extraMissingMarkers: markers)))
        header = TableHeader(names: [], file: path, sheet: sheet)
        buffer = .allocate(byteCount: 1 << 18, alignment: 16)
        tokenizer = CSVTokenizer(limits: options.limits, splitsPlainLines: options.splitsPlainLines)
        fieldStorage = tokenizer.fields.storage
        tokenizer.send(to: self)
        do {
            try pump()
        } catch {
            throw error as! TableError  // before the header, only the reader itself throws
        }
        guard phase == .data else { throw missingHeaderError() }
    }

    /// The parser the reader reads numbers with: the standard markers, the caller's own and,
    /// in a sheet, Excel's error values; for a caller that keeps a field's text and reads it
    /// as a number later.
    public var numbers: NumberParser { context.pointee.numbers }

    deinit {
        buffer.deallocate()
        context.deinitialize(count: 1)
        context.deallocate()
    }

    /// The values Excel shows for a formula that has none: missing values in a sheet.
    static let excelErrorValues = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"]

    /// Calls `body` with each data row in order. A record is valid only during the call.
    /// Stops at the first error, from the file or from `body`, and throws it.
    public func forEachRecord(_ body: (TableRecord) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            self.body = body
            defer { self.body = nil }
            let pending = pendingRows
            pendingRows = []
            let replay = FieldBuffer()
            for row in pending {
                replay.removeAll()
                for field in row.fields { field.withUnsafeBytes(replay.append) }
                try body(TableRecord(line: row.line, fields: replay.view, context: UnsafePointer(context)))
            }
            try pump()
        }
    }

    /// Splits from each row only the fields up to `column`, when no later column is read:
    /// the later fields of a row are counted, to check the row's width, and split only if
    /// a record is asked for one. The published census tables have dozens of columns, of
    /// which a source reads two or three. Rows of another width than the header's, and rows
    /// with quotes, are split whole as ever.
    public func readFields(upTo column: TableColumn) {
        // Not once the notes have begun (in rows read with the header): see handleDataRow.
        guard notesBeganAt == nil else { return }
        fieldStorage.pointee.splitLimit = column.index + 1
        fieldStorage.pointee.expectedCounts = max(namedWidth, 1)...max(headerWidth, 1)
    }

    /// Reads every data row into text fields: for small tables and tests.
    public func readAll() throws -> [[String]] {
        var rows: [[String]] = []
        try forEachRecord { rows.append($0.texts) }
        return rows
    }

    // MARK: - Feeding the parser

    /// Feeds input until the header is found (while seeking it) or the input ends.
    private func pump() throws {
        let seeking = phase == .seekingHeader
        while !finished {
            if seeking && phase == .data { return }
            try feedSegment()
            if let stopError { throw stopError }
        }
    }

    /// Feeds the parser up to the next line break (or the end of the buffer).
    private func feedSegment() throws {
        if bufferStart == bufferEnd {
            try refill()
            if bufferStart == bufferEnd {
                finished = true
                if tokenizer.isBetweenRows { recordLine = line }
                if !tokenizer.finish() {
                    stopError = error(.unterminatedQuote, line: recordLine, column: tokenizer.fields.count + 1)
                }
                noteFieldProblem()
                return
            }
        }
        let available = UnsafeRawBufferPointer(rebasing: buffer[bufferStart..<bufferEnd])
        let segmentLength: Int
        let endsLine: Bool
        if let newline = memchr(available.baseAddress!, Int32(lineBreak), available.count) {
            segmentLength = available.baseAddress!.distance(to: UnsafeRawPointer(newline)) + 1
            endsLine = true
        } else {
            segmentLength = available.count
            endsLine = false
        }
        let segment = UnsafeRawBufferPointer(rebasing: available[0..<segmentLength])
        currentSegmentLength = segment.count
        if tokenizer.isBetweenRows { recordLine = line }

        if !tokenizer.feed(segment) {
            stopError = error(.malformedQuote, line: line, column: tokenizer.fields.count + 1,
                              text: String(decoding: segment, as: UTF8.self))
        }
        noteFieldProblem()
        if let error = stopError as? TableError, case .raggedRow = error.kind, let stray = strayCarriageReturn() { stopError = stray }
        if stopError == nil, tokenizer.pendingFieldBytes > options.limits.maxFieldBytes {
            stopError = error(.fieldTooLarge(limit: options.limits.maxFieldBytes), line: recordLine,
                              column: tokenizer.fields.count + 1)
        }
        bufferStart += segmentLength
        if endsLine { line += 1 }
    }

    private func refill() throws(TableError) {
        guard !inputEnded else { return }
        let target = UnsafeMutableRawBufferPointer(rebasing: buffer[...])
        var got = try source.read(into: target)
        // The first read must be long enough to recognise a byte order mark.
        while bytesSeen == 0, got > 0, got < 4 {
            let more = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[got...]))
            if more == 0 { break }
            got += more
        }
        bufferStart = 0
        bufferEnd = got
        if got == 0 {
            inputEnded = true
            if bytesSeen == 0 { throw TableError(.emptyFile, file: path, sheet: sheet) }
            return
        }
        if bytesSeen == 0 {
            try skipByteOrderMark()
            let first = UnsafeRawBufferPointer(rebasing: buffer[0..<got])
            if memchr(first.baseAddress!, Int32(UInt8.newline), got) == nil,
               memchr(first.baseAddress!, Int32(UInt8.carriageReturn), got) != nil {
                lineBreak = .carriageReturn
            }
        }
        bytesSeen += got
        onProgress?(bytesRead(), fileSize)
    }

    /// Skips a UTF-8 byte order mark, and refuses what is plainly not CSV text.
    private func skipByteOrderMark() throws(TableError) {
        let start = Array(UnsafeRawBufferPointer(rebasing: buffer[0..<min(bufferEnd, 4)]))
        if start.starts(with: [0xEF, 0xBB, 0xBF]) {
            bufferStart = 3
        } else if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) {
            throw TableError(.unreadable(reason: "the file is UTF-16 text; save it as CSV UTF-8"), file: path)
        } else if start.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            // A zip archive inside gzip (a bare one is read as a workbook by `openInput`).
            throw TableError(.notText(reason: "it is a zip archive compressed with gzip; decompress it, and name its sheet with `sheet:` if it is an Excel workbook"), file: path)
        }
    }

    // MARK: - Rows and fields

    /// Turns a problem the tokenizer found in a field into the reader's error.
    private func noteFieldProblem() {
        guard let problem = tokenizer.fieldProblem, stopError == nil else { return }
        stopError = error(problem.kind, line: recordLine, column: problem.index + 1, text: problem.text)
    }

    /// Called by the tokenizer when a row is complete; its `fields` hold the row until
    /// this returns. Returning false stops the parse.
    func handleRow() -> Bool {
        defer { recordLine = line }
        switch phase {
        case .seekingHeader: return seekHeader()
        case .data: return handleDataRow()
        }
    }

    private func seekHeader() -> Bool {
        let fields = tokenizer.fields
        let found: Bool
        switch options.header {
        case .automatic:
            found = fields.nonEmptyCount >= 2
        case .line(let wanted):
            if recordLine > wanted {
                stopError = TableError(.headerLineMissing(line: wanted), file: path, sheet: sheet, line: recordLine)
                return false
            }
            found = recordLine == wanted
        case .containing(let names):
            let candidate = TableHeader(names: fields.strings(), file: path, sheet: sheet)
            found = names.allSatisfy(candidate.contains)
        }
        if found {
            header = TableHeader(names: fields.strings(), file: path, sheet: sheet)
            headerLine = recordLine
            namedWidth = header.namedWidth
            headerWidth = header.names.count
            phase = .data
            return true
        }
        if recordLine >= options.limits.headerSearchLines {
            stopError = missingHeaderError()
            return false
        }
        return true
    }

    private func handleDataRow() -> Bool {
        if recordLine == previousRowLine, let stray = strayCarriageReturn() {
            stopError = stray
            return false
        }
        previousRowLine = recordLine
        let fields = FieldView(fieldStorage)
        if fields.byteCount == 0 {
            blankRowsSkipped += 1
            return true
        }
        let isNote = fields.count < namedWidth && namedWidth > 1 && fields.nonEmptyCount <= 1
        if let notesBeganAt {
            guard isNote else {
                stopError = error(.dataAfterNotes(notesBeganAt: notesBeganAt), line: recordLine, text: rowText())
                return false
            }
            keepNote()
            return true
        }
        if isNote {
            notesBeganAt = recordLine
            // A data row after the notes is an error that shows the row whole: from here on,
            // rows are split whole (`readFields(upTo:)`).
            fieldStorage.pointee.splitLimit = .max
            keepNote()
            return true
        }
        if fields.count < namedWidth {
            stopError = error(.raggedRow(expected: namedWidth, found: fields.count), line: recordLine, text: rowText())
            return false
        }
        if fields.count > headerWidth {
            for index in headerWidth..<fields.count where !fields.field(index).isEmpty {
                stopError = error(.raggedRow(expected: headerWidth, found: fields.count), line: recordLine,
                                  column: index + 1, text: rowText())
                return false
            }
        }
        guard let body else {
            // Rows that arrive while the header is read in `init`, before any caller.
            pendingRows.append((recordLine, (0..<fields.count).map { Array(fields.field($0)) }))
            return true
        }
        do {
            try body(TableRecord(line: recordLine, fields: fields, context: UnsafePointer(context)))
            return true
        } catch {
            stopError = error
            return false
        }
    }

    private func keepNote() {
        noteCount += 1
        if notes.count < TableReader.maxNotesKept { notes.append((recordLine, rowText())) }
    }

    // MARK: - Errors

    /// A carriage return alone inside a line of a file whose lines end in LF ends the row
    /// there (libcsv reads it as a line end), so the line reads as a short row and the
    /// rest as another row, or a note: said as what it is, not as a row short of fields.
    /// Nil when the segment being fed holds no such carriage return.
    private func strayCarriageReturn() -> TableError? {
        guard lineBreak == .newline else { return nil }
        let segment = UnsafeRawBufferPointer(rebasing: buffer[bufferStart..<(bufferStart + currentSegmentLength)])
        guard let position = segment.indices.dropLast().first(where: { segment[$0] == .carriageReturn && segment[$0 + 1] != .newline })
        else { return nil }
        return TableError(.strayCarriageReturn(byteOffset: position), file: path, line: line,
                          text: String(decoding: segment, as: UTF8.self))
    }

    private func rowText() -> String {
        tokenizer.fields.strings().joined(separator: ",")
    }

    private func error(_ kind: TableError.Kind, line: Int, column: Int? = nil, text: String? = nil) -> TableError {
        let name = column.flatMap { phase == .data && $0 <= header.names.count ? header.names[$0 - 1] : nil }
        return TableError(kind, file: path, sheet: sheet, line: line, column: column, columnName: name?.isEmpty == true ? nil : name, text: text)
    }

    private func missingHeaderError() -> TableError {
        switch options.header {
        case .line(let wanted):
            return TableError(.headerLineMissing(line: wanted), file: path, sheet: sheet)
        case .containing(let names):
            return TableError(.headerNotFound(expected: names, linesSearched: min(line, options.limits.headerSearchLines)), file: path, sheet: sheet)
        case .automatic:
            return TableError(.headerNotFound(expected: [], linesSearched: min(line, options.limits.headerSearchLines)), file: path, sheet: sheet)
        }
    }
}
