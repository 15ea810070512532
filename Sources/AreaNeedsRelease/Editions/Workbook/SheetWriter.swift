import AreaNeedsCore
import AreaNeedsTables
import Foundation

/// One worksheet being written, row by row: the rows' XML is streamed to a file of its own
/// as they come, so a sheet of a million rows costs no more memory than one of ten, and the
/// columns' widths are measured on the way. What must come before the rows in the sheet's
/// XML (frozen panes, column widths) and after them (autofilter, merged cells) is made when
/// the sheet is finished, and the package puts the three together (`SheetPart`).
///
///     let sheet = try parts.sheet(named: "areas", file: "areas.xml")
///     sheet.startRow()
///     sheet.text("spa_code", style: .header)
///     try sheet.endRow()
///     let part = try sheet.finish()
final class SheetWriter {
    /// The most rows a sheet may have (Excel's limit).
    static let maxRows = 1_048_576
    /// The most characters a cell may hold (Excel's limit); longer text is cut.
    static let maxCellCharacters = 32_767

    let name: String
    /// The workbook's shared strings, which `sharedText` adds to.
    private let sharedStrings: SharedStrings
    private let bodyPath: String
    private let handle: FileHandle
    private var buffer = XMLBuffer(capacity: 1 << 20)
    private var bodyBytes = 0
    /// Rows written: the number of the last one.
    private(set) var rowCount = 0
    private var column = 0
    private var rowDigits: [UInt8] = []
    private var widths: [Double] = []
    private var merges: [String] = []

    /// Rows and columns kept in view when scrolling.
    var frozenRows = 0
    var frozenColumns = 0
    /// The header row of an autofilter over every column, if any.
    var filterRow: Int?
    /// Widths set by the sheet's maker, by column, instead of measured ones.
    var fixedWidths: [Int: Double] = [:]
    /// The widest a measured column grows; wrapped text fills the rest.
    var maxWidth = 60.0
    /// True for the sheet shown when the workbook opens.
    var selected = false

    init(name: String, bodyPath: String, sharedStrings: SharedStrings) throws(AreaNeedsError) {
        self.name = name
        self.sharedStrings = sharedStrings
        self.bodyPath = bodyPath
        do {
            // A new file, never one reached through a link.
            handle = try FileSystem.createNewFile(bodyPath)
        } catch {
            throw AreaNeedsError(.output, "\(bodyPath): cannot write the workbook's sheet \(name) (\(error))")
        }
    }

    deinit { try? handle.close() }

    // MARK: - Rows and cells

    /// Starts the next row; `height` in points, else the spreadsheet's default.
    func startRow(height: Double? = nil) {
        rowCount += 1
        column = 0
        rowDigits = Array(String(rowCount).utf8)
        buffer.raw("<row r=\"")
        buffer.raw(bytes: rowDigits)
        if let height { buffer.raw("\" ht=\"\(height)\" customHeight=\"1") }
        buffer.raw("\">")
    }

    /// Leaves `count` cells of the row empty: no cell is written for them.
    func skip(_ count: Int = 1) {
        column += count
    }

    /// A text cell, written in the cell: always a string, never a formula, whatever it
    /// begins with. `width`, in characters, is what the column needs for it; by default its
    /// longest line.
    func text(_ text: String, style: CellStyle = .plain, width: Double? = nil) {
        let text = SheetWriter.fitted(text)
        startCell(style, type: .inlineString)
        buffer.raw(XMLBuffer.needsPreservedSpace(text) ? "<is><t xml:space=\"preserve\">" : "<is><t>")
        buffer.text(text)
        buffer.raw("</t></is></c>")
        measure(width ?? SheetWriter.width(of: text))
        column += 1
    }

    /// A text cell that refers to the workbook's shared strings: for text that repeats
    /// down a column. As `text`, it is never a formula.
    func sharedText(_ text: String, style: CellStyle = .plain) {
        let text = SheetWriter.fitted(text)
        startCell(style, type: .sharedString)
        buffer.raw("<v>")
        buffer.number(sharedStrings.number(of: text))
        buffer.raw("</v></c>")
        measure(SheetWriter.width(of: text))
        column += 1
    }

    /// A number cell, shown in `style`'s number format.
    func number(_ value: Double, style: CellStyle) {
        startCell(style, type: .number)
        buffer.raw("<v>")
        buffer.raw(NumberText.format(value))
        buffer.raw("</v></c>")
        measure(SheetWriter.displayWidth(of: value, in: style))
        column += 1
    }

    /// A whole-number cell.
    func integer(_ value: Int, style: CellStyle) {
        startCell(style, type: .number)
        buffer.raw("<v>")
        buffer.number(value)
        buffer.raw("</v></c>")
        measure(SheetWriter.displayWidth(of: Double(value), in: style) + (style.quintile != nil ? 1 : 0))
        column += 1
    }

    /// A TRUE or FALSE cell.
    func boolean(_ value: Bool, style: CellStyle = .plain) {
        startCell(style, type: .boolean)
        buffer.raw(value ? "<v>1</v></c>" : "<v>0</v></c>")
        measure(5)
        column += 1
    }

    /// What a cell's `t` attribute says it holds.
    private enum CellType {
        case number, inlineString, sharedString, boolean

        /// The attribute, with its leading space: none for a number, the default.
        var attribute: String {
            switch self {
            case .number: ""
            case .inlineString: #" t="inlineStr""#
            case .sharedString: #" t="s""#
            case .boolean: #" t="b""#
            }
        }
    }

    /// `text`, cut to the most a cell may hold.
    private static func fitted(_ text: String) -> String {
        guard text.utf8.count > maxCellCharacters, text.utf16.count > maxCellCharacters else { return text }
        return String(text.utf16.prefix(maxCellCharacters)) ?? String(text.prefix(maxCellCharacters / 2))
    }

    /// The characters `text` takes on its longest line (counted in UTF-8 bytes, which is
    /// near enough for widths, unless it has line breaks).
    private static func width(of text: String) -> Double {
        Double(text.utf8.contains(0x0A) ? longestLine(text) : text.utf8.count)
    }

    /// Ends the row, writing the rows so far to the sheet's file once they fill a megabyte.
    func endRow() throws(AreaNeedsError) {
        buffer.raw("</row>")
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Merges cells `first...last` (0-based columns) of the current row into one.
    func mergeCells(from first: Int, to last: Int) {
        guard last > first else { return }
        merges.append(SheetWriter.reference(column: first, row: rowCount) + ":" + SheetWriter.reference(column: last, row: rowCount))
    }

    private func startCell(_ style: CellStyle, type: CellType) {
        buffer.raw("<c r=\"")
        buffer.raw(bytes: column < SheetWriter.letters.count ? SheetWriter.letters[column] : SheetWriter.columnLetters(column))
        buffer.raw(bytes: rowDigits)
        buffer.raw("\"")
        if style != .plain { buffer.raw(bytes: SheetWriter.styleAttributes[style.rawValue]) }
        buffer.raw(type.attribute)
        buffer.raw(">")
    }

    /// The letters of the first columns, worked out once.
    private static let letters = (0..<64).map(columnLetters)
    /// ` s="N"` for each style.
    private static let styleAttributes = CellStyle.all.map { Array(#" s="\#($0.rawValue)""#.utf8) }

    private func measure(_ characters: Double) {
        while widths.count <= column { widths.append(0) }
        if characters > widths[column] { widths[column] = characters }
    }

    private func flush() throws(AreaNeedsError) {
        do {
            try handle.write(contentsOf: Data(buffer.bytes))
        } catch {
            throw AreaNeedsError(.output, "\(bodyPath): cannot write the workbook's sheet \(name) (\(error.localizedDescription))")
        }
        bodyBytes += buffer.count
        buffer.removeAll()
    }

    // MARK: - Finishing

    /// Writes out the last rows and returns the sheet, ready to be packaged.
    func finish() throws(AreaNeedsError) -> SheetPart {
        try flush()
        try? handle.close()
        let columns = max(widths.count, (fixedWidths.keys.max() ?? -1) + 1, 1)
        let lastCell = SheetWriter.reference(column: columns - 1, row: max(rowCount, 1))
        var head = XMLBuffer()
        head.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        head.raw(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        head.raw(#"<dimension ref="A1:\#(lastCell)"/>"#)
        head.raw(#"<sheetViews><sheetView "#)
        if selected { head.raw(#"tabSelected="1" "#) }
        head.raw(#"workbookViewId="0">"#)
        head.raw(panes)
        head.raw("</sheetView></sheetViews>")
        head.raw(#"<sheetFormatPr defaultRowHeight="15"/>"#)
        head.raw("<cols>")
        for index in 0..<columns {
            let width = fixedWidths[index] ?? min(maxWidth, max(6, (index < widths.count ? widths[index] : 0) + 2))
            let rounded = (width * 4).rounded() / 4
            head.raw(#"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(NumberText.format(rounded))" customWidth="1"/>"#)
        }
        head.raw("</cols><sheetData>")
        var tail = XMLBuffer()
        tail.raw("</sheetData>")
        var filterRange: String?
        if let filterRow, rowCount >= filterRow {
            let range = SheetWriter.reference(column: 0, row: filterRow) + ":" + SheetWriter.reference(column: columns - 1, row: rowCount)
            tail.raw(#"<autoFilter ref="\#(range)"/>"#)
            filterRange = range
        }
        if !merges.isEmpty {
            tail.raw(#"<mergeCells count="\#(merges.count)">"#)
            for merge in merges { tail.raw(#"<mergeCell ref="\#(merge)"/>"#) }
            tail.raw("</mergeCells>")
        }
        tail.raw(#"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#)
        tail.raw("</worksheet>")
        return SheetPart(name: name, head: head.bytes, bodyPath: bodyPath, bodyBytes: bodyBytes, tail: tail.bytes,
                         filterRange: filterRange, columns: columns)
    }

    /// The frozen panes, if any.
    private var panes: String {
        guard frozenRows > 0 || frozenColumns > 0 else { return "" }
        let topLeft = SheetWriter.reference(column: frozenColumns, row: frozenRows + 1)
        var xml = "<pane"
        if frozenColumns > 0 { xml += #" xSplit="\#(frozenColumns)""# }
        if frozenRows > 0 { xml += #" ySplit="\#(frozenRows)""# }
        let pane = frozenRows > 0 && frozenColumns > 0 ? "bottomRight" : frozenRows > 0 ? "bottomLeft" : "topRight"
        xml += #" topLeftCell="\#(topLeft)" activePane="\#(pane)" state="frozen"/>"#
        xml += #"<selection pane="\#(pane)" activeCell="\#(topLeft)" sqref="\#(topLeft)"/>"#
        return xml
    }

    // MARK: - References and widths

    /// "A", "B", ..., "Z", "AA", ... for a 0-based column.
    static func columnLetters(_ column: Int) -> [UInt8] {
        var letters: [UInt8] = []
        var number = column + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.insert(UInt8(ascii: "A") + UInt8(remainder), at: 0)
            number = (number - 1) / 26
        }
        return letters
    }

    /// "C12" for 0-based column 2, row 12.
    static func reference(column: Int, row: Int) -> String {
        String(decoding: columnLetters(column), as: UTF8.self) + String(row)
    }

    /// The characters of the longest line of `text`.
    static func longestLine(_ text: String) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                longest = max(longest, current)
                current = 0
            } else {
                current += 1
            }
        }
        return max(longest, current)
    }

    /// How many lines `text` takes, wrapped in a column `width` characters wide. A width
    /// counts the widest digits, and text runs about a fifth narrower.
    static func lines(of text: String, width: Double) -> Int {
        let perLine = max(1, Int(width * 1.2) - 2)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .reduce(0) { $0 + max(1, ($1.unicodeScalars.count + perLine - 1) / perLine) }
    }

    /// The height, in points, of a row whose tallest cell takes `lines` lines; nil for one
    /// line, which keeps the default height. Spreadsheets do not all size rows to wrapped
    /// text when they open a file, so the workbook says how tall such rows are.
    static func height(lines: Int) -> Double? {
        lines > 1 ? Double(lines) * 15 : nil
    }

    /// About how many characters a number takes in a style's format.
    static func displayWidth(of value: Double, in style: CellStyle) -> Double {
        let magnitude = abs(value)
        let digits = magnitude < 10 ? 1 : Int(log10(magnitude)) + 1
        let sign = value < 0 ? 1 : 0
        let grouped = Double(digits + (digits - 1) / 3 + sign)
        switch style.numberFormat {
        case 3: return grouped
        case 165: return Double(digits + sign + 2)
        case 164, 167: return grouped + 4
        case 166: return grouped + 2
        case 4: return grouped + 3
        default: return Double(digits + sign)
        }
    }
}

/// A finished worksheet: the XML before its rows, the file holding its rows' XML, and the
/// XML after them.
struct SheetPart: Sendable {
    var name: String
    var head: [UInt8]
    var bodyPath: String
    var bodyBytes: Int
    var tail: [UInt8]
    /// The autofilter's range, for the workbook's defined name.
    var filterRange: String?
    var columns: Int

    /// The sheet's XML size in bytes.
    var size: Int { head.count + bodyBytes + tail.count }
}
