import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// A small reader of the workbooks the release writes, for the tests of how cells are stored:
/// every sheet's cells, by row, as text, number or boolean, with each cell's raw XML. It
/// reads what the writer writes (shared and inline strings, numbers, booleans) and nothing
/// more. The product's own reader (`AreaNeedsTables/Workbook`) reads a sheet as text, as a
/// source; `theProductsOwnReaderReadsEverySheetAsItsCSV` reads the edition through it.
enum TestWorkbookReader {
    /// A cell's value.
    enum Cell: Equatable, CustomStringConvertible {
        case text(String)
        case number(Double)
        case boolean(Bool)

        var description: String {
            switch self {
            case .text(let text): "text \"\(text)\""
            case .number(let number): "number \(number)"
            case .boolean(let flag): "boolean \(flag)"
            }
        }
    }

    /// A sheet: its name and its rows, each a row of cells by column (nil: no cell).
    struct Sheet {
        var name: String
        var rows: [[Cell?]]
        /// The raw XML of every cell, by reference ("B2"), for tests of how a cell is stored.
        var cellXML: [String: String]
    }

    /// Every sheet of the workbook at `path`, in order.
    static func sheets(of path: String) throws -> [Sheet] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func part(_ name: String) throws -> Data {
            guard let entry = archive[name] else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: name]) }
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return data
        }
        let names = try elements(try part("xl/workbook.xml"), element: "sheet").map { $0["name"] ?? "" }
        let targets = try elements(try part("xl/_rels/workbook.xml.rels"), element: "Relationship")
        let workbook = try elements(try part("xl/workbook.xml"), element: "sheet")
        let shared = try sharedStrings(try part("xl/sharedStrings.xml"))
        return try zip(names, workbook).map { name, sheet in
            let id = sheet["r:id"] ?? ""
            let target = targets.first { $0["Id"] == id }?["Target"] ?? ""
            let parser = SheetParser(shared: shared)
            let xml = try part("xl/" + target)
            let reader = XMLParser(data: xml)
            reader.delegate = parser
            guard reader.parse() else { throw reader.parserError ?? CocoaError(.fileReadCorruptFile) }
            return Sheet(name: name, rows: parser.rows, cellXML: SheetParser.cellXML(String(decoding: xml, as: UTF8.self)))
        }
    }

    /// The attributes of every element named `element`.
    private static func elements(_ data: Data, element: String) throws -> [[String: String]] {
        final class Collector: NSObject, XMLParserDelegate {
            let element: String
            var found: [[String: String]] = []
            init(_ element: String) { self.element = element }
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if name == element { found.append(attributes) }
            }
        }
        let collector = Collector(element)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return collector.found
    }

    /// The text of each `<si>` of the shared strings, in order.
    private static func sharedStrings(_ data: Data) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var strings: [String] = []
            var inText = false
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if name == "si" { strings.append("") }
                if name == "t" { inText = true }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if inText { strings[strings.count - 1] += string }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "t" { inText = false }
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return collector.strings
    }

    /// Reads `<sheetData>`: cells placed by their reference.
    private final class SheetParser: NSObject, XMLParserDelegate {
        let shared: [String]
        var rows: [[Cell?]] = []

        init(shared: [String]) { self.shared = shared }

        private var reference = ""
        private var type = ""
        private var text = ""
        private var inValue = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "c":
                reference = attributes["r"] ?? ""
                type = attributes["t"] ?? "n"
                text = ""
            case "v", "t":
                inValue = true
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inValue { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t":
                inValue = false
            case "c":
                let (column, row) = SheetParser.place(reference)
                while rows.count <= row { rows.append([]) }
                while rows[row].count <= column { rows[row].append(nil) }
                switch type {
                case "inlineStr", "str": rows[row][column] = .text(text)
                case "s": rows[row][column] = Int(text).flatMap { $0 < shared.count ? .text(shared[$0]) : nil } ?? .text("no shared string " + text)
                case "b": rows[row][column] = .boolean(text == "1")
                default: rows[row][column] = Double(text).map(Cell.number) ?? .text("not a number: " + text)
                }
            default:
                break
            }
        }

        /// 0-based column and row of "C12".
        static func place(_ reference: String) -> (column: Int, row: Int) {
            let letters = reference.prefix { $0.isLetter }
            let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
            return (column, (Int(reference.dropFirst(letters.count)) ?? 1) - 1)
        }

        /// The XML of each `<c>` element, by its reference.
        static func cellXML(_ xml: String) -> [String: String] {
            var cells: [String: String] = [:]
            var rest = xml[...]
            while let start = rest.range(of: "<c r=\"") {
                let afterStart = rest[start.upperBound...]
                guard let quote = afterStart.firstIndex(of: "\""), let end = rest[start.lowerBound...].range(of: "</c>") else { break }
                cells[String(afterStart[..<quote])] = String(rest[start.lowerBound..<end.upperBound])
                rest = rest[end.upperBound...]
            }
            return cells
        }
    }
}
