import AreaNeedsTestSupport
import Foundation
import Testing

/// `areaneeds peek`: a source's header and first rows as the product reads them, a
/// workbook's sheets, and the documented exit codes for what cannot be read.
@Suite("areaneeds peek")
struct PeekCommandTests {
    let folder = TemporaryFolder()

    private func peek(_ arguments: [String]) throws -> ChildProcess.Result {
        try Executables.run("areaneeds", ["peek"] + arguments, in: folder.path)
    }

    @Test func aCSVSourceAsRead() throws {
        let path = folder.file("fuel.csv", FixtureProject.fuelPoverty())
        let result = try peek([path, "--rows", "2"])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.standardOutput == """
            \(path): header on line 3, 3 columns

            LSOA Code  Households  Fuel poor
            L11              1000        100
            L12              1000        100

            18 data rows (the first 2 shown); 1 note below the data, from line 23; (x) is a missing value and its marker

            """)
    }

    @Test func markersAndChosenColumns() throws {
        let path = folder.file("scores.csv", FixtureProject.scores())
        let result = try peek([path, "--columns", "Score, LSOA code", "--rows", "5"])
        #expect(result.status == 0, "\(result.transcript)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[2] == "Score  LSOA code")
        #expect(lines[4] == "  1.2  L12")
        #expect(lines[7] == " (..)  L22")
    }

    @Test func aWorkbookListsItsSheetsThenShowsOne() throws {
        let path = folder.path + "/fuel.xlsx"
        var workbook = FixtureProject.fuelPovertyWorkbook()
        workbook.sheets.insert(WorkbookFile.Sheet("Contents", rows: [[.text("Tables")]]), at: 0)
        try workbook.write(to: path)
        let listing = try peek([path])
        #expect(listing.status == 0, "\(listing.transcript)")
        #expect(listing.standardOutput.contains("an Excel workbook with 2 sheets"))
        #expect(listing.standardOutput.contains("2  Table 3"))
        let sheet = try peek([path, "--sheet", "Table 3", "--rows", "1"])
        #expect(sheet.status == 0, "\(sheet.transcript)")
        #expect(sheet.standardOutput.hasPrefix("\(path), sheet \"Table 3\": header on row 3, 3 columns"))
        #expect(sheet.standardOutput.contains("L11              1000        100"))
        #expect(try peek([path, "--sheet", "2", "--rows", "1"]).standardOutput == sheet.standardOutput)
    }

    @Test func windows1252WithItsEncoding() throws {
        let path = folder.file("legacy.csv", bytes: Array("Code,Name\nE01,".utf8) + [0x43, 0x61, 0x66, 0xE9] + [0x0A])
        let refused = try peek([path])
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("read it with `encoding: windows-1252`"))
        let read = try peek([path, "--encoding", "windows-1252"])
        #expect(read.status == 0, "\(read.transcript)")
        #expect(read.standardOutput.contains("E01   Café"))
    }

    @Test func exitCodes() throws {
        let workbook = folder.path + "/book.xlsx"
        try FixtureProject.fuelPovertyWorkbook().write(to: workbook)
        #expect(try peek([folder.path + "/missing.csv"]).status == 66)
        #expect(try peek([workbook, "--sheet", "Table 9"]).status == 78)
        #expect(try peek([folder.file("fuel.csv", FixtureProject.fuelPoverty()), "--columns", "Rate"]).status == 78)
        #expect(try peek([workbook, "--encoding", "ebcdic"]).status == 64)
        #expect(try peek([workbook, "--rows", "0"]).status == 64)
        #expect(try peek([folder.file("ragged.csv", "A,B\n1,2\n3\n4,5\n")]).status == 65)
    }
}
