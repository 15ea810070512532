import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation

/// A temporary copy of the project around one of its real pipelines: the pipeline file, the
/// geography and framework, and the published files copied in by `scripts/get-real-data`,
/// so that runs write nothing inside the repository.
final class RealProject {
    let root: String
    /// What `scripts/get-real-data` printed.
    let copyReport: String

    init(pipeline name: String) throws {
        root = NSTemporaryDirectory() + "areaneeds-real-" + UUID().uuidString
        let files = FileManager.default
        let repository = FixtureProject.repository
        try files.createDirectory(atPath: root + "/pipelines", withIntermediateDirectories: true)
        try files.createDirectory(atPath: root + "/data-raw", withIntermediateDirectories: true)
        try files.copyItem(atPath: "\(repository)/pipelines/\(name).yml", toPath: "\(root)/pipelines/\(name).yml")
        for folder in ["geography", "framework"] {
            try files.copyItem(atPath: "\(repository)/data-raw/\(folder)", toPath: "\(root)/data-raw/\(folder)")
        }
        let copy = try RealProject.script("get-real-data", [RealData.folder!, root + "/data-raw/lancashire"])
        guard copy.status == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "get-real-data failed:\n\(copy.standardOutput)\(copy.standardError)"])
        }
        copyReport = copy.standardOutput
    }

    deinit {
        if ProcessInfo.processInfo.environment["AREANEEDS_KEEP_FIXTURES"] == nil {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    func pipelinePath(_ name: String) -> String { "\(root)/pipelines/\(name).yml" }

    /// Runs a script of the repository's `scripts/` folder.
    static func script(_ name: String, _ arguments: [String]) throws -> ChildProcess.Result {
        try ChildProcess.run(FixtureProject.repository + "/scripts/" + name, arguments)
    }

    /// The rows of a CSV table, or of a workbook's sheet, as dictionaries keyed by the
    /// header's names.
    static func rows(_ path: String, sheet: SheetChoice? = nil) throws -> [[String: String]] {
        let reader = try TableReader(path: path, options: ReadOptions(sheet: sheet))
        let names = reader.header.names
        return try reader.readAll().map { Dictionary(zip(names, $0), uniquingKeysWith: { first, _ in first }) }
    }
}
