import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsTables

/// Workbooks that cannot be read, and files that are not workbooks: each refused with an
/// error that says what it is, where, and what to do.
@Suite("Broken and unreadable workbooks")
struct WorkbookErrorTests {
    let folder = TemporaryFolder()

    private func workbook(_ rows: [[WorkbookCell?]], name: String = "Data", _ configure: (inout WorkbookFile) -> Void = { _ in }) throws -> String {
        var file = WorkbookFile(sheets: [WorkbookFile.Sheet(name, rows: rows)])
        configure(&file)
        let path = folder.path + "/book-\(UUID().uuidString).xlsx"
        try file.write(to: path)
        return path
    }

    private let small: [[WorkbookCell?]] = [[.text("Code"), .text("Value")], [.text("E01"), .number("1")]]

    /// The error reading `path` with `options`, read to the end.
    private func error(_ path: String, _ options: ReadOptions) -> TableError? {
        #expect(throws: TableError.self) {
            let reader = try TableReader(path: path, options: options)
            _ = try reader.readAll()
        }
    }

    @Test func noSheetChosenListsTheSheets() throws {
        let path = try workbook(small) { $0.sheets.append(WorkbookFile.Sheet("Notes", rows: [[.text("a")]])) }
        let error = error(path, ReadOptions())
        #expect(error?.kind == .sheetNotChosen(sheets: ["Data", "Notes"]))
        #expect(error?.description.contains("say which sheet to read with `sheet:`") == true)
        #expect(error?.description.contains("\"Data\", \"Notes\"") == true)
    }

    @Test func aMissingSheetListsTheSheets() throws {
        let path = try workbook(small)
        #expect(error(path, ReadOptions(sheet: .name("Table 9")))?.kind == .sheetNotFound(sheet: "\"Table 9\"", sheets: ["Data"]))
        #expect(error(path, ReadOptions(sheet: .number(2)))?.kind == .sheetNotFound(sheet: "number 2", sheets: ["Data"]))
    }

    @Test func aSheetNamedForACSVFile() {
        let path = folder.file("plain.csv", "Code,Value\nE01,1\n")
        #expect(error(path, ReadOptions(sheet: .name("Data")))?.kind == .notAWorkbook(reason: "it is not a zip archive"))
    }

    @Test func truncatedWorkbook() throws {
        let path = try workbook(small)
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let truncated = folder.file("truncated.xlsx", bytes: Array(bytes.prefix(bytes.count / 2)))
        let error = error(truncated, ReadOptions(sheet: .number(1)))
        guard case .corruptWorkbook(let reason)? = error?.kind else {
            Issue.record("expected a corrupt workbook, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("truncated"))
    }

    @Test func damagedCompressedData() throws {
        let rows = (1...2_000).map { [WorkbookCell.text("E\($0)"), .number(String($0 * 7))] }
        let path = try workbook([[.text("Code"), .text("Value")]] + rows)
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        // The sheet is the first part written: damage the middle of its compressed data.
        for index in 200..<260 { bytes[index] ^= 0x5A }
        let damaged = folder.file("damaged.xlsx", bytes: bytes)
        guard case .corruptWorkbook? = error(damaged, ReadOptions(sheet: .number(1)))?.kind else {
            Issue.record("expected a corrupt workbook")
            return
        }
    }

    @Test func missingSharedStringsNamesTheCell() throws {
        let path = try workbook(small) { $0.writesSharedStrings = false }
        let error = error(path, ReadOptions(sheet: .name("Data")))
        #expect(error?.sheet == "Data")
        #expect(error?.line == 1)
        #expect(error?.description.contains("sheet \"Data\", row 1, column A") == true)
        #expect(error?.description.contains("no shared strings part") == true)
    }

    @Test func oldBinaryExcelFormat() {
        let header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let path = folder.file("old.xlsx", bytes: header)
        #expect(error(path, ReadOptions())?.kind == .binaryExcelFormat)
        #expect(error(path, ReadOptions(sheet: .number(1)))?.description.contains("save it as an Excel workbook (.xlsx)") == true)
    }

    @Test func passwordProtectedWorkbook() {
        let name = Array("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1_000) + name + [0, 0]
        let path = folder.file("protected.xlsx", bytes: bytes)
        #expect(error(path, ReadOptions(sheet: .number(1)))?.kind == .encryptedWorkbook)
    }

    @Test func openDocumentSpreadsheet() throws {
        let path = folder.path + "/sheet.ods"
        try WorkbookFile.writeArchive([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                                       ("content.xml", "<office:document-content/>")], to: path)
        #expect(error(path, ReadOptions(sheet: .number(1)))?.kind == .openDocumentSpreadsheet)
    }

    @Test func aZipThatIsNotAWorkbook() throws {
        let path = folder.path + "/other.zip"
        try WorkbookFile.writeArchive([("readme.txt", "hello")], to: path)
        guard case .corruptWorkbook(let reason)? = error(path, ReadOptions(sheet: .number(1)))?.kind else {
            Issue.record("expected a refusal")
            return
        }
        #expect(reason.contains("no workbook part"))
    }

    @Test func zipBombStopsAtTheLimit() throws {
        // Highly repetitive rows compress a hundredfold: the sheet's XML passes the limit
        // long before its end, whatever the archive declares.
        let rows = (1...20_000).lazy.map { _ in [WorkbookCell.number("1"), .number("1"), .number("1"), .number("1")] as [WorkbookCell?] }
        let path = try workbook(Array([[.text("A"), .text("B"), .text("C"), .text("D")]] + rows))
        let limits = ReadLimits(maxDecompressedBytes: 256 << 10)
        let error = error(path, ReadOptions(sheet: .number(1), limits: limits))
        #expect(error?.kind == .decompressedTooLarge(limit: 256 << 10))
        #expect(error?.sheet == "Data")
    }

    @Test func aHugeCellNamesItsRowAndColumn() throws {
        let big = String(repeating: "x", count: 3 << 20)
        for cell in [WorkbookCell.text(big), .inlineText(big)] {
            let path = try workbook([[.text("Code"), .text("Note")], [.text("E01"), .number("1")], [.text("E02"), cell]])
            let error = error(path, ReadOptions(sheet: .number(1)))
            #expect(error?.kind == .fieldTooLarge(limit: 1 << 20))
            #expect(error?.location == "\(path), sheet \"Data\", row 3, column B")
        }
    }

    @Test func tooManyCellsInARow() throws {
        let path = try workbook([(1...40).map { .number(String($0)) }])
        let error = error(path, ReadOptions(sheet: .number(1), limits: ReadLimits(maxFieldsPerRow: 32)))
        #expect(error?.kind == .tooManyFields(limit: 32))
        #expect(error?.column == 33)
    }

    @Test func sharedStringLimits() throws {
        let rows = (1...100).map { [WorkbookCell.text("name \($0)"), .text("code \($0)")] }
        let path = try workbook(rows)
        #expect(error(path, ReadOptions(sheet: .number(1), limits: ReadLimits(maxSharedStrings: 50)))?.kind == .tooManySharedStrings(limit: 50))
        #expect(error(path, ReadOptions(sheet: .number(1), limits: ReadLimits(maxSharedStringBytes: 1_000)))?.kind
            == .sharedStringsTooLarge(limit: 1_000))
    }
}

/// Sheets whose XML no spreadsheet program writes: refused, or read without harm.
@Suite("Malformed sheet XML")
struct MalformedSheetTests {
    let folder = TemporaryFolder()

    private func read(_ xml: String) throws -> Result<[[String]], TableError> {
        var file = WorkbookFile(sheets: [WorkbookFile.Sheet("Data", rows: [[WorkbookCell?]]())])
        file.firstSheetXML = xml
        let path = folder.path + "/book-\(UUID().uuidString).xlsx"
        try file.write(to: path)
        do {
            return .success(try TableReader(path: path, options: ReadOptions(sheet: .number(1))).readAll())
        } catch let error as TableError {
            return .failure(error)
        }
    }

    private let start = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"

    @Test func notWellFormed() throws {
        guard case .failure(let error) = try read(start + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Code</t></is></c>"),
              case .corruptWorkbook(let reason) = error.kind else {
            Issue.record("expected a refusal")
            return
        }
        #expect(reason.contains("xl/worksheets/sheet1.xml is not well-formed XML"))
        #expect(error.sheet == "Data")
    }

    @Test func rowsOutOfOrder() throws {
        let cells = "<c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c>"
        let xml = start + "<row r=\"5\">\(cells)</row><row r=\"3\">\(cells)</row></sheetData></worksheet>"
        guard case .failure(let error) = try read(xml), case .corruptWorkbook(let reason) = error.kind else {
            Issue.record("expected a refusal")
            return
        }
        #expect(reason == "row 3 comes after row 5")
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
            \(start)<row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="B1" t="inlineStr"><is><t>Value</t></is></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>E01</t></is></c><c r="B2" t="inlineStr"><is><t>[&secret;]</t></is></c></row>\
            </sheetData></worksheet>
            """
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unlikely"
        switch try read(xml) {
        case .success(let rows):
            #expect(!rows.flatMap { $0 }.joined().contains(hostname))
        case .failure:
            break  // refusing the file is as safe
        }
    }
}
