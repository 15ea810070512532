import AreaNeedsCore
import AreaNeedsTables
import Foundation

/// The releases of one pipeline: the version folders under `data-out/<pipeline>/`.
///
/// A release is only a real folder (never a symbolic link) named by its version, holding
/// a `datapackage.json` of that version which its `SHA256SUMS` lists with the right hash:
/// a folder areaneeds wrote. Anything else named like a version (an empty folder, a stray
/// file, a link to a release elsewhere) is not a release: it is ignored, with a warning
/// (`ignored`), and shifts no version number. Reading a release checks every file it
/// lists (`ReleaseVerifier`).
package struct ReleaseHistory: Sendable {
    /// `data-out/<pipeline>`.
    package let folder: String

    package init(folder: String) {
        self.folder = folder
    }

    /// Every released version, oldest first. Only complete folders count: a release
    /// appears under its version name only once it has been written and checked.
    package var versions: [ReleaseVersion] {
        candidates().filter { ReleaseHistory.notRelease(path(of: $0), version: $0) == nil }.sorted()
    }

    /// The entries named like a version that are not releases, with why; ignored.
    package var ignored: [(name: String, reason: String)] {
        candidates().sorted().compactMap { version in
            ReleaseHistory.notRelease(path(of: version), version: version).map { (version.description, $0) }
        }
    }

    /// A warning for each entry `ignored`, for the logs of `run`, `validate` and `summary`.
    package var warnings: [String] {
        ignored.map { "\(folder)/\($0.name): not a release (\($0.reason)); ignored: it counts for no version number. Move it away if it is not yours" }
    }

    private func candidates() -> [ReleaseVersion] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).compactMap(ReleaseVersion.init)
    }

    /// Why the entry at `path` is not the release `version`; nil when it is one.
    static func notRelease(_ path: String, version: ReleaseVersion) -> String? {
        switch Folder.kind(ofPath: path) {
        case .folder: break
        case .link: return "a symbolic link: a release is a real folder, never a link"
        case let kind: return "\(PipelineFolder.describe(kind)), not a folder"
        }
        let sumsPath = path + "/SHA256SUMS", descriptorPath = path + "/datapackage.json"
        guard Folder.kind(ofPath: sumsPath) == .file, Folder.kind(ofPath: descriptorPath) == .file else {
            return "no SHA256SUMS and datapackage.json of its own"
        }
        guard let expected = ReleaseFiles.readSums(sumsPath)["datapackage.json"],
              let data = FileManager.default.contents(atPath: descriptorPath),
              FileHash.sha256(of: data) == expected else {
            return "its datapackage.json does not match SHA256SUMS"
        }
        guard let descriptor = try? JSONDecoder().decode(JSONValue.self, from: data),
              descriptor["version"]?.string == version.description else {
            return "its datapackage.json is not of version \(version)"
        }
        return nil
    }

    /// The newest version, if any.
    package var newest: ReleaseVersion? { versions.last }

    /// The folder of a version.
    package func path(of version: ReleaseVersion) -> String { folder + "/" + version.description }

    /// The `latest` link.
    package var latestLink: String { folder + "/latest" }

    /// What `latest` is.
    package enum Latest: Sendable, Equatable {
        /// Nothing by that name.
        case missing
        /// A link to a release beside it, by its version alone, as areaneeds makes it.
        case release(ReleaseVersion)
        /// A link by a version's name to nothing that is a release (a release removed, or
        /// not one): areaneeds made it, and repairs it.
        case stale(target: String)
        /// Anything areaneeds never makes: a link leading elsewhere (another folder, an
        /// absolute path, `..`), a regular file, a folder, a FIFO or a device. Never
        /// followed, never replaced.
        case foreign(String)
    }

    /// What `latest` is, without following it.
    package var latestEntry: Latest {
        switch Folder.kind(ofPath: latestLink) {
        case .missing:
            return .missing
        case .link:
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: latestLink) else {
                return .foreign("an unreadable symbolic link")
            }
            guard let version = ReleaseVersion(target), version.description == target else {
                return .foreign("a symbolic link to \(SafeText.excerpt(target))")
            }
            return ReleaseHistory.notRelease(path(of: version), version: version) == nil ? .release(version) : .stale(target: target)
        case let kind:
            return .foreign(PipelineFolder.describe(kind))
        }
    }

    /// The version `latest` points at, if it is a link to a release beside it.
    package var latest: ReleaseVersion? {
        if case .release(let version) = latestEntry { return version }
        return nil
    }

    /// The message for a `latest` areaneeds did not make: what it is, that it is not
    /// followed, and how to repair it.
    package func foreignLatestMessage(_ what: String) -> String {
        "\(latestLink): is \(what), not the link areaneeds makes (to a release beside it, by its version alone); it is not followed and is left as it is: remove it (`rm \(latestLink)`; nothing it points at is touched) and run the pipeline again to have it name the newest release"
            + (newest.map { " (\($0))" } ?? "")
    }

    /// " (the releases there are 1.0.0, 1.1.0)", or nothing when there are none.
    static func known(_ history: ReleaseHistory) -> String {
        let versions = history.versions
        return versions.isEmpty ? "" : " (the releases there are " + versions.map(\.description).joined(separator: ", ") + ")"
    }
}
