import AreaNeedsCore
import Foundation

/// The workbook's first sheet, "About": the release's title, whether its figures are
/// made up (in large print), pipeline, version, date, label, publisher, licence and
/// description, what each sheet holds, the colours of the need quintiles, the checksum line
/// of each CSV table (as `SHA256SUMS` has it) and how to cite the release.
struct AboutSheet {
    static let name = "About"

    /// The width of the text column, in characters.
    private static let textWidth = 110.0

    let metadata: EditionMetadata
    /// The other sheets, in order, with what each holds.
    let sheets: [(name: String, description: String)]

    func write(into parts: WorkbookParts) throws(AreaNeedsError) -> SheetPart {
        let sheet = try parts.sheet(named: Self.name, file: "about.xml")
        sheet.selected = true
        sheet.fixedWidths = [0: 26, 1: Self.textWidth]

        sheet.startRow(height: 24)
        sheet.text(metadata.title, style: .title)
        try sheet.endRow()
        if metadata.synthetic {
            sheet.startRow(height: 40)
            sheet.text(EditionMetadata.syntheticWarning, style: .warning)
            sheet.mergeCells(from: 0, to: 1)
            try sheet.endRow()
        }
        try blank(sheet)
        var facts: [(String, String)] = [
            ("Pipeline", metadata.pipeline),
            ("Version", metadata.version.description),
            ("Created", metadata.created),
        ]
        if let label = metadata.label { facts.append(("Label", label)) }
        if let publisher = metadata.publisher { facts.append(("Publisher", publisher)) }
        facts.append(("Licence", "\(metadata.licence.title) (\(metadata.licence.path))"))
        facts.append(("Synthetic figures", metadata.synthetic ? "yes: every figure is made up" : "no"))
        facts.append(("Description", metadata.description))
        for (label, value) in facts { try line(sheet, label, value) }

        try blank(sheet)
        try heading(sheet, "Sheets")
        for (name, description) in sheets { try line(sheet, name, description) }
        try line(sheet, "", "The CSV files are the release's contract: every sheet but this one and the profile holds exactly the rows of the CSV file of the same name. Text is always stored as text, never as a formula. Empty cells have no value.")

        try blank(sheet)
        try heading(sheet, "Need quintile colours")
        for quintile in 1...5 {
            sheet.startRow()
            sheet.integer(quintile, style: CellStyle.quintile(quintile)!)
            sheet.text(quintile == 1 ? "the worst fifth of areas (greatest need)" : quintile == 2
                ? "the second worst fifth (with quintile 1, the communities with the highest needs)" : NeedPalette.label(quintile: quintile))
            try sheet.endRow()
        }

        try blank(sheet)
        try heading(sheet, "Checksums (SHA-256) of the CSV tables, as SHA256SUMS lists them")
        for (file, sha256) in metadata.tableChecksums { try line(sheet, file, "\(sha256)  \(file)") }

        try blank(sheet)
        try line(sheet, "How to cite", metadata.citation)
        return try sheet.finish()
    }

    private func line(_ sheet: SheetWriter, _ label: String, _ value: String) throws(AreaNeedsError) {
        let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        sheet.startRow(height: SheetWriter.height(lines: SheetWriter.lines(of: value, width: Self.textWidth)))
        if label.isEmpty { sheet.skip() } else { sheet.text(label, style: .label) }
        sheet.text(value, style: TableSheet.startsLikeAFormula(value) ? .literalText : .text)
        try sheet.endRow()
    }

    private func heading(_ sheet: SheetWriter, _ text: String) throws(AreaNeedsError) {
        sheet.startRow()
        sheet.text(text, style: .label)
        try sheet.endRow()
    }

    private func blank(_ sheet: SheetWriter) throws(AreaNeedsError) {
        sheet.startRow()
        try sheet.endRow()
    }
}
