/// A workbook's shared strings (`xl/sharedStrings.xml`), which text cells point to by
/// index, kept as their CSV fields end to end in one array: a sheet's text cells are then
/// copied, not escaped again.
///
/// Their count and total size are limited (`ReadLimits.maxSharedStrings`,
/// `maxSharedStringBytes`), as they must be held in memory. A string larger than a field
/// may be is kept cut short and marked, and refused where a cell uses it, so the error
/// names the cell.
final class SharedStrings {
    private var fields: [UInt8] = []
    private var ends: [Int] = []
    private var oversized: Set<Int> = []

    /// How many strings there are.
    var count: Int { ends.count }

    /// Reads the strings of `part`.
    init(_ part: String, in archive: WorkbookArchive, limits: ReadLimits) throws(TableError) {
        let handler = SharedStringsHandler(strings: self, limits: limits, file: archive.path)
        try WorkbookParts.parse(part, in: archive, with: handler, limit: limits.maxDecompressedBytes)
    }

    /// No strings: for a workbook without the part.
    init() {}

    /// The CSV field of string `index`; nil when there is no such string or it is larger
    /// than a field may be (`isOversized`).
    @inline(__always)
    func withField<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
        guard index >= 0, index < ends.count else { return nil }
        let start = index == 0 ? 0 : ends[index - 1]
        return fields.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[index]])) }
    }

    /// Whether string `index` is larger than the field limit.
    func isOversized(_ index: Int) -> Bool {
        oversized.contains(index)
    }

    fileprivate func append(_ text: [UInt8], oversized isOversized: Bool) {
        if isOversized { oversized.insert(ends.count) }
        text.withUnsafeBytes { CSVField.append($0, to: &fields) }
        ends.append(fields.count)
    }

    fileprivate var byteCount: Int { fields.count }
}

/// `xl/sharedStrings.xml`: each `<si>` is a string, its text in `<t>` or in rich-text runs
/// (`<r><t>`), which are joined; phonetic guides (`<rPh>`) are not part of the text.
private final class SharedStringsHandler: XMLEventHandler {
    let strings: SharedStrings
    let limits: ReadLimits
    let file: String
    private var text: [UInt8] = []
    private var collecting = false
    private var inPhonetic = false
    private var isOversized = false

    init(strings: SharedStrings, limits: ReadLimits, file: String) {
        self.strings = strings
        self.limits = limits
        self.file = file
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("t") {
            collecting = !inPhonetic
        } else if name.is("si") {
            text.removeAll(keepingCapacity: true)
            isOversized = false
        } else if name.is("rPh") {
            inPhonetic = true
        }
    }

    override func endElement(_ name: XMLName) {
        if name.is("t") {
            collecting = false
        } else if name.is("rPh") {
            inPhonetic = false
        } else if name.is("si"), !stopped {
            strings.append(text, oversized: isOversized)
            if strings.count > limits.maxSharedStrings {
                failure = TableError(.tooManySharedStrings(limit: limits.maxSharedStrings), file: file)
            } else if strings.byteCount > limits.maxSharedStringBytes {
                failure = TableError(.sharedStringsTooLarge(limit: limits.maxSharedStringBytes), file: file)
            }
        }
    }

    override func characters(_ bytes: UnsafeRawBufferPointer) {
        guard collecting, !isOversized else { return }
        if text.count + bytes.count > limits.maxFieldBytes {
            isOversized = true
            return
        }
        text.append(contentsOf: bytes)
    }
}
