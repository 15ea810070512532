import Foundation

/// How much reading a release may take: a release beyond them is refused (exit 65) before
/// it is read, or as soon as a table passes its row limit, never read into memory whole.
///
/// The standard limits are the national benchmark's release (7,142 areas, 26 indicators:
/// 185,692 rows and 18 MB in `indicator_needs.csv`, its largest table) with room
/// for more than twenty times as much; `data-out/README.md` ("Limits on reading a release") states
/// them. Tests pass small ones.
package struct ReleaseLimits: Sendable, Equatable {
    /// Most data rows in one table.
    package var maxRows: Int
    /// Most bytes in one file the release lists in `SHA256SUMS` (tables, their gzip
    /// copies, the workbook and the database): checked before any is hashed or read.
    package var maxFileBytes: Int
    /// Most bytes in `SHA256SUMS`, `datapackage.json` and `provenance.json`, which are read
    /// whole.
    package var maxDescriptionBytes: Int

    package init(maxRows: Int = 4_000_000, maxFileBytes: Int = 512 << 20, maxDescriptionBytes: Int = 16 << 20) {
        self.maxRows = maxRows
        self.maxFileBytes = maxFileBytes
        self.maxDescriptionBytes = maxDescriptionBytes
    }

    /// The limits every command reads releases with.
    package static let standard = ReleaseLimits()

    /// The bytes of one of a release's descriptions (`SHA256SUMS`, `datapackage.json`,
    /// `provenance.json`); nil when it is missing or larger than `maxDescriptionBytes`, so
    /// a hostile one is never read whole.
    package func contents(ofDescription path: String) -> Data? {
        guard ReleaseVerifier.fileSize(path) <= maxDescriptionBytes else { return nil }
        return FileManager.default.contents(atPath: path)
    }
}
