#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the XML of a worksheet into CSV text as its events arrive, one line per sheet row,
/// so that the table reader reads a sheet exactly as it reads a CSV file, and line numbers
/// are row numbers.
///
/// - Rows the sheet leaves out (empty rows) become empty lines; cells it leaves out, empty
///   fields (a cell's reference, "D7", gives its column).
/// - A row ends at its last cell with a value, as the sheet stores it; but a row of two or
///   more values is padded with empty fields to the widest row so far, so that a data row
///   whose last cells are empty is not short of fields. Title rows and notes, a single
///   value each, stay short, and read as titles and notes do in a CSV file.
/// - Text (shared, inline, or a formula's string result) is written as it is; numbers as
///   the shortest text that reads back exactly; booleans as TRUE and FALSE; errors
///   (`#N/A`) as written, which the reader takes as missing values; numbers in a date
///   format as ISO dates ("2023-04-01"). A formula cell gives its cached result.
final class SheetCSVWriter: XMLEventHandler {
    /// The state, a value behind a plain pointer that the events change in place: reached
    /// with no run-time exclusivity check, which would cost a tenth of the parse.
    private let cells: UnsafeMutablePointer<SheetCells>

    init(file: String, sheet: String, strings: SharedStrings?, styles: CellStyles, uses1904: Bool, limits: ReadLimits,
         deliver: @escaping ([UInt8]) -> Bool) {
        cells = .allocate(capacity: 1)
        cells.initialize(to: SheetCells(file: file, sheet: sheet, strings: strings, styles: styles, uses1904: uses1904,
                                        limits: limits, deliver: deliver))
    }

    deinit {
        cells.deinitialize(count: 1)
        cells.deallocate()
    }

    /// Delivers what is left; call after the last event.
    func finish() {
        if !stopped { cells.pointee.finish() }
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        guard !stopped else { return }
        cells.pointee.startElement(name, attributes)
        if cells.pointee.failed { failure = cells.pointee.problem }
    }

    override func endElement(_ name: XMLName) {
        guard !stopped else { return }
        cells.pointee.endElement(name)
        if cells.pointee.failed { failure = cells.pointee.problem }
    }

    override func characters(_ bytes: UnsafeRawBufferPointer) {
        guard !stopped else { return }
        cells.pointee.characters(bytes)
        if cells.pointee.failed { failure = cells.pointee.problem }
    }
}

/// What `SheetCSVWriter` keeps between events, and what it does with each.
private struct SheetCells {
    /// The problem found, if any; `failed` says so without copying it.
    private(set) var problem: TableError?
    private(set) var failed = false
    /// The CSV made so far and not yet delivered.
    private var output: [UInt8] = []
    /// Takes the CSV made so far (at least `chunkSize` bytes, or the last) and returns
    /// whether to go on.
    private let deliver: ([UInt8]) -> Bool
    private let chunkSize = 1 << 18
    private let file: String
    private let sheet: String
    private let strings: SharedStrings?
    private let styles: CellStyles
    private let uses1904: Bool
    private let limits: ReadLimits

    private var inSheetData = false
    /// The lines written: the rows up to this number are done.
    private var linesWritten = 0
    private var row = 0
    /// The fields written in the current row (the column of its last cell so far).
    private var fieldsWritten = 0
    /// The cells with a value in the current row.
    private var valuesInRow = 0
    /// The widest row so far, in fields.
    private var width = 0

    private var column = 0
    private var type = CellType.number
    private var style = 0
    private var text: [UInt8] = []
    private var collecting = false
    private var inInlineString = false
    private var inPhonetic = false

    private enum CellType { case number, sharedString, inlineString, formulaString, boolean, error, date }

    init(file: String, sheet: String, strings: SharedStrings?, styles: CellStyles, uses1904: Bool, limits: ReadLimits,
         deliver: @escaping ([UInt8]) -> Bool) {
        self.file = file
        self.sheet = sheet
        self.strings = strings
        self.styles = styles
        self.uses1904 = uses1904
        self.limits = limits
        self.deliver = deliver
        output.reserveCapacity(chunkSize + (1 << 16))
    }

    /// Delivers what is left.
    mutating func finish() {
        if !output.isEmpty { _ = deliver(output) }
        output.removeAll()
    }

    // MARK: - Events

    mutating func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("c") {
            guard inSheetData else { return }
            startCell(attributes)
        } else if name.is("v") {
            collecting = true
        } else if name.is("t") {
            collecting = inInlineString && !inPhonetic
        } else if name.is("row") {
            guard inSheetData else { return }
            startRow(attributes)
        } else if name.is("is") {
            inInlineString = true
        } else if name.is("rPh") {
            inPhonetic = true
        } else if name.is("sheetData") {
            inSheetData = true
        }
    }

    mutating func endElement(_ name: XMLName) {
        if name.is("v") || name.is("t") {
            collecting = false
        } else if name.is("c") {
            if inSheetData { endCell() }
        } else if name.is("row") {
            if inSheetData { endRow() }
        } else if name.is("is") {
            inInlineString = false
        } else if name.is("rPh") {
            inPhonetic = false
        } else if name.is("sheetData") {
            inSheetData = false
        }
    }

    mutating func characters(_ bytes: UnsafeRawBufferPointer) {
        guard collecting else { return }
        if text.count + bytes.count > limits.maxFieldBytes {
            fail(.fieldTooLarge(limit: limits.maxFieldBytes), column: column)
            return
        }
        text.append(contentsOf: bytes)
    }

    // MARK: - Rows and cells

    private mutating func startRow(_ attributes: XMLAttributes) {
        let number = attributes.integer("r") ?? row + 1
        guard number > row else {
            return fail(.corruptWorkbook(reason: "row \(number) comes after row \(row)"), column: nil, row: row)
        }
        // Rows the sheet leaves out are empty lines.
        let missing = number - 1 - linesWritten
        if missing > 0 { output.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: missing)) }
        linesWritten = number - 1
        row = number
        fieldsWritten = 0
        valuesInRow = 0
    }

    private mutating func startCell(_ attributes: XMLAttributes) {
        let number = attributes.value("r").flatMap(SheetColumn.number(ofReference:)) ?? fieldsWritten + 1
        guard number > fieldsWritten else {
            return fail(.corruptWorkbook(reason: "cell \(SheetColumn.letters(number))\(row) comes after column \(SheetColumn.letters(fieldsWritten))"),
                        column: nil)
        }
        guard number <= limits.maxFieldsPerRow else {
            return fail(.tooManyFields(limit: limits.maxFieldsPerRow), column: number)
        }
        column = number
        style = attributes.integer("s") ?? 0
        type = .number
        if let kind = attributes.value("t"), let first = kind.first {
            switch first {
            case UInt8(ascii: "s"): type = kind.count == 1 ? .sharedString : .formulaString
            case UInt8(ascii: "i"): type = .inlineString
            case UInt8(ascii: "b"): type = .boolean
            case UInt8(ascii: "e"): type = .error
            case UInt8(ascii: "d"): type = .date
            default: type = .number
            }
        }
        text.removeAll(keepingCapacity: true)
    }

    private mutating func endCell() {
        // A cell with no value (only a style) is an empty field: the padding writes it.
        guard !text.isEmpty else { return }
        let commas = fieldsWritten == 0 ? column - 1 : column - fieldsWritten
        output.append(contentsOf: repeatElement(UInt8(ascii: ","), count: commas))
        fieldsWritten = column
        valuesInRow += 1
        // The text is moved out while it is written, so that writing may change `self`.
        var value: [UInt8] = []
        swap(&value, &text)
        value.withUnsafeBytes { writeValue($0) }
        swap(&value, &text)
        if output.count >= chunkSize { deliverOutput() }
    }

    private mutating func endRow() {
        if valuesInRow >= 2, fieldsWritten < width {
            output.append(contentsOf: repeatElement(UInt8(ascii: ","), count: width - fieldsWritten))
        }
        width = max(width, fieldsWritten)
        output.append(UInt8(ascii: "\n"))
        linesWritten = row
        if output.count >= chunkSize { deliverOutput() }
    }

    private mutating func writeValue(_ value: UnsafeRawBufferPointer) {
        switch type {
        case .sharedString:
            writeSharedString(value)
        case .inlineString, .formulaString, .error:
            CSVField.append(value, to: &output)
        case .boolean:
            let isTrue = value.count == 1 && value[0] == UInt8(ascii: "1")
            output.append(contentsOf: isTrue ? Array("TRUE".utf8) : Array("FALSE".utf8))
        case .date:
            // An ISO 8601 date written as text (`t="d"`): midnight is the date alone.
            let suffix = "T00:00:00"
            if value.count > suffix.count, value.suffix(suffix.count).elementsEqual(suffix.utf8) {
                CSVField.append(UnsafeRawBufferPointer(rebasing: value.dropLast(suffix.count)), to: &output)
            } else {
                CSVField.append(value, to: &output)
            }
        case .number:
            writeNumber(value)
        }
    }

    private mutating func writeSharedString(_ value: UnsafeRawBufferPointer) {
        guard let strings, strings.count > 0 else {
            return fail(.corruptWorkbook(reason: "the cell is a shared string, but the workbook has no shared strings part"), column: column)
        }
        guard let index = parseDigits(value), !strings.isOversized(index) else {
            if let index = parseDigits(value), strings.isOversized(index) {
                return fail(.fieldTooLarge(limit: limits.maxFieldBytes), column: column)
            }
            return fail(.corruptWorkbook(reason: "the cell names shared string \(String(decoding: value, as: UTF8.self)), which does not exist"), column: column)
        }
        let found: Void?
        do {
            found = try strings.withField(index) { output.append(contentsOf: $0) }
        } catch {
            return stop(error)
        }
        if found == nil {
            fail(.corruptWorkbook(reason: "the cell names shared string \(index), of \(strings.count)"), column: column)
        }
    }

    /// A number as the shortest text that reads back exactly, or a date in a date style.
    private mutating func writeNumber(_ value: UnsafeRawBufferPointer) {
        let isDate = styles.isDate(style: style)
        if !isDate, isPlainInteger(value) {
            output.append(contentsOf: value)
            return
        }
        guard let number = parseDouble(value) else {
            CSVField.append(value, to: &output)
            return
        }
        if isDate, let date = ExcelDate.text(serial: number, uses1904: uses1904) {
            output.append(contentsOf: date.utf8)
        } else {
            NumberText.append(number, to: &output)
        }
    }

    /// Digits with an optional minus sign and no leading zero: already the shortest text.
    private func isPlainInteger(_ value: UnsafeRawBufferPointer) -> Bool {
        let digits = value.first == UInt8(ascii: "-") ? value.dropFirst() : value[...]
        guard let first = digits.first, digits.count <= 15, first != UInt8(ascii: "0") || digits.count == 1 else { return false }
        return digits.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
    }

    private func parseDouble(_ value: UnsafeRawBufferPointer) -> Double? {
        guard value.count < 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: value.count + 1) { buffer in
            for index in 0..<value.count { buffer[index] = CChar(bitPattern: value[index]) }
            buffer[value.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let number = strtod(buffer.baseAddress!, &end)
            guard end == buffer.baseAddress! + value.count, number.isFinite else { return nil }
            return number
        }
    }

    private mutating func deliverOutput() {
        if !deliver(output) { stop(TableError(.unreadable(reason: "the read was stopped"), file: file, sheet: sheet)) }
        output.removeAll(keepingCapacity: true)
    }

    private mutating func fail(_ kind: TableError.Kind, column: Int?, row: Int? = nil) {
        stop(TableError(kind, file: file, sheet: sheet, line: row ?? self.row, column: column))
    }

    private mutating func stop(_ error: TableError) {
        problem = error
        failed = true
        collecting = false
    }
}
