/// A workbook's shared strings (`xl/sharedStrings.xml`), which text cells point to by
/// index, kept as their CSV fields end to end: a sheet's text cells are then copied, not
/// escaped again.
///
/// The first `memoryBudget` bytes of them are held in memory; the rest go to a temporary
/// file (`SpillFile`) with the offsets where each ends, and are read back as cells use
/// them: a sheet of millions of distinct codes reads in the memory of a small one. Their
/// count and total size are limited (`ReadLimits.maxSharedStrings`,
/// `maxSharedStringBytes`). A string larger than a field may be is kept cut short and
/// marked, and refused where a cell uses it, so the error names the cell.
final class SharedStrings {
    /// The bytes of strings, and of their offsets, held in memory before the rest go to a
    /// temporary file.
    static let memoryBudget = 4 << 20

    private var fields: [UInt8] = []
    /// Where each string held in memory ends in `fields`.
    private var ends: [Int] = []
    /// The strings after those in memory, and where each ends in it (8 bytes each).
    private var spilled: (fields: SpillFile, ends: SpillFile)?
    private var oversized: Set<Int> = []
    private var scratch: [UInt8] = []
    private let memoryBudget: Int

    /// How many strings there are.
    private(set) var count = 0

    /// Reads the strings of `part`, holding at most `memoryBudget` bytes of them in memory.
    init(_ part: String, in archive: WorkbookArchive, limits: ReadLimits, memoryBudget: Int = SharedStrings.memoryBudget) throws(TableError) {
        self.memoryBudget = memoryBudget
        let handler = SharedStringsHandler(strings: self, limits: limits, file: archive.path)
        try WorkbookParts.parse(part, in: archive, with: handler, limit: limits.maxDecompressedBytes)
        try spilled?.fields.flush()
        try spilled?.ends.flush()
    }

    /// The CSV field of string `index`; nil when there is no such string.
    @inline(__always)
    func withField<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) throws(TableError) -> Result? {
        guard index >= 0, index < count else { return nil }
        if index < ends.count {
            let start = index == 0 ? 0 : ends[index - 1]
            return fields.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[index]])) }
        }
        return try withSpilledField(index - ends.count, body)
    }

    /// A string from the temporary file: where it ends (and where the one before ends),
    /// then its bytes.
    private func withSpilledField<Result>(_ position: Int, _ body: (UnsafeRawBufferPointer) -> Result) throws(TableError) -> Result {
        let (fieldFile, endFile) = spilled!
        let first = max(position - 1, 0)
        try endFile.read(at: first * 8, count: (position - first + 1) * 8, into: &scratch)
        let offsets = scratch.withUnsafeBytes { bytes in (0...(position - first)).map { bytes.loadUnaligned(fromByteOffset: $0 * 8, as: Int.self) } }
        let start = position == 0 ? 0 : offsets[0]
        let end = offsets[offsets.count - 1]
        try fieldFile.read(at: start, count: end - start, into: &scratch)
        return scratch.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<(end - start)])) }
    }

    /// Whether string `index` is larger than the field limit.
    func isOversized(_ index: Int) -> Bool {
        oversized.contains(index)
    }

    fileprivate func append(_ text: [UInt8], oversized isOversized: Bool) throws(TableError) {
        if isOversized { oversized.insert(count) }
        count += 1
        if spilled == nil, fields.count + text.count * 2 + ends.count * 8 <= memoryBudget {
            text.withUnsafeBytes { CSVField.append($0, to: &fields) }
            ends.append(fields.count)
            return
        }
        if spilled == nil { spilled = (try SpillFile(), try SpillFile()) }
        scratch.removeAll(keepingCapacity: true)
        text.withUnsafeBytes { CSVField.append($0, to: &scratch) }
        try spilled!.fields.append(scratch)
        try spilled!.ends.append(spilled!.fields.size)
    }

    fileprivate var byteCount: Int { fields.count + (spilled?.fields.size ?? 0) }
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
            do {
                try strings.append(text, oversized: isOversized)
            } catch {
                failure = error
                return
            }
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
