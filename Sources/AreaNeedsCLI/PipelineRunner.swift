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
public struct PipelineRunner: Sendable {
    public let pipeline: Pipeline
    let logger: Logger
    let progress: ProgressReporter

    public init(pipeline: Pipeline, logger: Logger, progress: ProgressReporter = .silent) {
        self.pipeline = pipeline
        self.logger = logger
        self.progress = progress
    }

    /// How a run ended.
    public struct Outcome: Sendable {
        public var reports: [StageReport]
        public var release: ReleaseWriter.Outcome?
        public var releaseFolder: String?
    }

    /// Runs `stages` (all four by default).
    public func run(_ stages: [StageName] = StageName.allCases, force: Bool = false, correction: Bool = false,
                    lockWait: TimeInterval = 0) throws(AreaNeedsError) -> Outcome {
        MemoryPools.shareOnePool()
        let lock = try PipelineLock.acquire(for: pipeline, wait: lockWait)
        defer { withExtendedLifetime(lock) {} }
        var outcome = Outcome(reports: [])
        for stage in stages {
            let processorTimeBefore = CurrentProcess.processorTime
            let report: StageReport
            switch stage {
            case .ingest:
                report = try IngestStage(pipeline: pipeline, logger: logger, progress: progress).run(force: force)
                log(report, unit: "source")
            case .normalise:
                report = try NormaliseStage(pipeline: pipeline, logger: logger, progress: progress).run(force: force)
                log(report, unit: "indicator")
            case .rank:
                report = try RankStage(pipeline: pipeline, logger: logger).run(force: force)
                log(report, unit: "table set")
            case .publish:
                let published = try PublishStage(pipeline: pipeline, logger: logger).run(correction: correction, force: force)
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
