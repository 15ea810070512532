import Foundation
import ZIPFoundation

/// One cell of a workbook written by `WorkbookFile`, as Excel stores it.
package enum WorkbookCell: Sendable, Equatable {
    /// Text kept in the shared strings (`t="s"`), as Excel writes text.
    case text(String)
    /// Text kept in the cell itself (`t="inlineStr"`).
    case inlineText(String)
    /// Shared text in rich-text runs (`<r><t>`), which read joined.
    case richText([String])
    /// A number as its `<v>` holds it ("0.1", "1.5E-3").
    case number(String)
    case boolean(Bool)
    /// A formula and its cached numeric result.
    case formula(String, cached: String)
    /// A formula with a text result (`t="str"`).
    case formulaText(String, cached: String)
    /// An error value (`t="e"`): "#N/A", "#DIV/0!".
    case error(String)
    /// A date serial number in a built-in date format (id 14, d/m/yyyy).
    case date(String)
    /// A date serial number in a custom date format ("dd-mmm-yyyy").
    case customDate(String)
    /// A number in a custom format that is not a date ("0.0%").
    case percent(String)
}

/// Writes Excel workbooks (.xlsx) through ZIPFoundation, for tests and benchmarks: the
/// parts Excel writes (content types, relationships, workbook, styles, shared strings,
/// worksheets), each sheet from rows of typed cells.
package struct WorkbookFile {
    /// A sheet: its name and its rows from row 1; a row with no cells is left out of the
    /// XML, as Excel leaves out empty rows, and a nil cell is left out of its row.
    package struct Sheet {
        package var name: String
        package var rows: AnySequence<[WorkbookCell?]>

        package init<Rows: Sequence>(_ name: String, rows: Rows) where Rows.Element == [WorkbookCell?] {
            self.name = name
            self.rows = AnySequence(rows)
        }
    }

    package var sheets: [Sheet]
    /// Dates count from 1904 (`<workbookPr date1904="1"/>`).
    package var uses1904 = false
    /// Whether the shared strings part is written (leave it out to break the workbook).
    package var writesSharedStrings = true
    /// Whether cells carry their references (`r="D7"`); Excel always writes them, some
    /// other writers do not.
    package var writesCellReferences = true
    /// Merged cell ranges written below the first sheet's data ("A1:F1").
    package var mergedCells: [String] = []
    /// The first sheet's XML as given, in place of its rows: for sheets no writer makes.
    package var firstSheetXML: String?

    package init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// Writes the workbook to `path`, replacing any file there. Each sheet's XML goes
    /// through a temporary file, so large sheets are never held in memory.
    package func write(to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        var strings = SharedStringTable()
        for (index, sheet) in sheets.enumerated() {
            let file = scratch.appendingPathComponent("sheet\(index + 1).xml")
            if index == 0, let xml = firstSheetXML {
                FileManager.default.createFile(atPath: file.path, contents: Data(xml.utf8))
            } else {
                try writeSheet(sheet, merged: index == 0 ? mergedCells : [], strings: &strings, to: file)
            }
            try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", fileURL: file, compressionMethod: .deflate)
        }
        try Self.add("[Content_Types].xml", contentTypes, to: archive)
        try Self.add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """, to: archive)
        try Self.add("xl/workbook.xml", workbook, to: archive)
        try Self.add("xl/_rels/workbook.xml.rels", workbookRelationships, to: archive)
        try Self.add("xl/styles.xml", styles, to: archive)
        if writesSharedStrings { try Self.add("xl/sharedStrings.xml", strings.xml, to: archive) }
    }

    /// Writes a zip archive of small text parts: for files that are zips but not workbooks.
    package static func writeArchive(_ entries: [(name: String, text: String)], to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in entries { try add(name, text, to: archive) }
    }

    private static func add(_ path: String, _ text: String, to archive: Archive) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    private var contentTypes: String {
        let sheetTypes = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            \(sheetTypes)</Types>
            """
    }

    private var workbook: String {
        let entries = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 3)\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr\(uses1904 ? " date1904=\"1\"" : "")/><sheets>\(entries)</sheets></workbook>
            """
    }

    private var workbookRelationships: String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let sheetRelationships = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 3)\" Type=\"\(base)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(base)/styles" Target="styles.xml"/>\
            <Relationship Id="rId2" Type="\(base)/sharedStrings" Target="sharedStrings.xml"/>\
            \(sheetRelationships)</Relationships>
            """
    }

    /// Style 0 general, 1 the built-in date format 14, 2 a custom date format, 3 a
    /// custom percentage (not a date). A cell style in `cellStyleXfs` comes first, as in
    /// Excel's files, to show that only `cellXfs` index the cells' styles.
    private var styles: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="dd\\-mmm\\-yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs>\
        </styleSheet>
        """
    }

    private func writeSheet(_ sheet: Sheet, merged: [String], strings: inout SharedStringTable, to url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>
            """
        for (index, row) in sheet.rows.enumerated() where row.contains(where: { $0 != nil }) {
            let number = index + 1
            buffer += "<row r=\"\(number)\">"
            for (column, cell) in row.enumerated() {
                guard let cell else { continue }
                let reference = writesCellReferences ? " r=\"\(Self.columnLetters(column + 1))\(number)\"" : ""
                buffer += cellXML(cell, reference: reference, strings: &strings)
            }
            buffer += "</row>"
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        buffer += "</sheetData>"
        if !merged.isEmpty {
            buffer += "<mergeCells count=\"\(merged.count)\">" + merged.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        buffer += "</worksheet>"
        try handle.write(contentsOf: Data(buffer.utf8))
    }

    private func cellXML(_ cell: WorkbookCell, reference: String, strings: inout SharedStringTable) -> String {
        switch cell {
        case .text(let text):
            return "<c\(reference) t=\"s\"><v>\(strings.index(of: "<t xml:space=\"preserve\">\(escaped(text))</t>"))</v></c>"
        case .richText(let runs):
            let xml = runs.enumerated().map { index, run in
                "<r>\(index == 0 ? "" : "<rPr><b/></rPr>")<t xml:space=\"preserve\">\(escaped(run))</t></r>"
            }.joined() + "<rPh sb=\"0\" eb=\"1\"><t>phonetic</t></rPh>"
            return "<c\(reference) t=\"s\"><v>\(strings.index(of: xml))</v></c>"
        case .inlineText(let text):
            return "<c\(reference) t=\"inlineStr\"><is><t>\(escaped(text))</t></is></c>"
        case .number(let value):
            return "<c\(reference)><v>\(value)</v></c>"
        case .boolean(let value):
            return "<c\(reference) t=\"b\"><v>\(value ? 1 : 0)</v></c>"
        case .formula(let formula, let cached):
            return "<c\(reference)><f>\(escaped(formula))</f><v>\(cached)</v></c>"
        case .formulaText(let formula, let cached):
            return "<c\(reference) t=\"str\"><f>\(escaped(formula))</f><v>\(escaped(cached))</v></c>"
        case .error(let value):
            return "<c\(reference) t=\"e\"><f>1/0</f><v>\(escaped(value))</v></c>"
        case .date(let serial):
            return "<c\(reference) s=\"1\"><v>\(serial)</v></c>"
        case .customDate(let serial):
            return "<c\(reference) s=\"2\"><v>\(serial)</v></c>"
        case .percent(let value):
            return "<c\(reference) s=\"3\"><v>\(value)</v></c>"
        }
    }

    /// The letters of a 1-based column: 1 is A, 27 is AA.
    package static func columnLetters(_ number: Int) -> String {
        var number = number
        var letters = ""
        while number > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}

/// Text with the five XML special characters escaped.
func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}

/// The shared strings of a workbook being written, each stored once.
private struct SharedStringTable {
    private var indices: [String: Int] = [:]
    private var items: [String] = []

    mutating func index(of item: String) -> Int {
        if let index = indices[item] { return index }
        indices[item] = items.count
        items.append(item)
        return items.count - 1
    }

    var xml: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\(items.count)" uniqueCount="\(items.count)">\
        \(items.map { "<si>\($0)</si>" }.joined())</sst>
        """
    }
}
