import Foundation

/// The real public extracts shared beside the repository (`../shared/data/real`), when they
/// are there; `AREANEEDS_REAL_DATA` points elsewhere. Tests that need them are skipped, and
/// say so, when they are absent.
package enum RealData {
    package static let folder: String? = {
        if let override = ProcessInfo.processInfo.environment["AREANEEDS_REAL_DATA"] { return override }
        let folder = URL(fileURLWithPath: FixtureProject.repository).deletingLastPathComponent()
            .appendingPathComponent("shared/data/real").path
        return FileManager.default.fileExists(atPath: folder) ? folder : nil
    }()

    package static var isPresent: Bool { folder != nil }

    /// A file of the shared folder; CSV copies of spreadsheet sheets are under `csv/`.
    package static func path(_ name: String) -> String { folder! + "/" + name }
}
