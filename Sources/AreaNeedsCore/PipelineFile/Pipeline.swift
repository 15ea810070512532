import Foundation

/// A loaded, checked pipeline file, with its paths resolved.
public struct Pipeline: Sendable {
    public let file: PipelineFile
    /// The pipeline file's path as given.
    public let path: String
    /// The folder holding the pipeline file; relative paths in it start here.
    public let folder: String
    /// Where this pipeline's releases go: `<output>/<name>`.
    public let releasesFolder: String

    public var name: String { file.name }

    public init(file: PipelineFile, path: String, outputRoot: String? = nil) {
        self.file = file
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        self.folder = folder
        let root = outputRoot ?? file.output.map { Pipeline.resolve($0, in: folder) } ?? Pipeline.resolve("../data-out", in: folder)
        releasesFolder = URL(fileURLWithPath: root).appendingPathComponent(file.name).standardizedFileURL.path
    }

    /// A path from the pipeline file, made absolute against the file's folder.
    public func resolve(_ relative: String) -> String {
        Pipeline.resolve(relative, in: folder)
    }

    /// Where stages keep their work between runs.
    public var stagingFolder: String { releasesFolder + "/staging" }

    static func resolve(_ path: String, in folder: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL.path }
        return URL(fileURLWithPath: folder).appendingPathComponent(expanded).standardizedFileURL.path
    }

    /// The indicator with this id.
    public func indicator(_ id: String) -> IndicatorSpec? {
        file.indicators.first { $0.id == id }
    }
}
