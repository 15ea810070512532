import AreaNeedsTables
import Foundation

/// The record a stage leaves beside its output: what made it (fingerprint, inputs, tool
/// version), what it wrote (with hashes), and counts for the log.
package struct StageManifest: Codable, Sendable, Equatable {
    /// A file a stage wrote.
    package struct Output: Codable, Sendable, Equatable {
        package var path: String
        package var sha256: String
        package var rows: Int
        /// The size and modification time (nanoseconds since 1970) it was written with, to
        /// tell it intact without hashing it again; absent in manifests of earlier versions.
        package var bytes: Int?
        package var modified: Int64?

        package init(path: String, sha256: String, rows: Int) {
            self.path = path
            self.sha256 = sha256
            self.rows = rows
        }

        /// An output as written: `file` is the output described (`InputFile.describeWritten`).
        package init(path: String, file: InputFile, rows: Int) {
            self.init(path: path, sha256: file.sha256, rows: rows)
            bytes = file.bytes
            modified = file.modified
        }
    }

    package var stage: String
    /// What the manifest covers: an indicator id, a population name, or "all".
    package var unit: String
    package var toolVersion: String
    package var fingerprint: String
    package var inputs: [InputFile]
    /// Paths relative to the manifest's folder.
    package var outputs: [Output]
    package var counts: [String: Int]
    /// Warnings raised while making the output, repeated when the stage is skipped.
    package var warnings: [String]
    /// The periods of the figures used, latest first, as the source writes them, for an
    /// indicator whose source chooses its period (`period:`, `value: {columns: latest}`):
    /// the vintage, unless the pipeline sets one.
    package var periods: [String]?

    package init(stage: StageName, unit: StageUnit, fingerprint: String, inputs: [InputFile], outputs: [Output], counts: [String: Int],
                warnings: [String] = [], periods: [String]? = nil) {
        self.stage = stage.rawValue
        self.unit = unit.name
        toolVersion = ToolVersion.current
        self.fingerprint = fingerprint
        self.inputs = inputs
        self.outputs = outputs
        self.counts = counts
        self.warnings = warnings
        self.periods = periods
    }

    enum CodingKeys: String, CodingKey {
        case stage, unit, toolVersion = "tool_version", fingerprint, inputs, outputs, counts, warnings, periods
    }

    /// Reads a manifest; nil when there is none or it cannot be read (the stage re-runs).
    package static func read(_ path: String) -> StageManifest? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(StageManifest.self, from: data)
    }

    /// Writes the manifest atomically (after the outputs it describes): to a temporary
    /// file beside it, named as the table writer names its own (`*.partial-<pid>`), so that
    /// what a killed run leaves is tidied with the rest when the stage next runs.
    package func write(_ path: String) throws(AreaNeedsError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            // A new temporary file (never one reached through a link), renamed over `path`.
            try FileSystem.writeFile(path, Array(encoder.encode(self)))
        } catch {
            throw AreaNeedsError(.output, "\(path): cannot write the stage manifest (\(StageManifest.reason(error)))")
        }
    }

    /// The reason a manifest could not be written, as the system or Foundation says it.
    private static func reason(_ error: any Error) -> String {
        (error as? TableError)?.description ?? (error as? SystemError)?.description ?? error.localizedDescription
    }

    /// True when the outputs it lists are still there with the recorded content: the same
    /// size and modification time as when written (as `make` and git tell), or else the same
    /// SHA-256. Hashing every staging table for each run with nothing to do had been a third
    /// of such a run.
    package func outputsIntact(in folder: String) -> Bool {
        outputs.allSatisfy { output in
            let path = folder + "/" + output.path
            if let bytes = output.bytes, let modified = output.modified,
               let file = try? InputFile.describe(path, known: [InputFile(path: path, bytes: bytes, modified: modified, sha256: output.sha256)]) {
                return file.sha256 == output.sha256
            }
            return (try? FileHash.sha256(ofFile: path)) == output.sha256
        }
    }
}
