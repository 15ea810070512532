import AreaNeedsCore
import Foundation
import Logging

/// The ingest stage: reads every source and population table as published (title rows,
/// suppression markers, thousands separators, notes...) and writes tidy, typed records
/// to `staging/ingest/`, one file per source, each with a manifest of what made it.
///
/// A source whose file and settings are unchanged since the last run is skipped.
/// Sources are read in parallel, one per core.
public struct IngestStage: Sendable {
    let pipeline: Pipeline
    let logger: Logger
    let progress: ProgressReporter

    public init(pipeline: Pipeline, logger: Logger, progress: ProgressReporter = .silent) {
        self.pipeline = pipeline
        self.logger = logger
        self.progress = progress
    }

    /// Ingests every source; `force` re-reads unchanged ones too.
    public func run(force: Bool = false) throws(AreaNeedsError) -> StageReport {
        let started = Date()
        let folder = StageFolder(.ingest, of: pipeline)
        try folder.create()
        let units = IngestUnit.all(in: pipeline)
        let done = try Parallel.collect(Parallel.map(units, cost: { readingCost(of: $0) }) { unit throws(AreaNeedsError) in
            try ingest(unit, in: folder, force: force)
        })
        var report = StageReport(stage: .ingest)
        for (unit, done) in zip(units, done) {
            if done.skipped { report.skipped.append(unit.name) } else { report.ran.append(unit.name) }
            for (key, value) in done.manifest.counts { report.counts[key, default: 0] += value }
            report.warnings += done.manifest.warnings
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// How much reading a unit is, for starting the largest first: its file's size, a
    /// gzip file counted four times over (CSV compresses about fourfold).
    private func readingCost(of unit: IngestUnit) -> Int {
        let path = pipeline.resolve(unit.file)
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        return path.hasSuffix(".gz") ? 4 * bytes : bytes
    }

    private struct Done: Sendable {
        var manifest: StageManifest
        var skipped: Bool
    }

    private func ingest(_ unit: IngestUnit, in folder: StageFolder, force: Bool) throws(AreaNeedsError) -> Done {
        let previous = folder.manifest(unit.name)
        let input: InputFile
        do {
            input = try InputFile.describe(pipeline.resolve(unit.file), known: previous?.inputs ?? [])
        } catch {
            throw AreaNeedsError(.missingInput, "\(unit.label): \(error.message)\n  (set in \(pipeline.locate(unit.keyPath("file", in: pipeline))))")
        }
        var fingerprint = Fingerprint()
        fingerprint.add("stage", "ingest")
        unit.addSettings(to: &fingerprint, pipeline: pipeline)
        fingerprint.add("file", file: input)
        if !force, let manifest = folder.upToDate(unit.name, fingerprint: fingerprint.value) {
            return Done(manifest: manifest, skipped: true)
        }

        folder.invalidate(unit.name)
        let output = folder.file(unit.outputFile)
        let result = try SourceReader(unit: unit, pipeline: pipeline, progress: progress).read(into: output)
        let manifest = StageManifest(
            stage: StageName.ingest.rawValue, unit: unit.name, fingerprint: fingerprint.value, inputs: [input],
            outputs: [.init(path: unit.outputFile, sha256: try InputFile.describeWritten(output).sha256, rows: result.rows)],
            counts: result.counts,
            warnings: result.warnings)
        try manifest.write(folder.manifestPath(unit.name))
        for warning in result.warnings { logger.warning("\(warning)") }
        logger.debug("ingest: \(unit.label): \(result.rows) rows from \(input.path)")
        return Done(manifest: manifest, skipped: false)
    }
}

