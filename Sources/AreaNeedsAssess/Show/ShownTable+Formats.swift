import AreaNeedsRelease
import Foundation

extension ShownTable {
    /// The rows as CSV, exactly as the release writes them, under the chosen columns.
    package var csv: String {
        ([fields.map(\.name)] + rows).map { row in row.map(ShownTable.csvField).joined(separator: ",") + "\n" }.joined()
    }

    /// The rows as a JSON array of objects, keys in column order: numbers as numbers (the
    /// release's exact text), booleans as `true`/`false`, empty cells as `null`.
    package var json: String {
        guard !rows.isEmpty else { return "[]\n" }
        let objects = rows.map { row in
            "  {" + zip(fields, row).map { field, cell in
                ShownTable.jsonString(field.name) + ": " + ShownTable.jsonValue(cell, field.type)
            }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// The rows as a Markdown table, figures rounded for reading as in the terminal table.
    package var markdown: String {
        let numeric = fields.map(\.isNumeric)
        var lines = ["| " + fields.map { ShownTable.markdownCell($0.name) }.joined(separator: " | ") + " |"]
        lines.append("|" + numeric.map { $0 ? "---:" : ":---" }.joined(separator: "|") + "|")
        for row in rows {
            lines.append("| " + zip(fields, row).map { ShownTable.markdownCell(ShownTable.display($1, $0.type)) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell as people read it: figures rounded (whole numbers as they are), control
    /// characters shown as "?" so no text can move the cursor or change the terminal.
    static func display(_ cell: String, _ type: TableSchema.FieldType) -> String {
        switch type {
        case .number:
            return Double(cell).map(TextLayout.number) ?? cell
        default:
            return String(String.UnicodeScalarView(cell.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
        }
    }

    private static func csvField(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    private static func jsonValue(_ cell: String, _ type: TableSchema.FieldType) -> String {
        if cell.isEmpty { return "null" }
        switch type {
        case .integer, .number: return Double(cell) != nil ? cell : jsonString(cell)
        case .boolean: return cell == "true" || cell == "false" ? cell : jsonString(cell)
        case .string: return jsonString(cell)
        }
    }

    /// A JSON string literal, escaped as JSON requires.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

extension TableSchema.Field {
    /// True for columns of numbers, which are aligned right and never cut.
    var isNumeric: Bool { type == .integer || type == .number }
}
