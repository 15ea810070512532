import AreaNeedsCore
import AreaNeedsTables
import Foundation
import Logging

/// The ingest stage: reads every source and population table as published (title rows,
/// suppression markers, thousands separators, notes...) and writes tidy, typed records
/// to `staging/ingest/`, one file per source, each with a manifest of what made it.
///
/// A source whose file and settings are unchanged since the last run is skipped. A file
/// that several sources read is read once for all of them; files are read in parallel,
/// one per core.
package struct IngestStage: Sendable {
    let pipeline: Pipeline
    let logger: Logger
    let progress: ProgressReporter

    package init(pipeline: Pipeline, logger: Logger, progress: ProgressReporter = .silent) {
        self.pipeline = pipeline
        self.logger = logger
        self.progress = progress
    }

    /// What ingesting did, and what the next stages take from it.
    package struct Outcome: Sendable {
        package var report: StageReport
        /// Every unit's manifest, written now or found up to date: the sources publish records.
        package var manifests: [StageUnit: StageManifest]
    }

    /// Ingests every source; `force` re-reads unchanged ones too.
    package func run(force: Bool = false) throws(AreaNeedsError) -> StageReport {
        try run(force: force, handingTo: nil).report
    }

    /// Ingests every source; `force` re-reads unchanged ones too. With `next`, the staged
    /// tables of the units each file is read for are kept in memory and handed to it as
    /// soon as they are in place, on the thread that read them: the next stage of a run in
    /// one pass, which then never reads them back.
    package func run(force: Bool, handingTo next: (any IngestHandoff)?) throws(AreaNeedsError) -> Outcome {
        let started = Date()
        let folder = StageFolder(.ingest, of: pipeline)
        try folder.create()
        let units = IngestUnit.all(in: pipeline)
        let plans = try Parallel.collect(Parallel.map(units) { unit throws(AreaNeedsError) in
            try plan(unit, in: folder, force: force)
        })
        // The units to read, by the file they read (in the pipeline file's order).
        var reads: [[Plan]] = []
        var readOf: [IngestUnit.Reading: Int] = [:]
        for plan in plans where plan.upToDate == nil {
            let reading = plan.unit.reading(in: pipeline)
            if let index = readOf[reading] {
                reads[index].append(plan)
            } else {
                readOf[reading] = reads.count
                reads.append([plan])
            }
        }
        next?.awaiting(Set(reads.flatMap { $0.map(\.unit.stageUnit) }))
        let written = try Parallel.collect(Parallel.map(reads, cost: { readingCost(of: $0[0].unit) }) { plans throws(AreaNeedsError) in
            try ingest(plans, in: folder, handingTo: next)
        }).flatMap { $0 }
        var manifests = Dictionary(uniqueKeysWithValues: written.map { ($0.unit, $0) })
        var all: [StageUnit: StageManifest] = [:]

        var report = StageReport(stage: .ingest)
        for plan in plans {
            let manifest: StageManifest
            if let upToDate = plan.upToDate {
                report.skipped.append(plan.unit.name)
                manifest = upToDate
            } else {
                report.ran.append(plan.unit.name)
                manifest = manifests.removeValue(forKey: plan.unit.name)!
            }
            all[plan.unit.stageUnit] = manifest
            for (key, value) in manifest.counts { report.counts[key, default: 0] += value }
            report.warnings += manifest.warnings
        }
        report.seconds = Date().timeIntervalSince(started)
        return Outcome(report: report, manifests: all)
    }

    /// How much reading a unit is, for starting the largest first: its file's size, a
    /// gzip file counted four times over (CSV compresses about fourfold).
    private func readingCost(of unit: IngestUnit) -> Int {
        let path = pipeline.resolve(unit.file)
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        return path.hasSuffix(".gz") ? 4 * bytes : bytes
    }

    /// A unit's input and fingerprint, and its manifest when it is up to date.
    private struct Plan: Sendable {
        var unit: IngestUnit
        var input: InputFile
        var fingerprint: String
        var upToDate: StageManifest?
    }

    private func plan(_ unit: IngestUnit, in folder: StageFolder, force: Bool) throws(AreaNeedsError) -> Plan {
        let previous = folder.manifest(unit.stageUnit)
        let input: InputFile
        do {
            input = try InputFile.describe(pipeline.resolve(unit.file), known: previous?.inputs ?? [])
        } catch {
            throw AreaNeedsError(.missingInput, "\(unit.label): \(error.message)\n  (set in \(pipeline.locate(unit.keyPath("file", in: pipeline))))")
        }
        var fingerprint = Fingerprint()
        fingerprint.add("stage", "ingest")
        // What the stage writes, and in what layout: a staging folder of a version that wrote
        // ingest tables otherwise (as CSV) is ingested again, not taken as up to date.
        fingerprint.add("output", [unit.outputFile, StagedTableWriter.layout])
        unit.addSettings(to: &fingerprint, pipeline: pipeline)
        fingerprint.add("file", file: input)
        let upToDate = force ? nil : folder.upToDate(unit.stageUnit, fingerprint: fingerprint.value, outputs: [unit.outputFile])
        return Plan(unit: unit, input: input, fingerprint: fingerprint.value, upToDate: upToDate)
    }

    /// Reads one file for the units that read it and writes their manifests; hands their
    /// tables to `next`, when there is one.
    private func ingest(_ plans: [Plan], in folder: StageFolder,
                        handingTo next: (any IngestHandoff)?) throws(AreaNeedsError) -> [StageManifest] {
        for plan in plans { folder.invalidate(plan.unit.stageUnit) }
        let reader = SourceReader(units: plans.map(\.unit), pipeline: pipeline, progress: progress, folder: folder, keepsTables: next != nil)
        let results = try reader.read()
        var manifests: [StageManifest] = []
        var outputs: [StagedOutput] = []
        for (plan, result) in zip(plans, results) {
            let unit = plan.unit
            guard let output = result.output else { throw AreaNeedsError(.internal, "\(unit.label): no staging table was put in place") }
            let manifest = StageManifest(
                stage: .ingest, unit: unit.stageUnit, fingerprint: plan.fingerprint, inputs: [plan.input],
                outputs: [.init(path: unit.outputFile, file: output, rows: result.rows)],
                counts: result.counts,
                warnings: result.warnings)
            try manifest.write(folder.manifestPath(unit.stageUnit))
            for warning in result.warnings { logger.warning("\(warning)") }
            logger.debug("ingest: \(unit.label): \(result.rows) rows from \(plan.input.path)")
            manifests.append(manifest)
            if let table = result.table { outputs.append(StagedOutput(unit: unit.stageUnit, file: output, table: table)) }
        }
        next?.ingested(outputs)
        return manifests
    }
}
