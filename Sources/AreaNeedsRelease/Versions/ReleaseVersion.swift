/// A release's semantic version: major for a changed table schema or geography, minor
/// for new data, patch for a correction or the same tables in other editions.
package struct ReleaseVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var major: Int
    package var minor: Int
    package var patch: Int

    package init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses "1.2.3"; nil for anything else (so stray folders are not taken as releases),
    /// a part above a million included: no release gets there, and the next version of
    /// `9223372036854775807.0.0` could not be counted.
    package init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 7 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) && ($0 == "0" || !$0.hasPrefix("0")) }),
              let major = Int(parts[0]), let minor = Int(parts[1]), let patch = Int(parts[2]),
              [major, minor, patch].allSatisfy({ $0 <= 1_000_000 }) else { return nil }
        self.init(major, minor, patch)
    }

    /// The first release of a pipeline.
    package static let first = ReleaseVersion(1, 0, 0)

    package var description: String { "\(major).\(minor).\(patch)" }

    /// What changed since the last release, deciding the next version.
    package enum Change: String, Sendable {
        case schemaOrGeography = "schema or geography changed"
        case data = "data changed"
        case correction = "correction"
        /// The same tables, published in other editions (a workbook added, gzip copies dropped).
        case editions = "editions changed"
    }

    /// The version after this one for `change`.
    package func next(for change: Change) -> ReleaseVersion {
        switch change {
        case .schemaOrGeography: ReleaseVersion(major + 1, 0, 0)
        case .data: ReleaseVersion(major, minor + 1, 0)
        case .correction, .editions: ReleaseVersion(major, minor, patch + 1)
        }
    }

    package static func < (lhs: ReleaseVersion, rhs: ReleaseVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}
