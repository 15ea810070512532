import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsTables

/// Made-up sheets of every kind of cell, omitted cells and empty rows, read through the
/// workbook reader and, written out by the test as the CSV Excel would save, through the
/// CSV reader: the same header, rows, lines and notes every time.
@Suite("Sheets read as their CSV")
struct WorkbookPropertyTests {
    let folder = TemporaryFolder()
    private let isoDate: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter
    }()

    /// A cell and the CSV field Excel would save for it.
    private func cell(_ random: inout SeededGenerator) -> (WorkbookCell, String) {
        let words = ["Burnley", "a, b", "say \"hi\"", "x", "..", "c", "café", "1,234", "12.5%", "E01000001"]
        let word = words[Int(random.next() % UInt64(words.count))]
        let quoted = word.contains(",") || word.contains("\"") ? "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : word
        switch random.next() % 9 {
        case 0: return (.text(word), quoted)
        case 1: return (.inlineText(word), quoted)
        case 2: return (.richText([String(word.prefix(1)), String(word.dropFirst())]), quoted)
        case 3:
            let number = Int(random.next() % 20_000) - 10_000
            return (.number(String(number)), String(number))
        case 4:
            let value = Double(random.next() % 1_000_000) / 1_000
            return (.number(String(format: "%.17g", value)), NumberText.format(value))
        case 5:
            let value = random.next() % 2 == 0
            return (.boolean(value), value ? "TRUE" : "FALSE")
        case 6:
            let error = ["#N/A", "#DIV/0!", "#VALUE!"][Int(random.next() % 3)]
            return (.error(error), error)
        case 7:
            // Serial 43,831 is 2020-01-01.
            let days = Int(random.next() % 3_000)
            let date = Date(timeIntervalSince1970: Double(18_262 + days) * 86_400)
            return (.date(String(43_831 + days)), isoDate.string(from: date))
        default:
            let formula = Int(random.next() % 100)
            return (.formula("A1*2", cached: String(formula)), String(formula))
        }
    }

    @Test(arguments: 1...25)
    func aSheetReadsAsTheCSVExcelWouldSave(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let width = 2 + Int(random.next() % 6)
        var rows: [[WorkbookCell?]] = []
        var lines: [String] = []
        if random.next() % 2 == 0 {
            rows += [[.text("Table \(seed): made up")], []]
            lines += ["Table \(seed): made up", ""]
        }
        rows.append((1...width).map { .text("Column \($0)") })
        lines.append((1...width).map { "Column \($0)" }.joined(separator: ","))
        for _ in 0..<Int(1 + random.next() % 40) {
            if random.next() % 8 == 0 {
                rows.append([])
                lines.append("")
                continue
            }
            var row: [WorkbookCell?] = []
            var fields: [String] = []
            for column in 0..<width {
                // Any cell but the last may be left out of the sheet; it reads as empty.
                if column < width - 1, random.next() % 5 == 0 {
                    row.append(nil)
                    fields.append("")
                } else {
                    let (value, text) = cell(&random)
                    row.append(value)
                    fields.append(text)
                }
            }
            rows.append(row)
            lines.append(fields.joined(separator: ","))
        }
        if random.next() % 2 == 0 {
            rows += [[], [.text("Source: made up")]]
            lines += ["", "Source: made up"]
        }
        let workbook = folder.path + "/sheet-\(seed).xlsx"
        try WorkbookFile(sheets: [WorkbookFile.Sheet("Data", rows: rows)]).write(to: workbook)
        let csv = folder.file("sheet-\(seed).csv", lines.joined(separator: "\n") + "\n")

        let fromSheet = try TableReader(path: workbook, options: ReadOptions(sheet: .name("Data")))
        let fromCSV = try TableReader(path: csv)
        #expect(fromSheet.header.names == fromCSV.header.names)
        #expect(fromSheet.headerLine == fromCSV.headerLine)
        var sheetRows: [(Int, [String])] = []
        try fromSheet.forEachRecord { sheetRows.append(($0.line, $0.texts)) }
        var csvRows: [(Int, [String])] = []
        try fromCSV.forEachRecord { csvRows.append(($0.line, $0.texts)) }
        #expect(sheetRows.map(\.0) == csvRows.map(\.0))
        #expect(sheetRows.map(\.1) == csvRows.map(\.1))
        #expect(fromSheet.notes.map(\.line) == fromCSV.notes.map(\.line))
    }
}
