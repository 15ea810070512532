/// An Excel workbook (.xlsx): its sheets, and any sheet read as CSV text, streaming.
///
/// Opening reads only the small parts that say where the sheets are; a sheet's shared
/// strings, styles and cells are read when the sheet is (`TableReader` with
/// `ReadOptions.sheet`). Every part is inflated as a stream and parsed as it comes, within
/// the read limits.
///
///     let workbook = try Workbook(path: "fuel-poverty.xlsx")
///     for sheet in workbook.sheets { print(sheet.number, sheet.name) }
public final class Workbook {
    /// The file.
    public let path: String
    /// The sheets, in the order of their tabs (chart sheets and the like are left out).
    public let sheets: [WorkbookSheet]
    let archive: WorkbookArchive
    let limits: ReadLimits
    /// Whether dates count from 1904 (old Mac workbooks) rather than 1900.
    let uses1904: Bool
    /// How many bytes of shared strings are held in memory (`SharedStrings`).
    var sharedStringsMemoryBudget = SharedStrings.memoryBudget
    private let sharedStringsPart: String?
    private let stylesPart: String?

    /// Opens the workbook at `path` and lists its sheets.
    public init(path: String, limits: ReadLimits = ReadLimits()) throws(TableError) {
        self.path = path
        self.limits = limits
        archive = try WorkbookArchive(path: path)
        let documents = try WorkbookParts.relationships(of: "", in: archive, limit: limits.maxDecompressedBytes)
        guard let workbookPart = documents.first(where: { $0.kind == "officeDocument" })?.target
            ?? (archive.contains("xl/workbook.xml") ? "xl/workbook.xml" : nil), archive.contains(workbookPart) else {
            throw try Workbook.notAWorkbookError(archive)
        }
        let relationships = try WorkbookParts.relationships(of: workbookPart, in: archive, limit: limits.maxDecompressedBytes)
        let handler = WorkbookParts.WorkbookHandler()
        try WorkbookParts.parse(workbookPart, in: archive, with: handler, limit: limits.maxDecompressedBytes)
        uses1904 = handler.usesDate1904
        var sheets: [WorkbookSheet] = []
        for entry in handler.sheets {
            // Chart sheets and dialog sheets have other relationship kinds: they hold no cells.
            guard let target = relationships.first(where: { $0.id == entry.relationship && $0.kind == "worksheet" })?.target else { continue }
            sheets.append(WorkbookSheet(name: entry.name, number: sheets.count + 1, isHidden: entry.hidden, part: target,
                                        xmlBytes: archive.declaredSize(of: target)))
        }
        self.sheets = sheets
        sharedStringsPart = relationships.first { $0.kind == "sharedStrings" }?.target
        stylesPart = relationships.first { $0.kind == "styles" }?.target
    }

    /// The sheet `choice` names: by name (exactly, or else ignoring case and the spaces
    /// around it) or by number; throws, listing the sheets, when there is none.
    public func sheet(_ choice: SheetChoice) throws(TableError) -> WorkbookSheet {
        let found: WorkbookSheet?
        switch choice {
        case .name(let name):
            let folded = name.trimmingWhitespace().lowercased()
            found = sheets.first { $0.name == name } ?? sheets.first { $0.name.trimmingWhitespace().lowercased() == folded }
        case .number(let number):
            found = sheets.indices.contains(number - 1) ? sheets[number - 1] : nil
        }
        guard let found else {
            throw TableError(.sheetNotFound(sheet: choice.description, sheets: sheets.map(\.name)), file: path)
        }
        return found
    }

    /// The cell range the sheet declares it uses ("A1:H32847"), read from the start of its
    /// part; nil when it declares none.
    public func dimension(of sheet: WorkbookSheet) throws(TableError) -> String? {
        let handler = DimensionHandler()
        let parser = XMLPushParser(file: path, part: sheet.part, handler: handler)
        try archive.read(sheet.part, limit: limits.maxDecompressedBytes) { chunk in
            try parser.feed(chunk)
            if handler.isDone { throw WorkbookArchive.StopReading() }
        }
        return handler.reference
    }

    /// The shared strings, when the workbook has them.
    func sharedStrings() throws(TableError) -> SharedStrings? {
        guard let sharedStringsPart, archive.contains(sharedStringsPart) else { return nil }
        return try SharedStrings(sharedStringsPart, in: archive, limits: limits, memoryBudget: sharedStringsMemoryBudget)
    }

    /// The cell styles; none when the workbook has no styles part.
    func cellStyles() throws(TableError) -> CellStyles {
        guard let stylesPart, archive.contains(stylesPart) else { return CellStyles() }
        return try CellStyles.read(stylesPart, in: archive, limit: limits.maxDecompressedBytes)
    }

    /// Why a zip archive with no workbook part is not read: an OpenDocument spreadsheet,
    /// or another kind of archive.
    private static func notAWorkbookError(_ archive: WorkbookArchive) throws(TableError) -> TableError {
        if archive.contains("mimetype") {
            let mimetype = String(decoding: try archive.bytes(of: "mimetype", limit: 1 << 10), as: UTF8.self)
            if mimetype.hasPrefix("application/vnd.oasis.opendocument") {
                return TableError(.openDocumentSpreadsheet, file: archive.path)
            }
        }
        return TableError(.corruptWorkbook(reason: "it is a zip archive with no workbook part (xl/workbook.xml): not an Excel workbook"),
                          file: archive.path)
    }
}

/// One sheet of a workbook.
public struct WorkbookSheet: Sendable, Equatable {
    /// Its name, as its tab shows it.
    public let name: String
    /// Its position among the sheets, from 1.
    public let number: Int
    /// Whether Excel hides it.
    public let isHidden: Bool
    /// Its part inside the archive.
    let part: String
    /// The size of its XML, as the archive declares it.
    public let xmlBytes: Int?
}

/// Reads a sheet's `<dimension ref="A1:H32847"/>`, which comes before its cells.
private final class DimensionHandler: XMLEventHandler {
    var reference: String?
    var isDone = false

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("dimension") {
            reference = attributes.string("ref")
            isDone = true
        } else if name.is("sheetData") {
            isDone = true
        }
    }

}
