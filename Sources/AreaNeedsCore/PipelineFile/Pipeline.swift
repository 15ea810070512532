import Foundation

/// A loaded, checked pipeline file, with its paths resolved.
public struct Pipeline: Sendable {
    public let file: PipelineFile
    /// The pipeline file's path as given.
    package let path: String
    /// The folder holding the pipeline file; relative paths in it start here.
    package let folder: String
    /// Where this pipeline's releases go: `<output>/<name>`.
    package let releasesFolder: String
    /// The line of each key in the file ("indicators[3].source.numerator" -> 57), for messages.
    let keyLines: [String: Int]

    package var name: String { file.name }

    package init(file: PipelineFile, path: String, outputRoot: String? = nil, keyLines: [String: Int] = [:]) {
        self.file = file
        self.path = path
        self.keyLines = keyLines
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        self.folder = folder
        let root = outputRoot ?? file.output.map { Pipeline.resolve($0, in: folder) } ?? Pipeline.resolve("../data-out", in: folder)
        releasesFolder = URL(fileURLWithPath: root).appendingPathComponent(file.name).standardizedFileURL.path
    }

    /// A path from the pipeline file, made absolute against the file's folder.
    package func resolve(_ relative: String) -> String {
        Pipeline.resolve(relative, in: folder)
    }

    /// The social value framework file.
    package var frameworkPath: String {
        resolve(file.framework ?? "../data-raw/framework/social-value-framework.yml")
    }

    /// Where stages keep their work between runs.
    public var stagingFolder: String { releasesFolder + "/staging" }

    static func resolve(_ path: String, in folder: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL.path }
        return URL(fileURLWithPath: folder).appendingPathComponent(expanded).standardizedFileURL.path
    }

    /// "pipelines/x.yml, line 57 (indicators[3].source.numerator)": where a setting is,
    /// for messages about it.
    public func locate(_ keyPath: String) -> String {
        var parts = keyPath.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            if let line = keyLines[parts.joined(separator: ".")] {
                return "\(path), line \(line) (\(keyPath))"
            }
            parts.removeLast()
        }
        return "\(path) (\(keyPath))"
    }

    /// The key path of an indicator's setting: "indicators[3].source.numerator".
    public func keyPath(ofIndicator id: String, _ keys: String...) -> String {
        let index = file.indicators.firstIndex { $0.id == id } ?? 0
        return (["indicators[\(index)]"] + keys).joined(separator: ".")
    }

    /// The indicator with this id.
    package func indicator(_ id: String) -> IndicatorSpec? {
        file.indicators.first { $0.id == id }
    }
}
