import Foundation

/// The releases of one pipeline: the version folders under `data-out/<pipeline>/`.
package struct ReleaseHistory: Sendable {
    /// `data-out/<pipeline>`.
    package let folder: String

    package init(folder: String) {
        self.folder = folder
    }

    /// Every released version, oldest first. Only complete folders count: a release
    /// appears under its version name only once it has been written and checked.
    package var versions: [ReleaseVersion] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap(ReleaseVersion.init).filter { version in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path(of: version), isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }

    /// The newest version, if any.
    package var newest: ReleaseVersion? { versions.last }

    /// The folder of a version.
    package func path(of version: ReleaseVersion) -> String { folder + "/" + version.description }

    /// The `latest` link.
    package var latestLink: String { folder + "/latest" }

    /// The version `latest` points at, if it is a valid link.
    package var latest: ReleaseVersion? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: latestLink) else { return nil }
        return ReleaseVersion((target as NSString).lastPathComponent)
    }
}
