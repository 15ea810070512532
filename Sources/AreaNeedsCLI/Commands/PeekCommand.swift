import AreaNeedsCore
import AreaNeedsTables
import ArgumentParser
import Foundation

/// `areaneeds peek FILE`: the header found and the first rows of a source exactly as the
/// product reads them, to write its pipeline entry; a workbook's sheets when none is named.
struct PeekCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peek",
        abstract: "Show the header and first rows of a source as AreaNeeds reads it, or a workbook's sheets.",
        discussion: """
            Prints the header row found (and the line, or a sheet's row, it is on), the first \
            data rows as an aligned table, and how many data rows and notes the file has. \
            Numbers show as they are read ("1,234" as 1234, "12.5%" as 12.5); missing values \
            show their marker in brackets ("(..)", "(c)"). For a workbook without --sheet, \
            lists its sheets with their cell ranges. The header is found as a source's is: \
            the first row of two or more values, the row holding --columns, or --header-line.

                areaneeds peek data-raw/fuel-poverty-2022.xlsx
                areaneeds peek data-raw/fuel-poverty-2022.xlsx --sheet "Table 3" --rows 5
                areaneeds peek extract.csv --encoding windows-1252 --columns "LSOA Code,Number of households"

            \(ExitCodes.help)
            """)

    @Argument(help: "The file: CSV, gzip-compressed CSV or an Excel workbook (.xlsx).")
    var file: String

    @Option(help: "The sheet of a workbook: its name, or its number from 1.")
    var sheet: String?

    @Option(help: "The text encoding of a CSV file: utf-8 (the default), windows-1252, latin-1.")
    var encoding: String?

    @Option(help: "How many data rows to show.")
    var rows = 10

    @Option(name: .customLong("header-line"), help: "The line (a sheet's row) the header is on.")
    var headerLine: Int?

    @Option(help: "Columns the header must have, separated by commas; only these are shown.")
    var columns: String?

    func validate() throws {
        guard rows >= 1 else { throw ValidationError("--rows must be 1 or more") }
        if let headerLine, headerLine < 1 { throw ValidationError("--header-line counts from 1") }
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding \"\(encoding)\"; use one of \(TextEncoding.knownNames.joined(separator: ", "))")
        }
        if let sheet, let number = Int(sheet), number < 1 { throw ValidationError("sheets are numbered from 1") }
    }

    func run() throws {
        try reportingErrors {
            do {
                for line in try lines() { Terminal.writeOutput(line) }
            } catch let error as TableError {
                throw AreaNeedsError(error, context: "peek")
            }
        }
    }

    private var wantedColumns: [String] {
        columns.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
    }

    private var options: ReadOptions {
        var header = HeaderLocation.automatic
        if let headerLine { header = .line(headerLine) } else if !wantedColumns.isEmpty { header = .containing(wantedColumns) }
        let choice = sheet.map { Int($0).map(SheetChoice.number) ?? .name($0) }
        return ReadOptions(header: header, sheet: choice, encoding: encoding.flatMap(TextEncoding.init(name:)) ?? .utf8)
    }

    /// What to print: the table, or a workbook's sheets when none was named.
    private func lines() throws -> [String] {
        guard let reader = try openReader() else { return try sheetLines() }
        let shown = try wantedColumns.map { try reader.header.column($0) }
        let columns = shown.isEmpty ? reader.header.names.indices.map { TableColumn(index: $0, name: reader.header.names[$0]) } : shown
        let numbers = NumberParser()
        var table = TextTable(header: columns.map(\.name))
        var numeric = Set(table.header.indices)
        var count = 0
        try reader.forEachRecord { record in
            count += 1
            guard count <= rows else { return }
            table.rows.append(columns.enumerated().map { position, column in
                let text = record.text(column)
                switch numbers.parse(text) {
                case .number(let value)?: return NumberText.format(value)
                case .missing?: return text.isEmpty ? "" : "(\(text))"
                case nil:
                    numeric.remove(position)
                    return text
                }
            })
        }
        table.rightAligned = numeric
        let place = reader.sheet.map { "\(file), sheet \"\($0)\"" } ?? file
        let line = reader.sheet == nil ? "line" : "row"
        var lines = ["\(place): header on \(line) \(reader.headerLine), \(reader.header.names.count) columns", ""]
        lines += table.lines
        lines.append("")
        var summary = "\(count) data row\(count == 1 ? "" : "s")" + (count > rows ? " (the first \(rows) shown)" : "")
        if reader.noteCount > 0, let first = reader.notes.first {
            summary += "; \(reader.noteCount) note\(reader.noteCount == 1 ? "" : "s") below the data, from \(line) \(first.line)"
        }
        lines.append(summary + "; (x) is a missing value and its marker")
        return lines
    }

    /// The file's reader; nil for a workbook read with no sheet named.
    private func openReader() throws(TableError) -> TableReader? {
        do {
            return try TableReader(path: file, options: options)
        } catch {
            if case .sheetNotChosen = error.kind { return nil }
            throw error
        }
    }

    /// The sheets of a workbook, with the cells each declares it uses.
    private func sheetLines() throws -> [String] {
        let workbook = try Workbook(path: file)
        var table = TextTable(header: ["#", "sheet", "cells", "rows", "columns", ""])
        table.rightAligned = [0, 3, 4]
        for sheet in workbook.sheets {
            let range = try workbook.dimension(of: sheet)
            let size = range.flatMap(CellRange.init)
            table.rows.append([String(sheet.number), sheet.name, range ?? "", size.map { String($0.rows) } ?? "",
                               size.map { String($0.columns) } ?? "", sheet.isHidden ? "hidden" : ""])
        }
        let count = workbook.sheets.count
        return ["\(file): an Excel workbook with \(count) sheet\(count == 1 ? "" : "s"); name one with --sheet NAME or --sheet NUMBER", ""]
            + table.lines
    }
}

/// A sheet's cell range, "A1:I32862": how many rows and columns it spans.
private struct CellRange {
    var rows: Int
    var columns: Int

    init?(_ reference: String) {
        let corners = reference.split(separator: ":").map(CellRange.corner)
        guard let first = corners.first, let start = first else { return nil }
        let end = corners.count > 1 ? corners[1] : start
        guard let end else { return nil }
        rows = end.row - start.row + 1
        columns = end.column - start.column + 1
    }

    /// The column and row of a cell reference such as "AB12"; nil beyond what a sheet can
    /// hold (three letters, 1,048,576 rows), which a damaged workbook may declare.
    private static func corner(_ reference: Substring) -> (column: Int, row: Int)? {
        let letters = reference.prefix { $0.isASCII && $0.isLetter }
        guard (1...3).contains(letters.count), let row = Int(reference.dropFirst(letters.count)), (1...1_048_576).contains(row)
        else { return nil }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        return (column, row)
    }
}
