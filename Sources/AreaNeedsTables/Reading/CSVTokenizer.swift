internal import CCSV

/// The libcsv parser, fed a segment at a time, collecting each row's fields into a reused
/// buffer and checking each field against the read limits and UTF-8 as it arrives.
///
/// Strict mode is on: a stray quote is an error, not a guess. libcsv trims spaces and tabs
/// around unquoted fields; quoted fields keep them. A plain line (`PlainLine`: nearly every
/// line) is split without libcsv, to the same fields, unless `splitsPlainLines` is off.
final class CSVTokenizer {
    /// What was wrong with a field, found as it arrived.
    struct FieldProblem {
        var kind: TableError.Kind
        /// 0-based position of the field in its row.
        var index: Int
        var text: String?
    }

    let fields: FieldBuffer
    /// The first problem found in a field; the parse stops there.
    fileprivate(set) var fieldProblem: FieldProblem?
    /// True once the parse was stopped; libcsv's remaining callbacks are then ignored.
    var isStopped: Bool { callbackState.pointee.isStopped }

    /// The reader the rows go to (`TableReader.handleRow`), set once, right after both
    /// exist: the reader owns the tokenizer. Unmanaged, so that handing over a row
    /// retains nothing.
    private var reader: Unmanaged<TableReader>?
    private let parser: UnsafeMutablePointer<csv_parser>
    private let callbackState: UnsafeMutablePointer<CallbackState>
    private let splitsPlainLines: Bool

    func send(to reader: TableReader) {
        self.reader = Unmanaged.passUnretained(reader)
    }

    init(limits: ReadLimits, splitsPlainLines: Bool = true) {
        self.splitsPlainLines = splitsPlainLines
        fields = FieldBuffer(limits: limits)
        parser = .allocate(capacity: 1)
        parser.initialize(to: csv_parser())
        csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
        // libcsv grows its field buffer by this much at a time; the default (128) makes
        // long fields slow.
        csv_set_blk_size(parser, 1 << 16)
        callbackState = .allocate(capacity: 1)
        callbackState.initialize(to: CallbackState(fields: fields.storage, tokenizer: nil))
        callbackState.pointee.tokenizer = Unmanaged.passUnretained(self)
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        callbackState.deallocate()
    }

    /// True when no row has begun: the next byte fed starts a new record.
    var isBetweenRows: Bool { areaneeds_csv_row_not_begun(parser) != 0 && fields.count == 0 }

    /// Bytes of the field libcsv is still collecting (not yet handed over).
    var pendingFieldBytes: Int { parser.pointee.entry_pos }

    /// Feeds bytes; returns false on a syntax error (a stray quote).
    ///
    /// A plain line fed between rows is split in place (`PlainLine`); anything else goes to
    /// libcsv, whose fields are checked as UTF-8 only when some byte fed since their row
    /// began is outside ASCII: one fast pass over the input spares the check on most fields.
    func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let betweenRows = isBetweenRows
        if splitsPlainLines, betweenRows {
            switch PlainLine.split(bytes, into: fields.storage) {
            case .row:
                receiveRowEnd(callbackState)
                return true
            case .blank:
                return true
            case .notPlain:
                break
            }
        }
        if betweenRows { callbackState.pointee.checksUTF8 = false }
        if !isASCII(bytes) { callbackState.pointee.checksUTF8 = true }
        let parsed = csv_parse(parser, bytes.baseAddress, bytes.count, fieldCallback, rowCallback, callbackState)
        return parsed == bytes.count || isStopped
    }

    /// Ends the input, flushing a last row that has no line break; false if a quote is left open.
    func finish() -> Bool {
        csv_fini(parser, fieldCallback, rowCallback, callbackState) == 0 || isStopped
    }

    fileprivate func acceptRow() {
        if reader?._withUnsafeGuaranteedRef({ $0.handleRow() }) == false { callbackState.pointee.isStopped = true }
        fields.removeAll()
    }

    /// The slow path of a field: a limit exceeded, or bytes to check as UTF-8.
    fileprivate func acceptUnusualField(_ bytes: UnsafeRawBufferPointer) {
        let storage = fields.storage
        let index = storage.pointee.count
        let kind: TableError.Kind
        var text: String?
        if index >= storage.pointee.maxFieldsPerRow {
            kind = .tooManyFields(limit: storage.pointee.maxFieldsPerRow)
        } else if bytes.count > storage.pointee.maxFieldBytes {
            kind = .fieldTooLarge(limit: storage.pointee.maxFieldBytes)
        } else if storage.pointee.byteCount + bytes.count > storage.pointee.maxRowBytes {
            kind = .rowTooLarge(limit: storage.pointee.maxRowBytes)
        } else if let offset = firstInvalidUTF8Offset(bytes) {
            kind = .invalidUTF8(byteOffset: offset, looksLike: Windows1252Decoder.looksLikeText(bytes) ? .windows1252 : nil)
            text = String(decoding: bytes, as: UTF8.self)
        } else {
            storage.pointee.append(bytes)
            return
        }
        fieldProblem = FieldProblem(kind: kind, index: index, text: text)
        callbackState.pointee.isStopped = true
    }
}

/// What libcsv's callbacks reach through their `void *` argument.
private struct CallbackState {
    let fields: UnsafeMutablePointer<FieldStorage>
    var tokenizer: Unmanaged<CSVTokenizer>?
    var isStopped = false
    /// Whether fields must be checked as UTF-8 (see `feed`).
    var checksUTF8 = false
}

// libcsv calls these for every field and row, and the plain line splitter calls what they
// call. They reach the tokenizer's state through plain pointers: no retain, release or
// exclusivity check per field.
private func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    receiveField(UnsafeRawBufferPointer(start: data, count: length), context!.assumingMemoryBound(to: CallbackState.self))
}

private func rowCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    receiveRowEnd(context!.assumingMemoryBound(to: CallbackState.self))
}

@inline(__always)
private func receiveField(_ bytes: UnsafeRawBufferPointer, _ state: UnsafeMutablePointer<CallbackState>) {
    guard !state.pointee.isStopped else { return }
    let fields = state.pointee.fields
    if _fastPath(fields.pointee.accepts(length: bytes.count) && !state.pointee.checksUTF8) {
        fields.pointee.append(bytes)
        return
    }
    state.pointee.tokenizer!._withUnsafeGuaranteedRef { $0.acceptUnusualField(bytes) }
}

@inline(__always)
private func receiveRowEnd(_ state: UnsafeMutablePointer<CallbackState>) {
    guard !state.pointee.isStopped else { return }
    state.pointee.tokenizer!._withUnsafeGuaranteedRef { $0.acceptRow() }
}
