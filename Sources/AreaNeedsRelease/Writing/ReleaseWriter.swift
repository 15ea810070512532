import AreaNeedsCore
import AreaNeedsTables
import Foundation

/// Publishes releases so that a crash or kill at any moment leaves the earlier releases
/// and `latest` intact, and never a partial version folder.
///
/// A release is written to a temporary folder beside its final place, flushed to disk,
/// checked against its own checksums, and only then renamed to its version; `latest` is
/// replaced by renaming a new link over it. Leftover temporary folders of dead runs are
/// removed by the next run. A version folder, once it exists, is never written into.
package struct ReleaseWriter: Sendable {
    package let history: ReleaseHistory

    package init(history: ReleaseHistory) {
        self.history = history
    }

    /// What publishing did.
    package enum Outcome: Sendable, Equatable {
        /// The tables are byte-identical to the newest release's: nothing was written.
        case unchanged(ReleaseVersion)
        /// A new release was written.
        case published(ReleaseVersion, change: ReleaseVersion.Change?)
    }

    /// Publishes `draft` as the next version, or as `version` when given.
    ///
    /// - Parameters:
    ///   - correction: a changed release is a correction (patch), not new data (minor).
    ///   - created: the release time; `SOURCE_DATE_EPOCH` overrides it when set.
    package func publish(_ draft: ReleaseDraft, correction: Bool = false, version requested: ReleaseVersion? = nil,
                        created: Date = Date()) throws(AreaNeedsError) -> Outcome {
        try tidy()
        // Refuse before writing anything: a requested version that exists stays as it is.
        if let requested { try refuseExisting(requested) }
        let temporaryName = ".partial-\(CurrentProcess.id)-\(UUID().uuidString.prefix(8))"
        let temporary = history.folder + "/" + temporaryName
        let releases = try releasesFolder()
        let temporaryFolder: Folder
        do {
            // Made new (never an entry already there), and reached without following links.
            temporaryFolder = try releases.makeSubfolder(temporaryName)
        } catch {
            throw AreaNeedsError(.output, "\(temporary): cannot make the release's temporary folder (\(error))")
        }
        var finished = false
        defer { if !finished { try? releases.removeTree(temporaryName) } }

        let flushes = DiskFlushes()
        defer { flushes.cancel() }
        var files = try writeTables(of: draft, into: temporary, flushes: flushes)

        // Compared before the other editions are made: tables the newest release already
        // holds need none.
        let newest = history.newest
        var change: ReleaseVersion.Change?
        if let newest {
            change = self.change(since: newest, tables: files, draft: draft, correction: correction)
            if change == nil && requested == nil { return .unchanged(newest) }
        }
        let version = requested ?? newest.map { $0.next(for: change ?? .data) } ?? .first
        try refuseExisting(version)

        files += try writeEditions(of: draft, version: version, created: ReleaseWriter.releaseTime(default: created),
                                   tables: files, into: temporary, flushes: flushes)
        try writeDescriptions(of: draft, version: version, created: created, files: files, into: temporaryFolder, flushes: flushes)
        try ReleaseVerifier.verify(folder: temporary)
        try flushes.wait()
        try syncFolder(temporary)
        try moveIntoPlace(temporaryName, version: version)
        finished = true
        // `latest` names the newest release, which a requested older version is not.
        try pointLatest(at: max(version, newest ?? version))
        return .published(version, change: change)
    }

    /// Writes the tables, two at a time, one per core. Each file goes to disk in the
    /// background as soon as it is written.
    private func writeTables(of draft: ReleaseDraft, into temporary: String, flushes: DiskFlushes) throws(AreaNeedsError) -> [WrittenFile] {
        let files = try Parallel.collect(Parallel.map(draft.tables) { table throws(AreaNeedsError) in
            try write(table, into: temporary)
        })
        for file in files { flushes.flush(temporary + "/" + file.name) }
        return files
    }

    /// Writes the tables' gzip copies, one after another, each compressed on both cores
    /// (`GzipCopy`): the largest table's copy, compressed as one stream, had kept one core
    /// busy while the other waited.
    func writeGzipCopies(of draft: ReleaseDraft, into temporary: String, flushes: DiskFlushes) throws(AreaNeedsError) -> [WrittenFile] {
        var copies: [WrittenFile] = []
        for table in draft.tables {
            let copy = try writeGzipCopy(of: table, in: temporary)
            flushes.flush(temporary + "/" + copy.name)
            copies.append(copy)
        }
        return copies
    }

    /// How the written tables differ from release `newest`: a new schema or geography, a
    /// correction, new data, or other editions; nil when neither their bytes, their schema
    /// nor the editions changed.
    private func change(since newest: ReleaseVersion, tables: [WrittenFile], draft: ReleaseDraft, correction: Bool) -> ReleaseVersion.Change? {
        let previous = ReleaseFiles(folder: history.path(of: newest))
        let changed = tables.filter { previous.hash(of: $0.name) != $0.sha256 }
        // The same tables: each in the newest release, which lists no others.
        let sameTables = Set(tables.map(\.name)).isSubset(of: previous.names) && previous.tableNames == Set(draft.tables.map(\.schema.name))
        // A changed column type or key is a new schema even when the bytes are the same.
        let schemaChanged = !sameTables || previous.schemaSignature != ReleaseFiles.signature(of: draft.tables.map(\.schema))
        if changed.isEmpty && !schemaChanged {
            return previous.editions == Set(draft.editions) ? nil : .editions
        }
        let geographyChanged = changed.contains { $0.name == draft.schema.areas.fileName || $0.name == draft.schema.areaLookup.fileName }
        return schemaChanged || geographyChanged ? .schemaOrGeography : correction ? .correction : .data
    }

    /// Writes what describes the tables: `provenance.json`, `datapackage.json` and
    /// `SHA256SUMS`, which lists every file but itself; each goes to disk in the background.
    private func writeDescriptions(of draft: ReleaseDraft, version: ReleaseVersion, created: Date, files tables: [WrittenFile],
                                   into folder: Folder, flushes: DiskFlushes) throws(AreaNeedsError) {
        let temporary = folder.path
        let when = ReleaseWriter.releaseTime(default: created)
        var provenance = draft.provenance
        provenance["version"] = .string(version.description)
        provenance["created"] = .string(ReleaseWriter.rfc3339(when))
        var files = tables
        files.append(try writeFile("provenance.json", JSONValue.object(provenance).encoded(), into: folder))
        let descriptor = DataPackage.descriptor(for: draft, version: version, created: when, files: files)
        files.append(try writeFile("datapackage.json", descriptor.encoded(), into: folder))
        let sums = files.sorted { $0.name < $1.name }.map { "\($0.sha256)  \($0.name)\n" }.joined()
        files.append(try writeFile("SHA256SUMS", Data(sums.utf8), into: folder))
        for file in files.dropFirst(tables.count) { flushes.flush(temporary + "/" + file.name) }
    }

    /// Removes leftovers of killed runs and repairs `latest` if a run died between
    /// renaming a release into place and moving the link. Publishing does this first;
    /// callers that may skip publishing call it themselves, so the next run always tidies.
    ///
    /// `latest` is repaired only when it is what areaneeds makes (missing, or a link by a
    /// version's name beside it); anything else there (a link elsewhere, a regular file, a
    /// folder) is refused, named, and left as it is.
    package func tidy() throws(AreaNeedsError) {
        let releases = try releasesFolder()
        let names = (try? releases.names()) ?? []
        for name in names where name.hasPrefix(".partial-") || name.hasPrefix(".latest-") {
            // The pipeline lock keeps out other publishers; the process check also spares
            // a live writer used without it. Only a process that no longer exists is dead.
            let pid = name.split(separator: "-").dropFirst().first.flatMap { Int32($0) } ?? 0
            if pid != CurrentProcess.id, !CurrentProcess.isRunning(pid) {
                try? releases.removeTree(name)
            }
        }
        let newest = history.newest
        switch history.latestEntry {
        case .foreign(let what):
            throw AreaNeedsError(.output, history.foreignLatestMessage(what))
        case .release(let version) where version == newest:
            break
        case .missing, .release, .stale:
            if let newest { try pointLatest(at: newest) }
        }
    }

    /// Throws when `version` already has a folder (or anything else by that name).
    private func refuseExisting(_ version: ReleaseVersion) throws(AreaNeedsError) {
        let target = history.path(of: version)
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isFolder)
        let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: target)) != nil
        guard exists || isLink else { return }
        throw AreaNeedsError(.output, isFolder.boolValue
            ? "\(target): release \(version) already exists, and a published release is never rewritten; publish a new version instead (nothing was changed)"
            : "\(target): something that is not a release is in the way of release \(version); move it away and publish again (nothing was changed)")
    }

    // MARK: - Steps

    struct WrittenFile: Sendable {
        var name: String
        var bytes: Int
        var sha256: String
    }

    /// Writes a table as `<name>.csv`, checksummed as it is written; `publish` has it flushed
    /// to disk once it is written.
    private func write(_ table: ReleaseTable, into folder: String) throws(AreaNeedsError) -> WrittenFile {
        let path = folder + "/" + table.schema.fileName
        let digest = StreamingDigest()
        do {
            let writer = try TableWriter(outputs: [.init(path: path, digest: digest)], columns: table.schema.columns, durable: false)
            switch table.rows {
            case .written(let writeRows):
                try writeRows(writer)
            case .copied(let path, let header):
                do {
                    try writer.copyRows(ofTableAt: path, header: header)
                } catch {
                    if case .unwritable = error.kind { throw error }
                    // A staging table of the rank stage's own making.
                    throw AreaNeedsError(.internal, "release table \(table.schema.name): \(error); run the rank stage again")
                }
            }
            try writer.finish()
        } catch let error as TableError {
            throw AreaNeedsError(error, context: "release table \(table.schema.name)")
        } catch let error as AreaNeedsError {
            throw error
        } catch {
            throw AreaNeedsError(.internal, "release table \(table.schema.name): \(error)")
        }
        return WrittenFile(name: table.schema.fileName, bytes: digest.bytes, sha256: digest.finish())
    }

    /// Writes `<name>.csv.gz`, the table's plain file compressed at zlib's fastest level
    /// (the default level took two and a half times as long, for files a tenth smaller),
    /// checksummed as it is written.
    private func writeGzipCopy(of table: ReleaseTable, in folder: String) throws(AreaNeedsError) -> WrittenFile {
        let plain = folder + "/" + table.schema.fileName
        let digest = StreamingDigest()
        do {
            try GzipCopy.write(copyOf: plain, to: plain + ".gz", digest: digest)
        } catch {
            throw AreaNeedsError(error, context: "release table \(table.schema.name)")
        }
        return WrittenFile(name: table.schema.fileName + ".gz", bytes: digest.bytes, sha256: digest.finish())
    }

    private func writeFile(_ name: String, _ data: Data, into folder: Folder) throws(AreaNeedsError) -> WrittenFile {
        do {
            try folder.writeNewFile(name, Array(data))
        } catch {
            throw AreaNeedsError(.output, "\(folder.path)/\(name): cannot write (\(error))")
        }
        return WrittenFile(name: name, bytes: data.count, sha256: FileHash.sha256(of: data))
    }

    /// Renames the release's temporary folder, `temporaryName` in the releases' folder, to
    /// its version.
    private func moveIntoPlace(_ temporaryName: String, version: ReleaseVersion) throws(AreaNeedsError) {
        let target = history.path(of: version)
        // The pipeline lock keeps other publishers out, so check-then-rename cannot race.
        try refuseExisting(version)
        let releases = try releasesFolder()
        do {
            try releases.rename(temporaryName, to: version.description)
            try releases.sync()
        } catch {
            throw AreaNeedsError(.output, "\(target): cannot move the release into place (\(error))")
        }
    }

    /// Points `latest` at `version` by renaming a new link over the old one (atomic).
    private func pointLatest(at version: ReleaseVersion) throws(AreaNeedsError) {
        // Only a link areaneeds made is replaced: a file, folder or link elsewhere stays.
        if case .foreign(let what) = history.latestEntry {
            throw AreaNeedsError(.output, history.foreignLatestMessage(what))
        }
        let releases = try releasesFolder()
        let temporary = ".latest-\(CurrentProcess.id)"
        try? releases.remove(temporary)
        do {
            try releases.makeLink(temporary, to: version.description)
            try releases.rename(temporary, to: "latest")
            try releases.sync()
        } catch {
            try? releases.remove(temporary)
            throw AreaNeedsError(.output, "\(history.latestLink): cannot point latest at \(version) (\(error))")
        }
    }

    /// The folder of the pipeline's releases (made when missing; never a link), opened to
    /// make, rename, link and flush in it.
    private func releasesFolder() throws(AreaNeedsError) -> Folder {
        try PipelineFolder.open(history.folder)
    }

    /// Flushes a folder's entries (new names, renames) to disk.
    private func syncFolder(_ path: String) throws(AreaNeedsError) {
        do {
            try FileSystem.flushToDisk(path)
        } catch {
            throw AreaNeedsError(.output, "\(path): cannot flush the folder to disk (\(error))")
        }
    }

    // MARK: - Time

    /// The release time: `SOURCE_DATE_EPOCH` (seconds since 1970) when set, for
    /// reproducible builds; otherwise `fallback`.
    static func releaseTime(default fallback: Date) -> Date {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(text) {
            return Date(timeIntervalSince1970: seconds)
        }
        return fallback
    }

    /// RFC 3339 in UTC, whole seconds: "2026-11-25T20:10:00Z".
    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
