/// A problem reading or writing a table, said for people: what went wrong and where.
///
/// Every error names the file; errors about content add the line (1-based, as an editor
/// shows it), the column (1-based position and, once the header is known, its name) and
/// the offending text. In an Excel sheet the line is the sheet's row number and the column
/// is shown as its letter ("fuel.xlsx, sheet "Table 3", row 12, column C (Households)").
public struct TableError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        case fileNotFound
        case unreadable(reason: String)
        case unwritable(reason: String)
        case emptyFile
        case notText(reason: String)
        case truncatedGzip
        case corruptGzip(reason: String)
        case decompressedTooLarge(limit: Int)
        /// Bytes that are not UTF-8; `looksLike` is the encoding the file seems to be in.
        case invalidUTF8(byteOffset: Int, looksLike: TextEncoding? = nil)
        case unterminatedQuote
        case malformedQuote
        case fieldTooLarge(limit: Int)
        case rowTooLarge(limit: Int)
        case tooManyFields(limit: Int)
        case headerNotFound(expected: [String], linesSearched: Int)
        case headerLineMissing(line: Int)
        case columnNotFound(name: String, available: [String])
        case ambiguousColumn(name: String, positions: [Int])
        case raggedRow(expected: Int, found: Int)
        case dataAfterNotes(notesBeganAt: Int)
        case notANumber
        case notAWholeNumber
        /// A field of a period column that writes no period `Period` reads.
        case notAPeriod
        /// A header with no column named as a period (`TableHeader.latestPeriodColumn`).
        case noPeriodColumn(available: [String])
        case wrongFieldCount(expected: Int, found: Int)
        /// An Excel workbook read with no sheet chosen; its sheets, in order.
        case sheetNotChosen(sheets: [String])
        /// The sheet asked for is not in the workbook.
        case sheetNotFound(sheet: String, sheets: [String])
        /// A sheet was asked for, but the file is not an Excel workbook.
        case notAWorkbook(reason: String)
        /// The old binary Excel format (.xls).
        case binaryExcelFormat
        /// A password-protected (encrypted) workbook.
        case encryptedWorkbook
        /// An OpenDocument spreadsheet (.ods).
        case openDocumentSpreadsheet
        /// A zip archive or workbook part that is damaged or cut short.
        case corruptWorkbook(reason: String)
        /// More shared strings than the limit allows.
        case tooManySharedStrings(limit: Int)
        /// Shared strings larger in total than the limit allows.
        case sharedStringsTooLarge(limit: Int)
        /// A carriage return alone inside a line of a file whose lines end in LF.
        case strayCarriageReturn(byteOffset: Int)
    }

    public var kind: Kind
    public var file: String
    /// The sheet, when the file is an Excel workbook.
    public var sheet: String?
    public var line: Int?
    public var column: Int?
    public var columnName: String?
    /// The text at fault, shortened for display.
    public var text: String?

    public init(
        _ kind: Kind, file: String, sheet: String? = nil, line: Int? = nil, column: Int? = nil,
        columnName: String? = nil, text: String? = nil
    ) {
        self.kind = kind
        self.file = file
        self.sheet = sheet
        self.line = line
        self.column = column
        self.columnName = columnName
        self.text = text.map(TableError.shorten)
    }

    /// "file, line 12, column 3 (Value)" style location; in a sheet,
    /// "file, sheet "Table 3", row 12, column C (Value)".
    public var location: String {
        var parts = [file]
        if let sheet { parts.append("sheet \"\(sheet)\"") }
        if let line { parts.append(sheet == nil ? "line \(line)" : "row \(line)") }
        let columnText = column.map { sheet == nil ? String($0) : SheetColumn.letters($0) }
        switch (columnText, columnName) {
        case let (column?, name?): parts.append("column \(column) (\(name))")
        case let (column?, nil): parts.append("column \(column)")
        case let (nil, name?): parts.append("column \(name)")
        case (nil, nil): break
        }
        return parts.joined(separator: ", ")
    }

    public var description: String {
        var message = "\(location): \(problem)"
        if let text { message += ": \"\(text)\"" }
        return message
    }

    /// The problem in words, without the location.
    public var problem: String {
        switch kind {
        case .fileNotFound:
            return "file not found"
        case .unreadable(let reason):
            return "cannot read the file (\(reason))"
        case .unwritable(let reason):
            return "cannot write the file (\(reason))"
        case .emptyFile:
            return "the file is empty"
        case .notText(let reason):
            return "not a CSV text file: \(reason)"
        case .truncatedGzip:
            return "the gzip stream ends early (the file is truncated or still being copied)"
        case .corruptGzip(let reason):
            return "the gzip stream is corrupt (\(reason))"
        case .decompressedTooLarge(let limit):
            return "decompresses to more than \(ByteCount(limit)), the limit for one input; raise the limit if the file is genuine"
        case .invalidUTF8(let offset, let looksLike?):
            return "invalid UTF-8 at byte \(offset + 1) of the field: the file looks like \(looksLike.displayName) text; "
                + "read it with `encoding: \(looksLike.rawValue)` (or save it as UTF-8)"
        case .invalidUTF8(let offset, nil):
            return "invalid UTF-8 at byte \(offset + 1) of the field (save the file as UTF-8, or name its encoding with `encoding:`)"
        case .unterminatedQuote:
            return "a quoted field is never closed (a missing closing quote)"
        case .malformedQuote:
            return "a quote in the wrong place (a quote inside an unquoted field, or text after a closing quote)"
        case .fieldTooLarge(let limit):
            return "a field is larger than \(ByteCount(limit)) (often a missing closing quote)"
        case .rowTooLarge(let limit):
            return "a row is larger than \(ByteCount(limit))"
        case .tooManyFields(let limit):
            return "a row has more than \(limit) fields"
        case .headerNotFound(let expected, let searched):
            let names = expected.map { "\"\($0)\"" }.joined(separator: ", ")
            return expected.isEmpty
                ? "no header row found in the first \(searched) lines"
                : "no row in the first \(searched) lines has all the expected columns \(names)"
        case .headerLineMissing(let line):
            return "the header was declared on line \(line), but the file has no row starting there"
        case .columnNotFound(let name, let available):
            // The "header" may be the first line of a file named by mistake: shown short.
            var shown: [String] = []
            let names = available.filter { !$0.isEmpty }
            for name in names where shown.joined().count < 400 { shown.append("\"\(SafeText.excerpt(name, limit: 40))\"") }
            let list = shown.joined(separator: ", ") + (names.count > shown.count ? " and \(names.count - shown.count) more" : "")
            return "no column named \"\(SafeText.excerpt(name, limit: 60))\"; the header has \(list)"
        case .ambiguousColumn(let name, let positions):
            let list = positions.map(String.init).joined(separator: " and ")
            return "the column name \"\(name)\" appears more than once (columns \(list))"
        case .raggedRow(let expected, let found):
            return "the row has \(found) fields but the header has \(expected)"
        case .dataAfterNotes(let notesLine):
            return "a data row after the notes that begin on line \(notesLine)"
        case .notANumber:
            return "expected a number or a suppression marker"
        case .notAWholeNumber:
            return "expected a whole number"
        case .notAPeriod:
            return "expected a period, such as 2023-04-01/P1Y, 2023-04-01, 2024, 2024/25, 2023-24, FYE 2025 or Jan-22"
        case .noPeriodColumn(let available):
            let list = available.filter { !$0.isEmpty }.map { "\"\($0)\"" }.joined(separator: ", ")
            return "no column is named as a period (such as Jan-22, 2024 or 2024/25); the header has \(list)"
        case .wrongFieldCount(let expected, let found):
            return "the writer was given \(found) fields for \(expected) columns"
        case .sheetNotChosen(let sheets):
            return "it is an Excel workbook: say which sheet to read with `sheet:` (a name or a number from 1); its sheets are \(SheetList(sheets))"
        case .sheetNotFound(let sheet, let sheets):
            return "the workbook has no sheet \(sheet); its sheets are \(SheetList(sheets))"
        case .notAWorkbook(let reason):
            return "a sheet was named, but the file is not an Excel workbook (.xlsx): \(reason); leave out `sheet:` for a CSV file"
        case .binaryExcelFormat:
            return "it is in the old binary Excel format (.xls), which is not read: open it in Excel and save it as an Excel workbook (.xlsx)"
        case .encryptedWorkbook:
            return "the workbook is password-protected (encrypted): save a copy without a password"
        case .openDocumentSpreadsheet:
            return "it is an OpenDocument spreadsheet (.ods), which is not read: save it as an Excel workbook (.xlsx)"
        case .corruptWorkbook(let reason):
            return "the workbook is damaged or incomplete (\(reason)); download or save it again"
        case .tooManySharedStrings(let limit):
            return "the workbook has more than \(limit) shared strings, the limit for one input; raise the limit if the file is genuine"
        case .sharedStringsTooLarge(let limit):
            return "the workbook's shared strings take more than \(ByteCount(limit)), the limit for one input; raise the limit if the file is genuine"
        case .strayCarriageReturn(let offset):
            return "a carriage return (\\r) at byte \(offset + 1) of the line, not at its end, breaks the row in two; "
                + "remove it, or quote the field that holds it"
        }
    }

    static func shorten(_ text: String) -> String {
        let limit = 80
        // Only the start is shown, so only the start is made visible: the text may be a
        // whole field of a megabyte.
        let start = text.unicodeScalars.prefix(limit + 1)
        let visible = String(String.UnicodeScalarView(start)).replacingNewlines()
        guard visible.count > limit || start.count < text.unicodeScalars.count else { return visible }
        return String(visible.prefix(limit)) + "…"
    }
}

extension String {
    /// The text on one line with control characters made visible ("\\n", "\\x1B"), so
    /// that a message about a binary file can neither break a log line nor send escape
    /// sequences to a terminal.
    fileprivate func replacingNewlines() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\x" + (hex.count < 2 ? "0" : "") + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Sheet names for messages: "\"Notes\", \"Table 1\" (2 sheets)", the first twenty.
struct SheetList: CustomStringConvertible {
    var names: [String]
    init(_ names: [String]) { self.names = names }
    var description: String {
        guard !names.isEmpty else { return "none" }
        let shown = names.prefix(20).map { "\"\($0)\"" }.joined(separator: ", ")
        return names.count > 20 ? "\(shown) and \(names.count - 20) more" : shown
    }
}

/// A byte count for messages: "1 MiB", "512 KiB", "100 bytes".
struct ByteCount: CustomStringConvertible {
    var bytes: Int
    init(_ bytes: Int) { self.bytes = bytes }
    var description: String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, name) in units where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(name)"
        }
        return "\(bytes) bytes"
    }
}

extension TableError {
    /// The error of a file that could not be opened or read: not found, a folder, or the
    /// system's reason.
    init(reading error: SystemError, file: String) {
        if error.isMissing {
            self.init(.fileNotFound, file: file)
        } else {
            self.init(.unreadable(reason: error.isFolder ? "it is a folder" : error.description), file: file)
        }
    }

    /// The error of a file that could not be written, with the system's reason.
    init(writing error: SystemError, file: String) {
        self.init(.unwritable(reason: error.description), file: file)
    }
}
