import AreaNeedsCore
import AreaNeedsTables

/// A cell of a release table, typed as its column's schema says.
enum TableCell: Equatable, Sendable {
    /// No value: an empty CSV field.
    case empty
    case text(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
}

extension TableCell {
    /// The cell's text, or "" when it holds none.
    var text: String {
        if case .text(let text) = self { return text }
        return ""
    }

    /// The cell's whole number, if it holds one.
    var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }
}

/// Reads a release table's CSV row by row as typed cells. The workbook and the database are
/// made from the CSV files a release has just written, through this one reader, so they
/// hold exactly the CSVs' values: the CSVs stay the contract.
enum TypedRows {
    /// Calls `body` with each row's cells, in file order (the array is reused: copy what
    /// you keep). Throws unless the file's header is the schema's columns and every value
    /// has its column's type.
    static func forEachRow(of schema: TableSchema, in folder: String,
                           _ body: (_ cells: [TableCell]) throws(AreaNeedsError) -> Void) throws(AreaNeedsError) {
        let path = folder + "/" + schema.fileName
        let context = "release table \(schema.name)"
        do {
            let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
            guard reader.header.names == schema.columns else {
                throw AreaNeedsError(.internal, "\(path): the header is \(reader.header.names), not the schema's \(schema.columns)")
            }
            let columns = schema.fields.enumerated().map { TableColumn(index: $0.offset, name: $0.element.name) }
            let types = schema.fields.map(\.type)
            var cells = [TableCell](repeating: .empty, count: columns.count)
            try reader.forEachRecord { record in
                for index in columns.indices {
                    cells[index] = try cell(of: record, columns[index], types[index], path: path)
                }
                try body(cells)
            }
        } catch let error as AreaNeedsError {
            throw error
        } catch let error as TableError {
            throw AreaNeedsError(.internal, "\(context): \(error)")
        } catch {
            throw AreaNeedsError(.internal, "\(context): \(error)")
        }
    }

    private static func cell(of record: TableRecord, _ column: TableColumn, _ type: TableSchema.FieldType, path: String) throws -> TableCell {
        if record.isEmpty(column) { return .empty }
        switch type {
        case .string:
            return .text(record.text(column))
        case .integer:
            guard let value = try record.wholeNumber(column).number, let whole = Int(exactly: value) else {
                throw record.error(.notAWholeNumber, column: column, text: record.text(column))
            }
            return .integer(whole)
        case .number:
            guard let value = try record.number(column).number else {
                throw record.error(.notANumber, column: column, text: record.text(column))
            }
            return .number(value)
        case .boolean:
            switch record.text(column) {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default:
                throw AreaNeedsError(.internal, "\(path), line \(record.line), column \(column.name): \"\(record.text(column))\" is not true or false")
            }
        }
    }
}
