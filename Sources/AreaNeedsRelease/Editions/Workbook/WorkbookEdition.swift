import AreaNeedsCore
import Foundation

/// Writes a release's workbook edition, `<pipeline>-<version>.xlsx`: an "About" sheet,
/// the "profile" heatmap, then one sheet per release table, made from the release's CSV
/// files (`TypedRows`), so the sheets hold exactly the CSVs' values.
///
/// Memory stays flat in the number of rows: each sheet's rows are streamed to a file of
/// their own in a hidden folder beside the workbook, then streamed into the archive and
/// removed. The same tables give the same bytes (see `WorkbookPackage`).
struct WorkbookEdition {
    let metadata: EditionMetadata

    /// Writes the workbook at `path` from the CSV tables in `folder`.
    func write(tablesIn folder: String, to path: String) throws(AreaNeedsError) {
        let parts = try WorkbookParts(beside: path)
        defer { parts.remove() }

        let profile = try ProfileSheet(metadata: metadata, tablesIn: folder)
        var tableSheets: [SheetPart] = []
        for (index, table) in metadata.tables.enumerated() {
            let feedsProfile = table.name == "indicator_needs"
            tableSheets += try TableSheet(schema: table).write(
                tablesIn: folder, into: parts, index: index, row: feedsProfile ? profile?.add : nil)
        }
        let profileSheet = try profile?.write(into: parts)
        var descriptions: [(String, String)] = profileSheet == nil ? [] : [(ProfileSheet.name, ProfileSheet.description)]
        descriptions += tableSheets.map { sheet in
            let table = metadata.tables.first { sheet.name == $0.name || sheet.name.hasPrefix($0.name + " (") }
            return (sheet.name, table.map { "\($0.title): \($0.description)" } ?? "")
        }
        let about = try AboutSheet(metadata: metadata, sheets: descriptions).write(into: parts)
        let title = metadata.synthetic ? metadata.title + " (SYNTHETIC DATA)" : metadata.title
        try WorkbookPackage(title: "\(title), release \(metadata.version)", creator: metadata.publisher ?? "AreaNeeds",
                            sheets: [about] + (profileSheet.map { [$0] } ?? []) + tableSheets,
                            sharedStrings: parts.sharedStrings).write(to: path)
    }
}
