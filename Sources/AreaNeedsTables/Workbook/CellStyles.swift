/// Which cell styles of a workbook show numbers as dates (`xl/styles.xml`): a cell's `s`
/// attribute indexes the styles of `cellXfs`, each of which names a number format, built in
/// by id or given by its format code in `numFmts`.
struct CellStyles {
    /// Whether each style, by index, is a date format; styles past the end are not.
    private(set) var isDateStyle: [Bool] = []

    /// Whether the style with index `style` is a date format.
    @inline(__always)
    func isDate(style: Int) -> Bool {
        style < isDateStyle.count && isDateStyle[style]
    }

    /// The styles of `part`.
    static func read(_ part: String, in archive: WorkbookArchive, limit: Int) throws(TableError) -> CellStyles {
        let handler = StylesHandler()
        try WorkbookParts.parse(part, in: archive, with: handler, limit: limit)
        let customDates = handler.customFormats.filter { isDateFormat($0.value) }
        return CellStyles(isDateStyle: handler.styleFormats.map { id in
            builtInDateFormats.contains(id) || customDates[id] != nil
        })
    }

    /// The built-in number formats that are dates or times: 14-22 (d/m/yyyy, d-mmm-yy, h:mm,
    /// d/m/yyyy h:mm and their kin) and 45-47 (mm:ss, [h]:mm:ss, mmss.0).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47)

    /// Whether a custom format code shows a date: it has a day, month or year part (d, m,
    /// y) outside quoted text, escapes and brackets (colours, conditions, locales). An "m"
    /// next to hours or seconds is minutes, so a format with h or s needs d or y as well.
    static func isDateFormat(_ code: String) -> Bool {
        var letters = Set<Character>()
        var quoted = false
        var bracketed = false
        var skipNext = false
        for character in code.lowercased() {
            if skipNext { skipNext = false; continue }
            switch character {
            case "\"": quoted.toggle()
            case "[" where !quoted: bracketed = true
            case "]" where !quoted: bracketed = false
            case "\\", "_", "*": if !quoted { skipNext = true }
            default: if !quoted && !bracketed { letters.insert(character) }
            }
        }
        if letters.contains("d") || letters.contains("y") { return true }
        return letters.contains("m") && !letters.contains("h") && !letters.contains("s")
    }
}

/// `xl/styles.xml`: the custom number formats and the number format of each cell style.
private final class StylesHandler: XMLEventHandler {
    var customFormats: [Int: String] = [:]
    var styleFormats: [Int] = []
    private var inCellStyles = false

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("numFmt"), let id = attributes.integer("numFmtId") {
            customFormats[id] = attributes.string("formatCode") ?? ""
        } else if name.is("cellXfs") {
            inCellStyles = true
        } else if inCellStyles, name.is("xf") {
            styleFormats.append(attributes.integer("numFmtId") ?? 0)
        }
    }

    override func endElement(_ name: XMLName) {
        if name.is("cellXfs") { inCellStyles = false }
    }

}
