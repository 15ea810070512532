import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsTables

/// Sheets of workbooks written by the tests (`WorkbookFile`) read through `TableReader`:
/// every kind of cell, and a sheet read exactly as a CSV file with the same rows.
@Suite("Workbook sheets")
struct WorkbookReaderTests {
    let folder = TemporaryFolder()

    /// Writes a workbook of `sheets` and returns its path.
    private func workbook(_ sheets: [WorkbookFile.Sheet], _ configure: (inout WorkbookFile) -> Void = { _ in }) throws -> String {
        var file = WorkbookFile(sheets: sheets)
        configure(&file)
        let path = folder.path + "/book-\(UUID().uuidString).xlsx"
        try file.write(to: path)
        return path
    }

    private func rows(_ path: String, sheet: SheetChoice, header: HeaderLocation = .automatic) throws -> (TableReader, [[String]]) {
        let reader = try TableReader(path: path, options: ReadOptions(header: header, sheet: sheet))
        return (reader, try reader.readAll())
    }

    @Test func everyKindOfCell() throws {
        let path = try workbook([WorkbookFile.Sheet("Data", rows: [
            [.text("Code"), .inlineText("Name"), .text("Value"), .text("Flag"), .text("When"), .text("Share")],
            [.text("E01"), .inlineText("Burnley, \"East\""), .number("12"), .boolean(true), .date("45017"), .percent("0.125")],
            [.text("E02"), .richText(["Pendle ", "West"]), .number("1.5E-3"), .boolean(false), .customDate("45017.5"), .number("0.1")],
            [.text("E03"), .formulaText("A4&\"x\"", cached: "E03x"), .formula("SUM(C2:C3)", cached: "13.500000000000002"), .error("#N/A"), .date("1"), .number("-7")],
        ])])
        let (reader, rows) = try rows(path, sheet: .name("Data"))
        #expect(reader.sheet == "Data")
        #expect(reader.header.names == ["Code", "Name", "Value", "Flag", "When", "Share"])
        #expect(rows == [
            ["E01", "Burnley, \"East\"", "12", "TRUE", "2023-04-01", "0.125"],
            ["E02", "Pendle West", "0.0015", "FALSE", "2023-04-01T12:00:00", "0.1"],
            ["E03", "E03x", "13.500000000000002", "#N/A", "1900-01-01", "-7"],
        ])
    }

    @Test func errorValuesReadAsMissing() throws {
        let path = try workbook([WorkbookFile.Sheet("Data", rows: [
            [.text("Code"), .text("Value")],
            [.text("E01"), .error("#DIV/0!")],
        ])])
        let reader = try TableReader(path: path, options: ReadOptions(sheet: .number(1)))
        let value = try reader.header.column("Value")
        var cells: [NumericCell] = []
        try reader.forEachRecord { cells.append(try $0.number(value)) }
        #expect(cells.count == 1)
        #expect(cells[0].number == nil)
    }

    @Test func titleRowsEmptyRowsOmittedCellsAndNotes() throws {
        let path = try workbook([WorkbookFile.Sheet("Table 3", rows: [
            [.text("Table 3: Fuel poverty, 2020")],
            [],
            [.text("Code"), .text("Name"), .text("Households"), .text("Poor")],
            [.text("E01"), .text("A"), .number("100"), .number("7")],
            [.text("E02"), nil, .number("200")],
            [],
            [.text("E03"), .text("C"), nil, .text("c")],
            [],
            [.text("Note A: estimates")],
            [.text("Back to contents")],
        ])]) { $0.mergedCells = ["A1:D1"] }
        let (reader, rows) = try rows(path, sheet: .name("table 3"))
        #expect(reader.headerLine == 3)
        #expect(rows == [["E01", "A", "100", "7"], ["E02", "", "200", ""], ["E03", "C", "", "c"]])
        #expect(reader.notes.map(\.line) == [9, 10])
        #expect(reader.notes.map(\.text) == ["Note A: estimates", "Back to contents"])
    }

    @Test func cellsWithoutReferencesFollowEachOther() throws {
        let path = try workbook([WorkbookFile.Sheet("Data", rows: [
            [.text("Code"), .text("Value")],
            [.text("E01"), .number("3")],
        ])]) { $0.writesCellReferences = false }
        #expect(try rows(path, sheet: .number(1)).1 == [["E01", "3"]])
    }

    @Test func sheetByNameOrNumber() throws {
        let path = try workbook([
            WorkbookFile.Sheet("Contents", rows: [[.text("About"), .text("this")], [.text("x"), .text("y")]]),
            WorkbookFile.Sheet("Data", rows: [[.text("Code"), .text("Value")], [.text("E01"), .number("5")]]),
        ])
        #expect(try rows(path, sheet: .name("Data")).1 == [["E01", "5"]])
        #expect(try rows(path, sheet: .number(2)).1 == [["E01", "5"]])
        #expect(try rows(path, sheet: .number(1)).1 == [["x", "y"]])
        let workbook = try Workbook(path: path)
        #expect(workbook.sheets.map(\.name) == ["Contents", "Data"])
    }

    @Test func dates1904() throws {
        let path = try workbook([WorkbookFile.Sheet("Data", rows: [
            [.text("Code"), .text("Date")],
            [.text("E01"), .date("0")],
            [.text("E02"), .customDate("43555")],
        ])]) { $0.uses1904 = true }
        #expect(try rows(path, sheet: .number(1)).1 == [["E01", "1904-01-01"], ["E02", "2023-04-01"]])
    }

    @Test func aSheetReadsAsTheSameRowsInCSV() throws {
        let cells: [[String]] = [
            ["Title of the table"], [],
            ["Code", "Name", "Count", "Rate"],
            ["E01", "Burnley 001A", "1,234", "12.5%"],
            ["E02", "Pendle, West", "..", "0.25"],
            [], ["Source: ONS"],
        ]
        let path = try workbook([WorkbookFile.Sheet("S", rows: cells.map { row in row.map { .text($0) } })])
        let csv = folder.file("same.csv", cells.map { row in row.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") }.joined(separator: "\n") + "\n")
        let fromSheet = try TableReader(path: path, options: ReadOptions(sheet: .name("S")))
        let fromCSV = try TableReader(path: csv)
        #expect(fromSheet.header == TableHeader(names: fromCSV.header.names, file: path, sheet: "S"))
        #expect(fromSheet.headerLine == fromCSV.headerLine)
        #expect(try fromSheet.readAll() == fromCSV.readAll())
        #expect(fromSheet.notes.map(\.line) == fromCSV.notes.map(\.line))
        let count = try TableReader(path: path, options: ReadOptions(sheet: .name("S")))
        let column = try count.header.column("Count")
        var numbers: [NumericCell] = []
        try count.forEachRecord { numbers.append(try $0.number(column)) }
        #expect(numbers.map(\.number) == [1234, nil])
    }

    @Test func lineBreaksInCellsBecomeSpacesSoRowsStayLines() throws {
        let path = try workbook([WorkbookFile.Sheet("S", rows: [
            [.text("Code"), .text("Number of\nhouseholds")],
            [.text("E01"), .text("a_x000D_\nb")],
            [.text("E02"), .number("4")],
        ])])
        let reader = try TableReader(path: path, options: ReadOptions(sheet: .number(1)))
        #expect(try reader.header.column("Number of households").index == 1)
        var lines: [Int] = []
        var texts: [String] = []
        try reader.forEachRecord { record in
            lines.append(record.line)
            texts.append(record.texts[1])
        }
        #expect(lines == [2, 3])
        #expect(texts == ["a  b", "4"])
    }

    @Test func errorsNameTheFileSheetRowAndColumn() throws {
        let path = try workbook([WorkbookFile.Sheet("Table 3", rows: [
            [.text("Code"), .text("A"), .text("Households")],
            [.text("E01"), .text("x"), .number("1")],
            [.text("E02"), .text("y"), .text("many")],
        ])])
        let reader = try TableReader(path: path, options: ReadOptions(sheet: .name("Table 3")))
        let households = try reader.header.column("Households")
        let error = #expect(throws: TableError.self) {
            try reader.forEachRecord { _ = try $0.number(households) }
        }
        #expect(error?.description == "\(path), sheet \"Table 3\", row 3, column C (Households): expected a number or a suppression marker: \"many\"")
    }

    @Test func aMissingColumnNamesTheSheet() throws {
        let path = try workbook([WorkbookFile.Sheet("Data", rows: [[.text("Code"), .text("Value")], [.text("E01"), .number("1")]])])
        let reader = try TableReader(path: path, options: ReadOptions(sheet: .name("Data")))
        let error = #expect(throws: TableError.self) { try reader.header.column("Rate") }
        #expect(error?.location == "\(path), sheet \"Data\"")
    }

    @Test func bigSheetStreams() throws {
        // More rows than fit in one chunk of CSV, so the background thread hands over many.
        let rows = (1...30_000).lazy.map { index -> [WorkbookCell?] in
            index == 1 ? [.text("Code"), .text("Value")] : [.text("E\(index)"), .number(String(index))]
        }
        let path = try workbook([WorkbookFile.Sheet("Data", rows: rows)])
        let reader = try TableReader(path: path, options: ReadOptions(sheet: .number(1)))
        let value = try reader.header.column("Value")
        var sum = 0.0
        var count = 0
        try reader.forEachRecord { record in
            sum += try record.number(value).number ?? 0
            count += 1
        }
        #expect(count == 29_999)
        #expect(sum == Double((2...30_000).reduce(0, +)))
    }
}

/// Sheet names and other attribute values come with their references decoded.
@Suite("XML attribute values")
struct XMLAttributeValueTests {
    @Test func referencesAndEntitiesDecoded() {
        #expect(XMLAttributes.decodeReferences("IoD2019 IDACI &#38; IDAOPI") == "IoD2019 IDACI & IDAOPI")
        #expect(XMLAttributes.decodeReferences("a &amp; b &lt;c&gt; &#x41;") == "a & b <c> A")
        #expect(XMLAttributes.decodeReferences("no reference") == "no reference")
        #expect(XMLAttributes.decodeReferences("dangling & here") == "dangling & here")
    }
}
