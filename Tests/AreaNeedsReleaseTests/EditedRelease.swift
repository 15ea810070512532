import AreaNeedsCore
import AreaNeedsRelease
import Foundation

/// Releases edited after publishing as someone with write access to the folder could:
/// a table's text changed, then `SHA256SUMS` and the descriptor's hashes and sizes made to
/// match again, so that only the reading checks can tell.
enum EditedRelease {
    /// Publishes `sample` (CSV alone: the database edition would refuse some of the
    /// broken rows before any reader sees them) and opens it with `limits`.
    static func open(_ sample: SampleDraft, limits: ReleaseLimits = .standard) throws -> (Release, ReleasesFolder) {
        let folder = try publish(sample)
        return (try Release.open(folder.path + "/latest", limits: limits), folder)
    }

    /// Publishes `sample`, CSV alone; the release is `folder.path + "/1.0.0"`.
    static func publish(_ sample: SampleDraft) throws -> ReleasesFolder {
        let folder = ReleasesFolder()
        var draft = sample.draft
        draft.editions = [.csv]
        _ = try folder.writer.publish(draft)
        return folder
    }

    /// The error opening the release and reading every table of it gives, if any.
    static func readingError(_ path: String, limits: ReleaseLimits = .standard) -> AreaNeedsError? {
        do {
            let release = try Release.open(path, limits: limits)
            _ = try release.areas()
            _ = try release.objectives()
            _ = try release.outcomes()
            _ = try release.indicators()
            _ = try release.indicatorNeeds()
            _ = try release.objectiveNeeds()
            _ = try release.framework()
            try release.tableReader(release.schema.areaLookup.name).forEachRecord { _ in }
            return nil
        } catch {
            return error
        }
    }

    /// Rewrites the lines of `table.csv` in release folder `folder` (the header is line 0)
    /// with `change`, then reseals the release.
    static func edit(_ folder: String, _ table: String, _ change: (inout [String]) -> Void) throws {
        let path = folder + "/" + table + ".csv"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        change(&lines)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try reseal(folder)
    }

    /// Recomputes `SHA256SUMS` and the descriptor's hashes and sizes; `descriptor` may
    /// change the descriptor first.
    static func reseal(_ folder: String, descriptor change: (inout [String: JSONValue]) -> Void = { _ in }) throws {
        let sumsPath = folder + "/SHA256SUMS"
        let names = try String(contentsOfFile: sumsPath, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: " ", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) }
        var sums: [String: String] = [:]
        for name in names { sums[name] = try FileHash.sha256(ofFile: folder + "/" + name) }
        let descriptorPath = folder + "/datapackage.json"
        guard case .object(var descriptor) = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: descriptorPath))),
              case .array(let resources)? = descriptor["resources"] else { return }
        descriptor["resources"] = .array(resources.map { resource in
            guard case .object(var fields) = resource, let path = resource["path"]?.string else { return resource }
            fields["hash"] = .string("sha256:" + (sums[path] ?? ""))
            let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + path))?[.size] as? NSNumber
            fields["bytes"] = .integer(size?.intValue ?? 0)
            return .object(fields)
        })
        change(&descriptor)
        try JSONValue.object(descriptor).encoded().write(to: URL(fileURLWithPath: descriptorPath))
        sums["datapackage.json"] = try FileHash.sha256(ofFile: descriptorPath)
        try Data(names.map { "\(sums[$0]!)  \($0)\n" }.joined().utf8).write(to: URL(fileURLWithPath: sumsPath))
    }
}
