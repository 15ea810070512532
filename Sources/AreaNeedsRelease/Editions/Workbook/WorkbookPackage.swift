import AreaNeedsCore
import Foundation
import ZIPFoundation

/// Puts a workbook's parts into its `.xlsx` file (a zip archive, with ZIPFoundation): the
/// content types, relationships, document properties, workbook, styles and sheets, always
/// in that order, each deflated, each stamped with the same fixed time, so that the same
/// sheets always give the same bytes. A sheet is streamed into the archive from its parts
/// (`SheetPart`): it is never held in memory whole.
struct WorkbookPackage {
    let title: String
    let creator: String
    let sheets: [SheetPart]
    let sharedStrings: SharedStrings

    /// The time on every entry: 1980-01-01 00:00:00, the earliest a zip file can record.
    /// No clock is read.
    static let entryTime = Date(timeIntervalSince1970: 315_532_800)

    /// How much of a sheet is read and compressed at a time.
    private static let chunkSize = 1 << 18

    func write(to path: String) throws(AreaNeedsError) {
        try? FileManager.default.removeItem(atPath: path)
        do {
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
            for (name, xml) in fixedParts {
                let data = Data(xml.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.entryTime,
                                     permissions: 0o644, compressionMethod: .deflate, bufferSize: Self.chunkSize) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            for (index, sheet) in sheets.enumerated() {
                let source = try SheetSource(sheet)
                try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", type: .file, uncompressedSize: Int64(sheet.size),
                                     modificationDate: Self.entryTime, permissions: 0o644, compressionMethod: .deflate,
                                     bufferSize: Self.chunkSize) { position, size in
                    try source.read(at: Int(position), count: size)
                }
            }
        } catch let error as AreaNeedsError {
            throw error
        } catch {
            throw AreaNeedsError(.output, "\(path): cannot write the workbook (\(error))")
        }
    }

    /// Every part but the sheets, by name, in the order they go into the archive.
    var fixedParts: [(name: String, xml: String)] {
        [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("docProps/core.xml", coreProperties),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", WorkbookStyles.xml),
            ("xl/sharedStrings.xml", sharedStrings.xml),
        ]
    }

    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#

    private var contentTypes: String {
        var xml = Self.declaration
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        xml += #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        for index in sheets.indices {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    private var packageRelationships: String {
        Self.declaration
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
            + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
            + "</Relationships>"
    }

    /// The title and creator, and no times: a spreadsheet adds its own when it saves.
    private var coreProperties: String {
        var xml = XMLBuffer()
        xml.raw(Self.declaration)
        xml.raw(#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">"#)
        xml.raw("<dc:title>")
        xml.text(title)
        xml.raw("</dc:title><dc:creator>")
        xml.text(creator)
        xml.raw("</dc:creator></cp:coreProperties>")
        return String(decoding: xml.bytes, as: UTF8.self)
    }

    private var workbook: String {
        var xml = XMLBuffer()
        xml.raw(Self.declaration)
        xml.raw(#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        xml.raw(#"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#)
        for (index, sheet) in sheets.enumerated() {
            xml.raw(#"<sheet name=""#)
            xml.attribute(sheet.name)
            xml.raw(#"" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#)
        }
        xml.raw("</sheets>")
        let filters = sheets.enumerated().compactMap { index, sheet in sheet.filterRange.map { (index, sheet.name, $0) } }
        if !filters.isEmpty {
            xml.raw("<definedNames>")
            for (index, name, range) in filters {
                // The autofilter's range, as spreadsheets name it: '<sheet>'!$A$1:$K$35.
                let absolute = range.split(separator: ":").map { WorkbookPackage.absolute(String($0)) }.joined(separator: ":")
                xml.raw(#"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(index)" hidden="1">"#)
                xml.text("'" + name.replacingOccurrences(of: "'", with: "''") + "'!" + absolute)
                xml.raw("</definedName>")
            }
            xml.raw("</definedNames>")
        }
        xml.raw("</workbook>")
        return String(decoding: xml.bytes, as: UTF8.self)
    }

    private var workbookRelationships: String {
        var xml = Self.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in sheets.indices {
            xml += #"<Relationship Id="rId\#(index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        xml += #"<Relationship Id="rId\#(sheets.count + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        return xml + "</Relationships>"
    }

    /// "$C$12" for "C12".
    private static func absolute(_ reference: String) -> String {
        let letters = reference.prefix { $0.isLetter }
        return "$" + letters + "$" + reference.dropFirst(letters.count)
    }
}

/// A sheet's XML read in order from its parts: the head, the rows' file, the tail.
private final class SheetSource {
    private let part: SheetPart
    private let body: FileHandle

    init(_ part: SheetPart) throws(AreaNeedsError) {
        self.part = part
        guard let body = FileHandle(forReadingAtPath: part.bodyPath) else {
            throw AreaNeedsError(.internal, "\(part.bodyPath): the workbook's sheet \(part.name) is missing")
        }
        self.body = body
    }

    deinit { try? body.close() }

    /// `count` bytes from `position`: the archive asks for them in order.
    func read(at position: Int, count: Int) throws -> Data {
        var data = Data(capacity: count)
        var position = position
        var wanted = count
        if position < part.head.count {
            let piece = part.head[position..<min(part.head.count, position + wanted)]
            data.append(contentsOf: piece)
            position += piece.count
            wanted -= piece.count
        }
        let bodyEnd = part.head.count + part.bodyBytes
        if wanted > 0, position < bodyEnd {
            try body.seek(toOffset: UInt64(position - part.head.count))
            while wanted > 0, position < bodyEnd {
                let piece = try body.read(upToCount: min(wanted, bodyEnd - position)) ?? Data()
                guard !piece.isEmpty else { throw AreaNeedsError(.internal, "\(part.bodyPath): ends early") }
                data.append(piece)
                position += piece.count
                wanted -= piece.count
            }
        }
        if wanted > 0, position >= bodyEnd {
            let start = position - bodyEnd
            data.append(contentsOf: part.tail[start..<min(part.tail.count, start + wanted)])
        }
        return data
    }
}
