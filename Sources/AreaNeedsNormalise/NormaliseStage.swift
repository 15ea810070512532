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
package struct NormaliseStage: Sendable {
    let pipeline: Pipeline
    let logger: Logger
    let progress: ProgressReporter

    package init(pipeline: Pipeline, logger: Logger, progress: ProgressReporter = .silent) {
        self.pipeline = pipeline
        self.logger = logger
        self.progress = progress
    }

    /// Normalises every indicator whose inputs changed; `force` every one.
    package func run(force: Bool = false) throws(AreaNeedsError) -> StageReport {
        try start(force: force).finish().report
    }

    /// Starts the stage for a run in one pass with ingest: the pass takes the ingest stage's
    /// tables as they are made (`NormalisePass.ingested`), normalising each indicator as
    /// soon as what it reads is in, and the rest at `finish`.
    package func start(force: Bool) throws(AreaNeedsError) -> NormalisePass {
        let folder = StageFolder(.normalise, of: pipeline)
        try folder.create()
        return NormalisePass(pipeline: pipeline, logger: logger, folder: folder, force: force)
    }

    /// The geography files as the normalise stage reads them, described (size, time and
    /// checksum), re-using what its last run recorded when they are unchanged.
    static func describeGeography(of pipeline: Pipeline, in folder: StageFolder) throws(AreaNeedsError) -> [InputFile] {
        let known = folder.manifest(.geography)?.inputs ?? []
        return try pipeline.geographyFiles.map { file throws(AreaNeedsError) in
            do throws(AreaNeedsError) {
                return try InputFile.describe(file.path, known: known)
            } catch {
                throw AreaNeedsError(error.category, "geography: \(error.message)\n  (set in \(pipeline.locate(file.key)))")
            }
        }
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
            indicator.atAge.map { "\($0)" } ?? "", indicator.confidence.map { "\($0)" } ?? "", indicator.standardPopulation ?? "",
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
        // A standard population's weights are part of the figures.
        if let file = indicator.standardPopulation, indicator.aggregation == .standardisedRate {
            let described = try InputFile.describe(pipeline.resolve(file), known: known)
            inputs.append(described)
            fingerprint.add("standard-population", file: described)
        }
        self.inputs = inputs
        self.fingerprint = fingerprint.value
    }
}
