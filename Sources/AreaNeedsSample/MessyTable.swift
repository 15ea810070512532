import AreaNeedsTables
import Foundation

/// A table written the way publishers ship them: title rows above the header, notes
/// below the data, thousands separators, suppression markers, CRLF or LF line ends,
/// sometimes a byte order mark, sometimes gzip.
struct MessyTable {
    var titleRows: [String] = []
    var header: [String]
    var rows: [[String]] = []
    var notes: [String] = []
    var crlf = false
    var byteOrderMark = false

    /// Writes the table; `.gz` names are gzip-compressed (header on the first line).
    func write(to path: String) throws {
        if path.hasSuffix(".gz") {
            let writer = try TableWriter(path: path, columns: header, compression: .gzip)
            for row in rows { try writer.write(row) }
            try writer.finish()
            return
        }
        let end = crlf ? "\r\n" : "\n"
        var text = byteOrderMark ? "\u{FEFF}" : ""
        for title in titleRows { text += MessyTable.field(title) + end }
        if !titleRows.isEmpty { text += end }
        text += header.map(MessyTable.field).joined(separator: ",") + end
        for row in rows { text += row.map(MessyTable.field).joined(separator: ",") + end }
        if !notes.isEmpty {
            text += end
            for note in notes { text += MessyTable.field(note) + end }
        }
        try FileSystem.writeFile(path, Array(text.utf8))
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A count as publishers print it: "1,234" from a thousand up.
    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A decimal with `places` places.
    static func decimal(_ value: Double, _ places: Int) -> String {
        String(format: "%.\(places)f", value)
    }
}
