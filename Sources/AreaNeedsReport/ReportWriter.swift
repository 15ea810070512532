import AreaNeedsCore
import AreaNeedsTables
import Foundation

/// Writes a report's pages into a folder all at once: page by page, as they are made, into a
/// hidden sibling folder first, then renamed into place, so a reader (or a kill) never meets half a report. An earlier
/// report in the folder is replaced, and an empty folder filled; anything else there (a
/// regular file, a FIFO, a device, a symbolic link, a folder holding anything but a report)
/// is refused, never deleted or written through.
///
/// Every file is created new (`O_EXCL | O_NOFOLLOW`) relative to folders opened once, and
/// the replaced report is removed without following the links it may hold.
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
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parentPath = target.deletingLastPathComponent().path
        let name = target.lastPathComponent
        try make(parentPath)
        let parent: Folder
        do {
            parent = try Folder(path: parentPath)
        } catch {
            throw AreaNeedsError(.output, "\(parentPath): cannot open the folder (\(error)); give --output DIR to write the report elsewhere")
        }
        let existing = parent.kind(of: name)
        try ReportWriter.refuseUnlessReplaceable(name, in: parent, kind: existing)
        tidy(parent: parent, name: name)
        let id = "\(CurrentProcess.id)-\(UUID().uuidString.prefix(8))"
        let temporaryName = "." + name + "-partial-" + id
        do throws(AreaNeedsError) {
            let temporary: Folder
            do {
                temporary = try parent.makeSubfolder(temporaryName)
            } catch {
                throw AreaNeedsError(.output, "\(parentPath)/\(temporaryName): cannot make the folder (\(error)); give --output DIR to write the report elsewhere")
            }
            try produce { page throws(AreaNeedsError) in
                try write(page, into: temporary)
            }
            let old = "." + name + "-old-" + id
            if existing != .missing {
                try move(name, to: old, in: parent)
            }
            try move(temporaryName, to: name, in: parent)
            try? parent.removeTree(old)
        } catch {
            try? parent.removeTree(temporaryName)
            throw error
        }
    }

    /// Writes a page, making the folders of its path (`areas/...`) as it goes.
    private func write(_ page: AreaReport.Page, into temporary: Folder) throws(AreaNeedsError) {
        var components = page.path.split(separator: "/").map(String.init)
        let file = components.removeLast()
        var folder = temporary
        do {
            for component in components { folder = try folder.subfolder(component, creating: true) }
            try folder.writeNewFile(file, Array(page.html.utf8))
        } catch {
            throw AreaNeedsError(.output, "\(temporary.path)/\(page.path): cannot write the report (\(error)); give --output DIR to write it elsewhere")
        }
    }

    /// Throws unless the entry `name` of `parent` is missing, an empty folder, or a folder
    /// holding a report this tool wrote (its `index.html` a regular file bearing the marker).
    static func refuseUnlessReplaceable(_ name: String, in parent: Folder, kind: EntryKind) throws(AreaNeedsError) {
        let path = parent.path + "/" + name
        let advice = "choose another --output folder, or move it away (nothing was written)"
        switch kind {
        case .missing:
            return
        case .folder:
            guard !isReplaceable(name, in: parent) else { return }
            throw AreaNeedsError(.output, "\(path): exists and is not an areaneeds report (nor an empty folder); \(advice)")
        case .link:
            throw AreaNeedsError(.output, "\(path): is a symbolic link; the report is written only into a real folder and never through a link: \(advice)")
        case .file, .other:
            throw AreaNeedsError(.output, "\(path): is \(PipelineFolder.describe(kind)), not a folder; the report is a folder of pages: \(advice)")
        }
    }

    /// An empty folder, or one holding a report this tool wrote.
    static func isReplaceable(_ name: String, in parent: Folder) -> Bool {
        guard let folder = try? parent.subfolder(name), let names = try? folder.names() else { return false }
        if names.isEmpty { return true }
        // A link named index.html proves nothing: it could lead to any report.
        guard folder.kind(of: SitePaths.index) == .file,
              let data = FileManager.default.contents(atPath: folder.path + "/" + SitePaths.index) else { return false }
        return String(decoding: data, as: UTF8.self).contains(marker)
    }

    /// Removes the hidden folders of earlier runs that died before renaming.
    private func tidy(parent: Folder, name: String) {
        let names = (try? parent.names()) ?? []
        for leftover in names where leftover.hasPrefix("." + name + "-partial-") || leftover.hasPrefix("." + name + "-old-") {
            let rest = leftover.dropFirst(name.count + 1).split(separator: "-")
            // The process id follows "partial" or "old"; spare the folders of a live writer.
            let pid = rest.dropFirst().first.flatMap { Int32($0) } ?? 0
            if pid != CurrentProcess.id, !CurrentProcess.isRunning(pid) {
                try? parent.removeTree(leftover)
            }
        }
    }

    /// Makes the folder the report goes in (the `--output` folder's parent) when missing.
    private func make(_ path: String) throws(AreaNeedsError) {
        let kind = Folder.kind(followingPath: path)
        guard kind != .folder else { return }
        if kind != .missing {
            throw AreaNeedsError(.output, "\(path): is \(PipelineFolder.describe(kind)), not a folder; give --output DIR to write the report elsewhere")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw AreaNeedsError(.output, "\(path): cannot create the folder: \(error.localizedDescription); give --output DIR to write the report elsewhere")
        }
    }

    private func move(_ from: String, to: String, in parent: Folder) throws(AreaNeedsError) {
        do {
            try parent.rename(from, to: to)
        } catch {
            throw AreaNeedsError(.output, "\(parent.path)/\(to): cannot move the report into place: \(error)")
        }
    }
}
