import Foundation
import Yams

/// `areaneeds.yml` in the folder a command runs from: settings for the whole project, so
/// that the commands that read a release know which one to read when several pipelines
/// have published.
///
///     default-pipeline: lancashire   # the release `latest` means when several pipelines have one
///     data-out: data-out             # where releases are (default data-out)
public struct ProjectSettings: Decodable, Sendable, Equatable {
    /// The file's name, looked for in the current folder.
    public static let fileName = "areaneeds.yml"

    /// The pipeline whose latest release the release commands read when several have one.
    package var defaultPipeline: String?
    /// Where releases are.
    package var dataOut: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case defaultPipeline = "default-pipeline", dataOut = "data-out"
    }

    package init(defaultPipeline: String? = nil, dataOut: String? = nil) {
        self.defaultPipeline = defaultPipeline
        self.dataOut = dataOut
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        defaultPipeline = try container.decodeIfPresent(String.self, forKey: .defaultPipeline)
        dataOut = try container.decodeIfPresent(String.self, forKey: .dataOut)
    }

    /// The settings in `folder`'s `areaneeds.yml`; none when there is no such file. The file
    /// is read as strictly as a pipeline file (`ConfigurationFile`).
    public static func load(in folder: String = FileManager.default.currentDirectoryPath) throws(AreaNeedsError) -> ProjectSettings {
        let path = folder + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return ProjectSettings() }
        guard let root = try ConfigurationFile(path: path, kind: "project settings file").root else { return ProjectSettings() }
        do {
            return try YAMLDecoder().decode(ProjectSettings.self, from: root)
        } catch let error as DecodingError {
            throw AreaNeedsError(.configuration, YAMLLocator(root: root, file: path).describe(error)
                + "; it takes `default-pipeline: NAME` and `data-out: FOLDER`")
        } catch {
            throw AreaNeedsError(.configuration, "\(path): \(error); it takes `default-pipeline: NAME` and `data-out: FOLDER`")
        }
    }
}
