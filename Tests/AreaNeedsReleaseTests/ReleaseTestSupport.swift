import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Logging

extension FixtureProject {
    /// Runs the pipeline's stages in this process (all four by default).
    @discardableResult
    func run(_ stages: [StageName] = StageName.allCases, force: Bool = false, correction: Bool = false) throws -> PipelineRunner.Outcome {
        let pipeline = try Pipeline.load(path: pipelinePath)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        return try PipelineRunner(pipeline: pipeline, logger: logger).run(stages, force: force, correction: correction, lockWait: 60)
    }

    /// The pipeline's releases.
    var history: ReleaseHistory { ReleaseHistory(folder: releases) }

    /// A version's folder.
    func folder(_ version: String) -> String { releases + "/" + version }
}

/// Every file under `folder` with its SHA-256, and every link with its target: equal
/// snapshots show that nothing was written. Staging and the lock are left out.
func snapshot(_ folder: String, excluding excluded: Set<String> = ["staging", ".lock"]) throws -> [String: String] {
    var result: [String: String] = [:]
    let manager = FileManager.default
    for name in try manager.contentsOfDirectory(atPath: folder) where !excluded.contains(name) {
        let path = folder + "/" + name
        if let target = try? manager.destinationOfSymbolicLink(atPath: path) {
            result[name] = "-> " + target
            continue
        }
        var isFolder: ObjCBool = false
        _ = manager.fileExists(atPath: path, isDirectory: &isFolder)
        if isFolder.boolValue {
            for (inner, hash) in try snapshot(path, excluding: []) { result[name + "/" + inner] = hash }
        } else {
            result[name] = try FileHash.sha256(ofFile: path)
        }
    }
    return result
}

/// The SHA-256 of a file.
func sha256(_ path: String) throws -> String {
    try FileHash.sha256(ofFile: path)
}

/// The names in a folder, sorted, without the hidden ones (the lock, leftovers).
func visibleNames(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
}

/// Reads a JSON file.
func readJSON(_ path: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
}

/// A copy of a folder in a new temporary folder, links followed; removed by the caller.
func copyOf(_ folder: String) throws -> String {
    let copy = NSTemporaryDirectory() + "areaneeds-copy-" + UUID().uuidString
    try FileManager.default.copyItem(atPath: URL(fileURLWithPath: folder).resolvingSymlinksInPath().path, toPath: copy)
    return copy
}

/// Changes one byte in the middle of a file, as disk corruption or a stray edit would.
func corrupt(_ path: String) throws {
    var data = try Data(contentsOf: URL(fileURLWithPath: path))
    let middle = data.count / 2
    data[middle] = data[middle] == UInt8(ascii: "7") ? UInt8(ascii: "8") : UInt8(ascii: "7")
    try data.write(to: URL(fileURLWithPath: path))
}
