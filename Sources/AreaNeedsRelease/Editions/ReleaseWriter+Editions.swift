import AreaNeedsCore
import Foundation

extension ReleaseWriter {
    /// Writes the editions the draft asks for beside the CSV tables just written to
    /// `temporary`: the workbook and the database at the same time, one per core, then the
    /// gzip copies. Each file goes to disk in the background once it is written; all are
    /// listed in `SHA256SUMS` like the tables.
    func writeEditions(of draft: ReleaseDraft, version: ReleaseVersion, created: Date, tables: [WrittenFile],
                       into temporary: String, flushes: DiskFlushes) throws(AreaNeedsError) -> [WrittenFile] {
        let metadata = EditionMetadata(draft: draft, version: version, created: created, tables: tables)
        let single = draft.editions.filter { $0 == .xlsx || $0 == .sqlite }
        let files = try Parallel.collect(Parallel.map(single) { edition throws(AreaNeedsError) -> WrittenFile in
            let name = EditionMetadata.fileName(of: edition, pipeline: draft.pipeline, version: version)
            let path = temporary + "/" + name
            if edition == .xlsx {
                try WorkbookEdition(metadata: metadata).write(tablesIn: temporary, to: path)
            } else {
                try DatabaseEdition(metadata: metadata).write(tablesIn: temporary, to: path)
            }
            return WrittenFile(name: name, bytes: try ReleaseWriter.size(of: path), sha256: try FileHash.sha256(ofFile: path))
        })
        for file in files { flushes.flush(temporary + "/" + file.name) }
        guard draft.editions.contains(.csvGzip) else { return files }
        return files + (try writeGzipCopies(of: draft, into: temporary, flushes: flushes))
    }

    private static func size(of path: String) throws(AreaNeedsError) -> Int {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber else {
            throw AreaNeedsError(.output, "\(path): written, but cannot be read back")
        }
        return size.intValue
    }
}
