import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

/// The real published workbooks in ../shared/data/real, read sheet by sheet, against the
/// CSV copies of the same sheets beside them (`csv/`). Skipped, and reported as skipped,
/// where that folder is absent.
@Suite("Real published workbooks", .enabled(if: RealData.isPresent, "../shared/data/real is not present"))
struct WorkbookRealDataTests {
    /// The table of a sheet and of its CSV copy: header line, header and every data row.
    /// Returns the sheet's reader, read to its end, and its rows.
    @discardableResult
    private func expectSameTable(_ workbook: String, sheet: String, csv: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws -> (TableReader, [[String]]) {
        let fromSheet = try TableReader(path: RealData.path(workbook), options: ReadOptions(sheet: .name(sheet)))
        let fromCSV = try TableReader(path: RealData.path("csv/" + csv))
        #expect(fromSheet.headerLine == fromCSV.headerLine, sourceLocation: sourceLocation)
        #expect(fromSheet.header.names == fromCSV.header.names, sourceLocation: sourceLocation)
        let sheetRows = try fromSheet.readAll()
        let csvRows = try fromCSV.readAll()
        #expect(sheetRows.count == csvRows.count, sourceLocation: sourceLocation)
        let differing = zip(sheetRows, csvRows).filter { $0.0 != $0.1 }
        #expect(differing.isEmpty, "\(differing.count) rows differ, the first: \(differing.first.map { "\($0.0) against \($0.1)" } ?? "")",
                sourceLocation: sourceLocation)
        return (fromSheet, sheetRows)
    }

    @Test func file1ImdRanksEqualTheCSVCopyForEveryLsoa() throws {
        let (reader, rows) = try expectSameTable("File_1_-_IMD2019_Index_of_Multiple_Deprivation.xlsx", sheet: "IMD2019",
                                                 csv: "imd2019-file1-imd-rank-decile.csv")
        let rank = try reader.header.column("Index of Multiple Deprivation (IMD) Rank").index
        let ranks = rows.compactMap { Int($0[rank]) }
        // Every LSOA has a rank from 1 to 32,844 (tied LSOAs share one).
        #expect(ranks.count == 32_844)
        #expect(ranks.allSatisfy { (1...32_844).contains($0) })
        #expect(ranks.min() == 1 && ranks.max() == 32_844)
    }

    @Test func fuelPovertyTable3HeaderBelowTheTitles() throws {
        let (reader, _) = try expectSameTable("sub-regional-fuel-poverty-2022-tables.xlsx", sheet: "Table 3", csv: "fuel-poverty-2022-lsoa.csv")
        #expect(reader.headerLine == 3)
        #expect(reader.notes.first?.text.hasPrefix("Note A:") == true)
    }

    @Test func file6PopulationDenominators() throws {
        try expectSameTable("File_6_-_IoD2019_Population_Denominators.xlsx", sheet: "Population Denominators",
                            csv: "imd2019-file6-population-denominators.csv")
    }

    @Test func file3IdaciAndIdaopi() throws {
        try expectSameTable("File_3_-_IoD2019_Supplementary_Indices_-_IDACI_and_IDAOPI.xlsx", sheet: "IoD2019 IDACI & IDAOPI",
                            csv: "imd2019-file3-idaci-idaopi.csv")
    }

    @Test func localIncomeDeprivationSheets() throws {
        try expectSameTable("localincomedeprivationdata.xlsx", sheet: "LSOA", csv: "ons-local-income-deprivation-lsoa.csv")
        try expectSameTable("localincomedeprivationdata.xlsx", sheet: "Local authorities", csv: "ons-local-income-deprivation-lad.csv")
    }

    @Test func sheetsListedWithTheirSizes() throws {
        let workbook = try Workbook(path: RealData.path("sub-regional-fuel-poverty-2022-tables.xlsx"))
        #expect(workbook.sheets.map(\.name) == ["Title", "Contents", "Metadata", "Notes", "Table 1", "Table 2", "Table 3", "Table 4"])
        let table3 = try workbook.sheet(.name("Table 3"))
        #expect(try workbook.dimension(of: table3) == "A1:I32862")
    }
}
