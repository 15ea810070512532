import AreaNeedsCore
import AreaNeedsIngest
import AreaNeedsNormalise
import AreaNeedsPublish
import AreaNeedsRank
import AreaNeedsRelease
import AreaNeedsTables
import Foundation
import Logging

/// Runs a pipeline's stages in order under its lock, each skipped when its inputs are
/// unchanged, logging one line per stage.
package struct PipelineRunner: Sendable {
    package let pipeline: Pipeline
    let logger: Logger
    let progress: ProgressReporter

    package init(pipeline: Pipeline, logger: Logger, progress: ProgressReporter = .silent) {
        self.pipeline = pipeline
        self.logger = logger
        self.progress = progress
    }

    /// How a run ended.
    package struct Outcome: Sendable {
        package var reports: [StageReport]
        package var release: ReleaseWriter.Outcome?
        package var releaseFolder: String?
    }

    /// Runs `stages` (all four by default), in one process and in one pass: a stage that
    /// follows another in the same run takes what that one made in memory, and reads back
    /// nothing it wrote, which is still written to the staging folders (for the next run's
    /// up-to-date checks, and for each stage run alone). The normalise stage works while
    /// the ingest stage reads, on each table as soon as it is in place.
    package func run(_ stages: [StageName] = StageName.allCases, force: Bool = false, correction: Bool = false,
                    lockWait: TimeInterval = 0) throws(AreaNeedsError) -> Outcome {
        MemoryPools.shareOnePool()
        let lock = try PipelineLock.acquire(for: pipeline, wait: lockWait)
        defer { withExtendedLifetime(lock) {} }
        // Entries named like versions that are not releases count for nothing: say so.
        for warning in ReleaseHistory(folder: pipeline.releasesFolder).warnings { logger.warning("\(warning)") }
        var outcome = Outcome(reports: [])
        var handed = Handed()
        for stage in stages {
            let processorTimeBefore = CurrentProcess.processorTime
            let report: StageReport
            switch stage {
            case .ingest:
                let pass = stages.contains(.normalise) ? try normaliseStage.start(force: force) : nil
                let ingested = try IngestStage(pipeline: pipeline, logger: logger, progress: progress).run(force: force, handingTo: pass)
                (report, handed.normalisePass, handed.ingestManifests) = (ingested.report, pass, ingested.manifests)
                log(report, unit: "source")
            case .normalise:
                let pass: NormalisePass
                if let started = handed.normalisePass { pass = started } else { pass = try normaliseStage.start(force: force) }
                let normalised = try pass.finish()
                (report, handed.normalisePass, handed.normalised, handed.geography) = (normalised.report, nil, normalised.tables, normalised.geography)
                log(report, unit: "indicator")
            case .rank:
                let ranked = try RankStage(pipeline: pipeline, logger: logger).run(force: force, normalised: handed.normalised)
                (report, handed.normalised, handed.ranked) = (ranked.report, [:], ranked.ranked)
                log(report, unit: "table set")
            case .publish:
                let published = try PublishStage(pipeline: pipeline, logger: logger).run(
                    correction: correction, force: force,
                    handed: PublishStage.Handoff(ranked: handed.ranked, geography: handed.geography, ingestManifests: handed.ingestManifests))
                report = published.report
                outcome.release = published.release
                outcome.releaseFolder = published.folder
                logPublish(published)
            }
            outcome.reports.append(report)
            logger.debug("\(stage.rawValue): \(String(format: "%.2f s, %.2f s of processor time", report.seconds, CurrentProcess.processorTime - processorTimeBefore))")
            // What the stage read is freed; return it before the next stage allocates its own.
            MemoryPools.releaseFreed()
        }
        return outcome
    }

    private var normaliseStage: NormaliseStage {
        NormaliseStage(pipeline: pipeline, logger: logger, progress: progress)
    }

    /// What the stages of this run made, for the stages after them.
    private struct Handed {
        /// The normalise stage at work while ingest reads.
        var normalisePass: NormalisePass?
        var ingestManifests: [StageUnit: StageManifest]?
        var normalised: [String: NormalisedTable] = [:]
        var geography: [InputFile]?
        var ranked: (any RankedRows)?
    }

    private func log(_ report: StageReport, unit: String) {
        logger.info("\(report.summary(unitName: unit))")
    }

    private func logPublish(_ published: PublishStage.Outcome) {
        let seconds = String(format: "%.1f s", published.report.seconds)
        switch published.release {
        case .unchanged(let version):
            logger.info("publish: up to date: release \(version) already holds these tables, no new version (\(seconds))")
        case .published(let version, let change):
            let why = change.map { " (\($0.rawValue))" } ?? " (first release)"
            logger.info("publish: released \(pipeline.name) \(version)\(why) in \(published.folder) (\(seconds))")
        }
    }
}
