import AreaNeedsCore

/// A release table as a worksheet named after it: the header bold and frozen, an
/// autofilter, columns sized to their content, numbers stored as numbers in formats that
/// suit them (ranks as whole numbers), need quintiles on the palette's colours, booleans as
/// TRUE and FALSE, text always as text (never a formula), and empty cells truly empty.
///
/// A table with more rows than a sheet holds goes on as "<table> (2)" and so on, each with
/// the header again.
struct TableSheet {
    let schema: TableSchema
    /// The most rows, the header's included, on one sheet.
    var rowsPerSheet = SheetWriter.maxRows

    /// How a column's cells are written.
    private enum Column {
        case text
        /// Text that repeats down the column (area codes, ids, qualities): shared strings.
        case sharedText
        case boolean
        case integer
        case quintile
        case number(CellStyle)
    }

    private var columns: [Column] {
        schema.fields.map { field in
            switch field.type {
            case .string: repeats(field.name) ? .sharedText : .text
            case .boolean: .boolean
            case .integer: field.name.hasSuffix("need_quintile") ? .quintile : .integer
            case .number:
                switch field.name {
                case "population": .number(.thousands)
                case "mean_need_rank": .number(.oneDecimal)
                default: .number(.decimal)
                }
            }
        }
    }

    /// True for a column whose text repeats: a foreign key, a column of a few allowed
    /// values, or the first of a primary key of several columns.
    private func repeats(_ name: String) -> Bool {
        schema.foreignKeys.contains { $0.fields.contains(name) }
            || schema.fields.first { $0.name == name }?.allowed != nil
            || (schema.primaryKey.count > 1 && schema.primaryKey.first == name)
    }

    /// Writes the sheet's rows into `parts`, reading the table from `folder`; `row` sees
    /// every row too (the profile sheet is made from the need table's).
    func write(tablesIn folder: String, into parts: WorkbookParts, index: Int,
               row: ((_ cells: [TableCell]) throws(AreaNeedsError) -> Void)? = nil) throws(AreaNeedsError) -> [SheetPart] {
        let columns = self.columns
        var finished: [SheetPart] = []
        var sheet = try start(parts, index: index, continuation: 1)
        try TypedRows.forEachRow(of: schema, in: folder) { (cells) throws(AreaNeedsError) in
            if sheet.rowCount == rowsPerSheet {
                finished.append(try sheet.finish())
                sheet = try start(parts, index: index, continuation: finished.count + 1)
            }
            sheet.startRow(height: SheetWriter.height(lines: TableSheet.lines(of: cells, width: sheet.maxWidth)))
            for (cell, column) in zip(cells, columns) {
                switch (cell, column) {
                case (.empty, _):
                    sheet.skip()
                case (.text(let text), .sharedText) where !TableSheet.startsLikeAFormula(text):
                    sheet.sharedText(text)
                case (.text(let text), _):
                    sheet.text(text, style: TableSheet.style(of: text, width: sheet.maxWidth))
                case (.boolean(let flag), _):
                    sheet.boolean(flag)
                case (.integer(let number), .quintile):
                    sheet.integer(number, style: CellStyle.quintile(number) ?? .integer)
                case (.integer(let number), _):
                    sheet.integer(number, style: .integer)
                case (.number(let number), .number(let style)):
                    sheet.number(number, style: style)
                case (.number(let number), _):
                    sheet.number(number, style: .decimal)
                }
            }
            try sheet.endRow()
            try row?(cells)
        }
        finished.append(try sheet.finish())
        return finished
    }

    /// A new sheet with the header row.
    private func start(_ parts: WorkbookParts, index: Int, continuation: Int) throws(AreaNeedsError) -> SheetWriter {
        let name = continuation == 1 ? schema.name : "\(schema.name) (\(continuation))"
        let sheet = try parts.sheet(named: name, file: "\(index)-\(continuation).xml")
        sheet.frozenRows = 1
        sheet.filterRow = 1
        sheet.startRow()
        for field in schema.fields {
            // Room for the name and the filter's button.
            sheet.text(field.name, style: .header, width: Double(field.name.count + 3))
        }
        try sheet.endRow()
        return sheet
    }

    /// The style of a text cell: marked to stay text when it could pass for a formula,
    /// wrapped when it is longer than its column is wide, plain otherwise.
    private static func style(of text: String, width: Double) -> CellStyle {
        if startsLikeAFormula(text) { return .literalText }
        return text.utf8.count > Int(width) - 2 || text.utf8.contains(0x0A) ? .text : .plain
    }

    /// The lines the row's tallest text takes, wrapped at the widest a column grows.
    private static func lines(of cells: [TableCell], width: Double) -> Int {
        var lines = 1
        for case .text(let text) in cells where text.utf8.count > Int(width) - 2 || text.utf8.contains(0x0A) {
            lines = max(lines, SheetWriter.lines(of: text, width: width))
        }
        return lines
    }

    /// True for text a spreadsheet could take for a formula or run: it begins with `=`,
    /// `+`, `-`, `@`, a tab or a carriage return.
    static func startsLikeAFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
    }
}
