import AreaNeedsCore
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsRelease

/// The workbook edition, read back three ways: through a workbook reader (every table sheet
/// equal to its CSV cell for cell), by openpyxl, and by LibreOffice (which must open it
/// without repair and read the same values).
@Suite("The workbook edition")
struct WorkbookEditionTests {
    static let created = Date(timeIntervalSince1970: 1_790_000_000)

    /// The sample draft with names a spreadsheet would run as formulas, and XML's own
    /// characters, published into a new folder; returns the version folder.
    static func publishHostileSample(into folder: ReleasesFolder) throws -> String {
        var sample = SampleDraft()
        sample.areas[0][1] = "=1+1"
        sample.areas[1][1] = "@SUM(A1) & <Two> \"quoted\""
        sample.indicators[0][1] = "+44 calls"
        sample.indicators[1][1] = "-1 score"
        try folder.writer.publish(sample.draft, created: created)
        return folder.path + "/1.0.0"
    }

    @Test func everyTableSheetHoldsItsCSVCellForCell() throws {
        let folder = ReleasesFolder()
        let release = try Self.publishHostileSample(into: folder)
        let sheets = try TestWorkbookReader.sheets(of: release + "/draft-1.0.0.xlsx")
        let schema = ReleaseSchema()
        #expect(sheets.map(\.name) == ["About", "profile"] + schema.tables.map(\.name))
        for table in schema.tables {
            let sheet = try #require(sheets.first { $0.name == table.name })
            try expectSheet(sheet, holds: release + "/" + table.fileName, schema: table)
        }
    }

    @Test func theProductsOwnReaderReadsEverySheetAsItsCSV() throws {
        // The workbook edition read back through `AreaNeedsTables`' workbook reader, as a
        // pipeline source would be: every table sheet's cells equal its CSV's, as text, and
        // as numbers where the CSV's text is a number.
        let folder = ReleasesFolder()
        let release = try Self.publishHostileSample(into: folder)
        let workbook = release + "/draft-1.0.0.xlsx"
        for table in ReleaseSchema().tables {
            let fromSheet = try TableReader(path: workbook, options: ReadOptions(header: .line(1), sheet: .name(table.name)))
            let fromCSV = try TableReader(path: release + "/" + table.fileName, options: ReadOptions(header: .line(1)))
            #expect(fromSheet.header.names == fromCSV.header.names, "\(table.name)")
            let sheetRows = try fromSheet.readAll()
            let csvRows = try fromCSV.readAll()
            #expect(sheetRows.count == csvRows.count, "\(table.name)")
            for (line, (sheetRow, csvRow)) in zip(sheetRows, csvRows).enumerated() {
                for (column, (cell, text)) in zip(sheetRow, csvRow).enumerated() {
                    if let number = Double(text), !text.isEmpty {
                        #expect(Double(cell) == number, "\(table.name) row \(line + 2) column \(column + 1): \(cell) against \(text)")
                    } else if text == "true" || text == "false" {
                        // A boolean cell reads as Excel shows it: TRUE, FALSE.
                        #expect(cell == text.uppercased(), "\(table.name) row \(line + 2) column \(column + 1): \(cell) against \(text)")
                    } else {
                        #expect(cell == text, "\(table.name) row \(line + 2) column \(column + 1): \(cell) against \(text)")
                    }
                }
            }
        }
    }

    @Test func theFixtureProjectsSheetsHoldItsCSVs() throws {
        let project = FixtureProject()
        try project.run()
        let release = project.folder("1.0.0")
        let sheets = try TestWorkbookReader.sheets(of: release + "/test-1.0.0.xlsx")
        let opened = try Release.open(release)
        for table in opened.schema.tables {
            let sheet = try #require(sheets.first { $0.name == table.name })
            try expectSheet(sheet, holds: release + "/" + table.fileName, schema: table)
        }
    }

    @Test func textThatLooksLikeAFormulaIsStoredAsText() throws {
        let folder = ReleasesFolder()
        let release = try Self.publishHostileSample(into: folder)
        let sheets = try TestWorkbookReader.sheets(of: release + "/draft-1.0.0.xlsx")
        let areas = try #require(sheets.first { $0.name == "areas" })
        #expect(areas.rows[1][1] == .text("=1+1"))
        #expect(areas.rows[2][1] == .text("@SUM(A1) & <Two> \"quoted\""))
        let cell = try #require(areas.cellXML["B2"])
        #expect(cell.contains("t=\"inlineStr\"") && !cell.contains("<f>"), "\(cell)")
        // Shared strings are strings too, never formulas.
        let codes = try #require(sheets.first { $0.name == "indicator_needs" })
        #expect(try #require(codes.cellXML["A2"]).contains("t=\"s\""))
        #expect(cell.contains("s=\"\(CellStyle.literalText.rawValue)\""), "kept as text when edited: \(cell)")
        let indicators = try #require(sheets.first { $0.name == "indicators" })
        #expect(indicators.rows[1][1] == .text("+44 calls"))
        #expect(indicators.rows[2][1] == .text("-1 score"))
    }

    @Test func twoRunsGiveTheSameBytes() throws {
        let first = ReleasesFolder(), second = ReleasesFolder()
        let one = try Self.publishHostileSample(into: first)
        let two = try Self.publishHostileSample(into: second)
        #expect(try sha256(one + "/draft-1.0.0.xlsx") == sha256(two + "/draft-1.0.0.xlsx"))
    }

    @Test func theProfileSheetHasEveryAreaByEveryIndicatorOnItsQuintileColour() throws {
        let folder = ReleasesFolder()
        let release = try Self.publishHostileSample(into: folder)
        let sheets = try TestWorkbookReader.sheets(of: release + "/draft-1.0.0.xlsx")
        let profile = try #require(sheets.first { $0.name == "profile" })
        // Row 1: each objective over its indicators; row 2: the indicators; then the areas.
        #expect(profile.rows[0][3] == .text("Objective 1 (objective-1): Objective 1"))
        #expect(profile.rows[1].suffix(2) == [.text("+44 calls (%)"), .text("-1 score (score)")])
        #expect(profile.rows[2].prefix(3) == [.text("A1"), .text("=1+1"), .text("Dale")])
        #expect(profile.rows[2].suffix(2) == [.number(10), .number(3.5)])
        #expect(profile.rows[3].suffix(2) == [.number(20), .number(4.5)])
        // A1 is in quintile 5 on ind-a, A2 in quintile 1; figures of 10 and 20 get one decimal.
        #expect(try #require(profile.cellXML["D3"]).contains("s=\"\(CellStyle.figure(quintile: 5, decimals: 1).rawValue)\""))
        #expect(try #require(profile.cellXML["D4"]).contains("s=\"\(CellStyle.figure(quintile: 1, decimals: 1).rawValue)\""))
        #expect(try #require(profile.cellXML["E3"]).contains("s=\"\(CellStyle.figure(quintile: 1, decimals: 2).rawValue)\""))
    }

    @Test func aTableLongerThanASheetGoesOnToMoreSheets() throws {
        let folder = ReleasesFolder()
        let release = try Self.publishHostileSample(into: folder)
        let parts = try WorkbookParts(beside: NSTemporaryDirectory() + "areaneeds-parts-" + UUID().uuidString + "/book.xlsx")
        defer { parts.remove() }
        // Four data rows, three rows to a sheet: the header and two rows, twice.
        let sheets = try TableSheet(schema: ReleaseSchema().indicatorNeeds, rowsPerSheet: 3)
            .write(tablesIn: release, into: parts, index: 0)
        #expect(sheets.map(\.name) == ["indicator_needs", "indicator_needs (2)"])
        let last = SheetWriter.reference(column: ReleaseSchema().indicatorNeeds.fields.count - 1, row: 3)
        #expect(sheets.allSatisfy { $0.filterRange == "A1:" + last })
    }

    @Test func openpyxlReadsEverySheet() throws {
        let python = try Self.python()
        let folder = ReleasesFolder()
        let release = try Self.publishHostileSample(into: folder)
        let program = """
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            print("|".join(book.sheetnames))
            cell = book["areas"]["B2"]
            print(cell.data_type, cell.value)
            print(book["indicator_needs"].freeze_panes, book["indicator_needs"].auto_filter.ref)
            print(book["indicator_needs"]["I2"].fill.fgColor.rgb)
            """
        let result = try PythonReaders.run(python, program: program, [release + "/draft-1.0.0.xlsx"])
        #expect(result.status == 0, "\(result.transcript)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == (["About", "profile"] + ReleaseSchema().tables.map(\.name)).joined(separator: "|"))
        #expect(lines.dropFirst().first == "s =1+1", "a string, not a formula")
        let last = SheetWriter.reference(column: ReleaseSchema().indicatorNeeds.fields.count - 1, row: 5)
        #expect(lines.dropFirst(2).first == "A2 A1:" + last)
        #expect(lines.dropFirst(3).first == "FF" + NeedPalette.fills[4].dropFirst(), "quintile 5's colour")
    }

    @Test func libreOfficeOpensItAndReadsTheSameValues() throws {
        guard let office = LibreOffice.path else {
            try Test.cancel("LibreOffice is not installed (Debian: apt-get install libreoffice-calc-nogui): the workbook is not checked by it")
        }
        let folder = ReleasesFolder()
        let release = try Self.publishHostileSample(into: folder)
        let out = NSTemporaryDirectory() + "areaneeds-office-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try LibreOffice.convertEverySheetToCSV(office, release + "/draft-1.0.0.xlsx", into: out)
        #expect(result.status == 0, "\(result.transcript)")
        for table in ReleaseSchema().tables {
            let converted = try TableReader(path: out + "/draft-1.0.0-\(table.name).csv", options: ReadOptions(header: .line(1))).readAll()
            let original = try TableReader(path: release + "/" + table.fileName, options: ReadOptions(header: .line(1))).readAll()
            #expect(converted.count == original.count, "\(table.name)")
            for (row, (theirs, ours)) in zip(converted, original).enumerated() {
                for (column, field) in table.fields.enumerated() {
                    let same = LibreOffice.sameValue(theirs[column], ours[column], type: field.type)
                    #expect(same, "\(table.name) row \(row + 2) \(field.name): LibreOffice read \(theirs[column]), the CSV has \(ours[column])")
                }
            }
        }
        // A formula would have been worked out: "=1+1" would read 2.
        let areas = try String(contentsOfFile: out + "/draft-1.0.0-areas.csv", encoding: .utf8)
        #expect(areas.contains("A1,=1+1,"), "\(areas)")
    }

    static func python() throws -> String {
        guard let python = PythonReaders.located.python else { try Test.cancel(Comment(rawValue: PythonReaders.located.reason)) }
        return python
    }
}

/// Checks that a sheet holds exactly a CSV table: the header, then every row, each cell of
/// the column's type with the CSV's value, and no cell where the CSV's is empty.
func expectSheet(_ sheet: TestWorkbookReader.Sheet, holds csv: String, schema: TableSchema,
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
    let rows = try TableReader(path: csv, options: ReadOptions(header: .line(1))).readAll()
    #expect(sheet.rows.first == schema.columns.map { .text($0) }, "\(sheet.name): header", sourceLocation: sourceLocation)
    #expect(sheet.rows.count == rows.count + 1, "\(sheet.name): rows", sourceLocation: sourceLocation)
    for (index, row) in rows.enumerated() where index + 1 < sheet.rows.count {
        let cells = sheet.rows[index + 1]
        for (column, field) in schema.fields.enumerated() {
            let text = row[column]
            let cell = column < cells.count ? cells[column] : nil
            let expected: TestWorkbookReader.Cell? = switch field.type {
            case _ where text.isEmpty: nil
            case .string: .text(text)
            case .integer, .number: Double(text).map(TestWorkbookReader.Cell.number)
            case .boolean: .boolean(text == "true")
            }
            #expect(cell == expected, "\(sheet.name) row \(index + 2) \(field.name): the CSV has \"\(text)\"", sourceLocation: sourceLocation)
        }
    }
}

/// LibreOffice, when installed: converting a workbook, and comparing what it read.
enum LibreOffice {
    static let path: String? = ["libreoffice", "soffice"].lazy.compactMap { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }.first

    /// Every sheet to `<book>-<sheet>.csv` in `folder`: values as stored, not as shown.
    static func convertEverySheetToCSV(_ office: String, _ workbook: String, into folder: String) throws -> ChildProcess.Result {
        // Field separator, quote, UTF-8, from line 1, ..., cells as stored, every sheet (-1).
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
        let profile = "file://" + folder + "/profile"
        return try ChildProcess.run(office, ["-env:UserInstallation=" + profile, "--headless", "--convert-to", filter, "--outdir", folder, workbook])
    }

    /// True when LibreOffice's text for a cell is the CSV's value: numbers to 15 digits,
    /// booleans in capitals.
    static func sameValue(_ theirs: String, _ ours: String, type: TableSchema.FieldType) -> Bool {
        switch type {
        case .string: return theirs == ours
        case .boolean: return theirs.lowercased() == ours
        case .integer, .number:
            guard let a = Double(theirs), let b = Double(ours) else { return theirs == ours }
            return abs(a - b) <= 1e-13 * max(1, abs(b))
        }
    }
}
