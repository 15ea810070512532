import AreaNeedsCore
import Foundation

/// Where a workbook's sheets are written before they are packaged: a hidden folder beside
/// the workbook holding each sheet's rows, and the strings the sheets share.
final class WorkbookParts {
    let folder: String
    let sharedStrings = SharedStrings()

    init(beside workbook: String) throws(AreaNeedsError) {
        folder = (workbook as NSString).deletingLastPathComponent + "/.workbook-parts"
        try? FileManager.default.removeItem(atPath: folder)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw AreaNeedsError(.output, "\(folder): cannot create the folder (\(error.localizedDescription))")
        }
    }

    /// Removes the folder and the sheets' files.
    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A new sheet, its rows kept in the file `file` of the folder.
    func sheet(named name: String, file: String) throws(AreaNeedsError) -> SheetWriter {
        try SheetWriter(name: name, bodyPath: folder + "/" + file, sharedStrings: sharedStrings)
    }
}
