import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsMethods
import AreaNeedsTables
import Foundation
import Logging

/// The normalise stage: brings every indicator onto the target geography. Small-area
/// figures map to areas through the lookups (split small areas by their weights), district
/// figures are inherited, and each area's figure is aggregated by the indicator's method.
/// Reads `staging/ingest/`, writes one table per indicator to `staging/normalise/`.
public struct NormaliseStage: Sendable {
    let pipeline: Pipeline
    let logger: Logger
    let progress: ProgressReporter

    public init(pipeline: Pipeline, logger: Logger, progress: ProgressReporter = .silent) {
        self.pipeline = pipeline
        self.logger = logger
        self.progress = progress
    }

    public func run(force: Bool = false) throws(AreaNeedsError) -> StageReport {
        let started = Date()
        let folder = StageFolder(.normalise, of: pipeline)
        try folder.create()
        let geographyInputs = try pipeline.geographyFiles.map { file throws(AreaNeedsError) in
            do throws(AreaNeedsError) {
                return try InputFile.describe(file.path, known: folder.manifest(.geography)?.inputs ?? [])
            } catch {
                throw AreaNeedsError(error.category, "geography: \(error.message)\n  (set in \(pipeline.locate(file.key)))")
            }
        }

        // Work out which indicators must run before reading the geography at all.
        var plans: [IndicatorPlan] = []
        for indicator in pipeline.file.indicators {
            plans.append(try IndicatorPlan(indicator: indicator, pipeline: pipeline, folder: folder, geography: geographyInputs))
        }
        var report = StageReport(stage: .normalise)
        let toRun = plans.filter { force || folder.upToDate($0.unit, fingerprint: $0.fingerprint, outputs: [$0.unit.stagedFile]) == nil }
        for plan in plans where !toRun.contains(where: { $0.unit == plan.unit }) {
            report.skipped.append(plan.unit.name)
            if let manifest = folder.manifest(plan.unit) {
                for (key, value) in manifest.counts { report.counts[key, default: 0] += value }
                report.warnings += manifest.warnings
            }
        }
        if !toRun.isEmpty {
            let geography = try pipeline.loadGeography()
            // The largest ingested tables first, so the two cores finish together.
            let manifests = try Parallel.collect(Parallel.map(toRun, cost: { $0.inputs.reduce(0) { $0 + $1.bytes } }) { plan throws(AreaNeedsError) in
                try IndicatorNormaliser(plan: plan, pipeline: pipeline, geography: geography, folder: folder).run()
            })
            for manifest in manifests {
                report.ran.append(manifest.unit)
                for (key, value) in manifest.counts { report.counts[key, default: 0] += value }
                report.warnings += manifest.warnings
                for warning in manifest.warnings { logger.warning("\(warning)") }
            }
            let record = StageManifest(stage: .normalise, unit: .geography, fingerprint: "",
                                       inputs: geographyInputs, outputs: [], counts: [:])
            try record.write(folder.manifestPath(.geography))
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}

/// What normalising one indicator depends on, decided before any work.
struct IndicatorPlan: Sendable {
    let indicator: IndicatorSpec
    let unit: StageUnit
    let ingested: String?
    let population: String?
    let inputs: [InputFile]
    let fingerprint: String

    init(indicator: IndicatorSpec, pipeline: Pipeline, folder: StageFolder, geography: [InputFile]) throws(AreaNeedsError) {
        self.indicator = indicator
        unit = .indicator(indicator.id)
        let ingest = StageFolder(.ingest, of: pipeline)
        let known = folder.manifest(unit)?.inputs ?? []
        var inputs = geography
        var fingerprint = Fingerprint()
        fingerprint.add("stage", "normalise")
        let settings: [String] = [
            indicator.id, indicator.aggregation.map(ReleaseText.text) ?? "", indicator.scale.map { "\($0)" } ?? "",
            indicator.weight ?? "", indicator.nationalCount.map { "\($0)" } ?? "", indicator.isProxy ? "proxy" : "",
        ]
        fingerprint.add("indicator", settings)
        fingerprint.add("source", indicator.source)
        fingerprint.add("expected-areas", indicator.expectedAreas)
        fingerprint.add("geography", pipeline.file.geography)
        fingerprint.add("checks", pipeline.file.checks.applying(indicator.checks))
        for file in geography { fingerprint.add("geography-file", file: file) }
        // An ingest-stage table this indicator reads: described, and part of the fingerprint.
        func staged(_ file: String, as label: String) throws(AreaNeedsError) -> String {
            let path = ingest.file(file)
            guard FileManager.default.fileExists(atPath: path) else {
                throw AreaNeedsError(.internal, "\(path): missing; run the ingest stage first (`areaneeds ingest \(pipeline.path)`)")
            }
            let described = try InputFile.describe(path, known: known)
            inputs.append(described)
            fingerprint.add(label, file: described)
            return path
        }
        ingested = indicator.source == nil ? nil : try staged(unit.stagedFile, as: "ingested")
        population = try indicator.weight.map { weight throws(AreaNeedsError) in try staged(StageUnit.population(weight).stagedFile, as: "population") }
        self.inputs = inputs
        self.fingerprint = fingerprint.value
    }
}
