import AreaNeedsCore
import AreaNeedsTables
import Foundation

/// Writes a report's pages into a folder all at once: page by page, as they are made, into
/// a hidden sibling folder first, then renamed into place, so a reader (or a kill) never meets half a report. An earlier
/// report in the folder is replaced; anything else there is refused, never deleted.
///
/// By default the folder is `report/` inside the release. A release's contract is the
/// files its `SHA256SUMS` lists, and the verifier and `sha256sum -c` check exactly those,
/// so an added `report/` leaves the release as verifiable as before; the report is derived
/// from those files and can be made again, byte for byte, at any time.
struct ReportWriter {
    /// Marks a folder as a report that may be replaced: `index.html` carries it.
    static let marker = #"<meta name="generator" content="areaneeds report"/>"#

    let folder: String

    /// Writes the pages `produce` hands to its `emit` one at a time, as they are made: a
    /// large report is never held whole.
    func write(_ produce: (_ emit: (AreaReport.Page) throws(AreaNeedsError) -> Void) throws(AreaNeedsError) -> Void) throws(AreaNeedsError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent().path
        let name = target.lastPathComponent
        try make(parent)
        if manager.fileExists(atPath: target.path) && !ReportWriter.isReplaceable(target.path) {
            throw AreaNeedsError(.output, "\(target.path): exists and is not an areaneeds report; choose another --output folder or move it away (nothing was written)")
        }
        tidy(parent: parent, name: name)
        let id = "\(CurrentProcess.id)-\(UUID().uuidString.prefix(8))"
        let temporary = parent + "/." + name + "-partial-" + id
        do throws(AreaNeedsError) {
            var folders: Set<String> = []
            try produce { page throws(AreaNeedsError) in
                let path = temporary + "/" + page.path
                let folder = (path as NSString).deletingLastPathComponent
                if folders.insert(folder).inserted { try make(folder) }
                do {
                    try Data(page.html.utf8).write(to: URL(fileURLWithPath: path))
                } catch {
                    throw AreaNeedsError(.output, "\(path): cannot write the report: \(error.localizedDescription); give --output DIR to write it elsewhere")
                }
            }
            let old = parent + "/." + name + "-old-" + id
            if manager.fileExists(atPath: target.path) {
                try move(target.path, to: old)
            }
            try move(temporary, to: target.path)
            try? manager.removeItem(atPath: old)
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw error
        }
    }

    /// An empty folder, or one holding a report this tool wrote.
    static func isReplaceable(_ path: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if names.isEmpty { return true }
        guard let data = FileManager.default.contents(atPath: path + "/" + SitePaths.index) else { return false }
        return String(decoding: data, as: UTF8.self).contains(marker)
    }

    /// Removes the hidden folders of earlier runs that died before renaming.
    private func tidy(parent: String, name: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for leftover in names where leftover.hasPrefix("." + name + "-partial-") || leftover.hasPrefix("." + name + "-old-") {
            let rest = leftover.dropFirst(name.count + 1).split(separator: "-")
            // The process id follows "partial" or "old"; spare the folders of a live writer.
            let pid = rest.dropFirst().first.flatMap { Int32($0) } ?? 0
            if pid != CurrentProcess.id, !CurrentProcess.isRunning(pid) {
                try? FileManager.default.removeItem(atPath: parent + "/" + leftover)
            }
        }
    }

    private func make(_ path: String) throws(AreaNeedsError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw AreaNeedsError(.output, "\(path): cannot create the folder: \(error.localizedDescription); give --output DIR to write the report elsewhere")
        }
    }

    private func move(_ from: String, to: String) throws(AreaNeedsError) {
        do {
            try FileSystem.rename(from, to: to)
        } catch {
            throw AreaNeedsError(.output, "\(to): cannot move the report into place: \(error)")
        }
    }
}
