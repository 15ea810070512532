import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

/// The real public extracts in ../shared/data/real, read as published. Skipped, and
/// reported as skipped, where that folder is absent.
@Suite("Real published files", .enabled(if: RealData.isPresent, "../shared/data/real is not present"))
struct RealDataTests {
    /// Rows that carry an area code in `codeColumn`; totals and notes carry none.
    private func countAreaRows(_ name: String, codeColumn: String, options: ReadOptions = ReadOptions()) throws -> (rows: Int, reader: TableReader) {
        let reader = try TableReader(path: RealData.path(name), options: options)
        let code = try reader.header.column(codeColumn)
        var rows = 0
        try reader.forEachRecord { record in
            if !record.isEmpty(code) { rows += 1 }
        }
        return (rows, reader)
    }

    @Test func fuelPovertyWithTitleRowsAndNotes() throws {
        let (rows, reader) = try countAreaRows("csv/fuel-poverty-2022-lsoa.csv", codeColumn: "LSOA Code")
        #expect(reader.headerLine == 3)
        #expect(rows == 32_844)
        #expect(reader.notes.first?.text.hasPrefix("Note A:") == true)
        #expect(reader.notes.last?.text == "Back to contents")
    }

    @Test func fuelPovertyNumbersConvert() throws {
        let reader = try TableReader(path: RealData.path("csv/fuel-poverty-2022-lsoa.csv"))
        let code = try reader.header.column("LSOA Code")
        let households = try reader.header.column("Number of households")
        let poor = try reader.header.column("Number of households in fuel poverty")
        var total = 0.0
        var tunbridgeWells014B = 0.0
        try reader.forEachRecord { record in
            guard !record.isEmpty(code) else { return }
            let count = try record.wholeNumber(poor).number ?? 0
            total += count
            _ = try record.wholeNumber(households)
            if record.text(code) == "E01024807" { tunbridgeWells014B = count }
        }
        #expect(total > 2_000_000)
        #expect(tunbridgeWells014B == 83)
    }

    @Test func gzipDomainsWithByteOrderMark() throws {
        let (rows, reader) = try countAreaRows("File_2_-_IoD2019_Domains_of_Deprivation.csv.gz", codeColumn: "LSOA code (2011)")
        #expect(rows == 32_844)
        #expect(reader.header.names.first == "LSOA code (2011)")
        #expect(reader.header.contains("Barriers to Housing and Services Rank (where 1 is most deprived)"))
    }

    @Test(arguments: ["census2021-ts038-lsoa.csv", "census2021-ts039-lsoa.csv"])
    func censusBulkFiles(name: String) throws {
        let (rows, _) = try countAreaRows(name, codeColumn: "geography code")
        #expect(rows == 35_672)
    }

    @Test func outputAreaLookup() throws {
        let (rows, _) = try countAreaRows("fe6c55f0924b4734adf1cf7104a0173e_0.csv.gz", codeColumn: "OA11CD")
        #expect(rows == 227_759)
    }

    @Test func wardLookup() throws {
        let (rows, _) = try countAreaRows("Lower_Layer_Super_Output_Area_(2011)_to_Ward_(2019)_Lookup_in_England_and_Wales.csv", codeColumn: "LSOA11CD")
        #expect(rows == 34_753)
    }

    @Test(arguments: [
        ("csv/imd2019-file1-imd-rank-decile.csv", 32_844),
        ("csv/imd2019-file3-idaci-idaopi.csv", 32_844),
        ("csv/imd2019-file6-population-denominators.csv", 32_844),
        ("csv/ons-local-income-deprivation-lsoa.csv", 32_844),
        ("csv/ons-local-income-deprivation-lad.csv", 317),
    ])
    func spreadsheetExports(name: String, rows expected: Int) throws {
        let reader = try TableReader(path: RealData.path(name))
        let code = reader.header.names[0]
        let (rows, _) = try countAreaRows(name, codeColumn: code)
        #expect(rows == expected)
    }
}
