import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsTables
import Foundation
import Logging

/// The normalise stage at work (`NormaliseStage.start`).
///
/// In a run of every stage, the ingest stage hands over each table as soon as it is in
/// place (`ingested`), and an indicator whose tables are then all in is normalised at
/// once, on the thread that read them, from the tables in memory, which are then let go:
/// normalising overlaps ingesting, and no table is read back or held longer than it is
/// needed. `finish` normalises the rest (those whose tables were up to date), each on its
/// own core, and says what the stage did, as a stage run alone does.
package final class NormalisePass: IngestHandoff, @unchecked Sendable {
    /// What the stage did, and what the rank stage takes from it.
    package struct Outcome: Sendable {
        package var report: StageReport
        /// The figures of each indicator normalised now, by id: rank reads no file for them.
        package var tables: [String: NormalisedTable]
        /// The geography files the stage read and checked, as described then.
        package var geography: [InputFile]
    }

    private let pipeline: Pipeline
    private let logger: Logger
    private let folder: StageFolder
    private let force: Bool

    /// Everything below is read and written under this lock.
    private let lock = NSLock()
    /// The units the ingest stage is still reading in this run: what reads them waits.
    private var awaited: Set<StageUnit> = []
    /// The tables handed over and still to be read, by unit.
    private var handed: [StageUnit: StagedTable] = [:]
    /// The indicators begun (normalised, found up to date, or failed), and how each ended.
    private var begun: Set<String> = []
    private var ended: [String: Result<IndicatorOutcome, AreaNeedsError>] = [:]
    /// Seconds spent normalising while the ingest stage ran.
    private var secondsDuringIngest = 0.0

    /// The geography, described and loaded once, by whichever thread needs it first.
    private let geographyLock = NSLock()
    private var geographyInputs: Result<[InputFile], AreaNeedsError>?
    private var geography: Result<Geography, AreaNeedsError>?

    /// How one indicator ended: up to date (its manifest), or normalised now.
    private enum IndicatorOutcome {
        case upToDate(StageManifest?)
        case normalised(IndicatorNormaliser.Normalised)
    }

    init(pipeline: Pipeline, logger: Logger, folder: StageFolder, force: Bool) {
        self.pipeline = pipeline
        self.logger = logger
        self.folder = folder
        self.force = force
    }

    /// Says which units the ingest stage is about to read: the indicators that read them
    /// wait for their tables.
    package func awaiting(_ units: Set<StageUnit>) {
        lock.withLock { awaited.formUnion(units) }
    }

    /// Takes tables the ingest stage has just put in place, and normalises, on the calling
    /// thread, each indicator that reads one of them and now has every table it reads.
    package func ingested(_ outputs: [StagedOutput]) {
        let start = Date()
        let ready: [IndicatorSpec] = lock.withLock {
            for output in outputs {
                awaited.remove(output.unit)
                handed[output.unit] = output.table
            }
            let units = Set(outputs.map(\.unit))
            let ready = pipeline.file.indicators.filter { indicator in
                let reads = NormalisePass.reads(indicator)
                return !begun.contains(indicator.id) && !reads.isDisjoint(with: units) && reads.isDisjoint(with: awaited)
            }
            begun.formUnion(ready.map(\.id))
            return ready
        }
        for indicator in ready { end(indicator, as: normalise(indicator)) }
        lock.withLock { secondsDuringIngest += Date().timeIntervalSince(start) }
    }

    /// Normalises every indicator not yet normalised, each on its own core (the largest
    /// first), and says what the stage did; throws every indicator's failure at once.
    package func finish() throws(AreaNeedsError) -> Outcome {
        let finishing = Date()
        let rest: [IndicatorSpec] = lock.withLock {
            let rest = pipeline.file.indicators.filter { !begun.contains($0.id) }
            begun.formUnion(rest.map(\.id))
            return rest
        }
        // Plans first, serially as a stage run alone makes them, then the work, in parallel.
        var plans: [(indicator: IndicatorSpec, plan: Result<IndicatorPlan, AreaNeedsError>)] = []
        for indicator in rest { plans.append((indicator, Result { () throws(AreaNeedsError) in try plan(indicator) })) }
        var toRun: [IndicatorPlan] = []
        for (indicator, plan) in plans {
            switch plan {
            case .success(let plan) where force || upToDate(plan) == nil: toRun.append(plan)
            case .success(let plan): end(indicator, as: .success(.upToDate(upToDate(plan))))
            case .failure(let error): end(indicator, as: .failure(error))
            }
        }
        let normalised = Parallel.map(toRun, cost: { $0.inputs.reduce(0) { $0 + $1.bytes } }) { plan throws(AreaNeedsError) in
            try self.normalise(plan)
        }
        for (plan, result) in zip(toRun, normalised) { end(plan.indicator, as: result.map(IndicatorOutcome.normalised)) }
        var outcome = try outcome()
        // Its time: what it did while the ingest stage ran, and since.
        outcome.report.seconds = lock.withLock { secondsDuringIngest } + Date().timeIntervalSince(finishing)
        return outcome
    }

    // MARK: - One indicator

    /// The units whose ingest-stage tables an indicator reads.
    private static func reads(_ indicator: IndicatorSpec) -> Set<StageUnit> {
        var units: Set<StageUnit> = []
        if indicator.source != nil { units.insert(.indicator(indicator.id)) }
        if let weight = indicator.weight { units.insert(.population(weight)) }
        return units
    }

    /// Plans an indicator and normalises it unless it is up to date.
    private func normalise(_ indicator: IndicatorSpec) -> Result<IndicatorOutcome, AreaNeedsError> {
        Result { () throws(AreaNeedsError) in
            let plan = try plan(indicator)
            if !force, let manifest = upToDate(plan) { return .upToDate(manifest) }
            return .normalised(try normalise(plan))
        }
    }

    private func plan(_ indicator: IndicatorSpec) throws(AreaNeedsError) -> IndicatorPlan {
        try IndicatorPlan(indicator: indicator, pipeline: pipeline, folder: folder, geography: try describedGeography())
    }

    /// The indicator's manifest when its output is up to date.
    private func upToDate(_ plan: IndicatorPlan) -> StageManifest? {
        folder.upToDate(plan.unit, fingerprint: plan.fingerprint, outputs: [plan.unit.stagedFile])
    }

    private func normalise(_ plan: IndicatorPlan) throws(AreaNeedsError) -> IndicatorNormaliser.Normalised {
        let tables = lock.withLock { handed.filter { NormalisePass.reads(plan.indicator).contains($0.key) } }
        return try IndicatorNormaliser(plan: plan, pipeline: pipeline, geography: try loadedGeography(), folder: folder, handed: tables).run()
    }

    /// Records how an indicator ended, and lets go of the tables no indicator still to
    /// normalise reads.
    private func end(_ indicator: IndicatorSpec, as outcome: Result<IndicatorOutcome, AreaNeedsError>) {
        lock.withLock {
            ended[indicator.id] = outcome
            let waiting = pipeline.file.indicators.filter { ended[$0.id] == nil }.reduce(into: Set<StageUnit>()) { $0.formUnion(NormalisePass.reads($1)) }
            handed = handed.filter { waiting.contains($0.key) }
        }
    }

    // MARK: - The geography

    private func describedGeography() throws(AreaNeedsError) -> [InputFile] {
        try geographyLock.withLock {
            if geographyInputs == nil {
                geographyInputs = Result { () throws(AreaNeedsError) in try NormaliseStage.describeGeography(of: pipeline, in: folder) }
            }
            return geographyInputs!
        }.get()
    }

    private func loadedGeography() throws(AreaNeedsError) -> Geography {
        try geographyLock.withLock {
            if geography == nil { geography = Result { () throws(AreaNeedsError) in try pipeline.loadGeography() } }
            return geography!
        }.get()
    }

    // MARK: - What the stage did

    private func outcome() throws(AreaNeedsError) -> Outcome {
        let ended = lock.withLock { self.ended }
        var report = StageReport(stage: .normalise)
        var tables: [String: NormalisedTable] = [:]
        var failures: [Result<Void, AreaNeedsError>] = []
        for indicator in pipeline.file.indicators {
            switch ended[indicator.id] {
            case .success(.upToDate(let manifest))?:
                report.skipped.append(StageUnit.indicator(indicator.id).name)
                if let manifest {
                    for (key, value) in manifest.counts { report.counts[key, default: 0] += value }
                    report.warnings += manifest.warnings
                }
            case .success(.normalised(let normalised))?:
                report.ran.append(normalised.manifest.unit)
                for (key, value) in normalised.manifest.counts { report.counts[key, default: 0] += value }
                report.warnings += normalised.manifest.warnings
                for warning in normalised.manifest.warnings { logger.warning("\(warning)") }
                tables[indicator.id] = normalised.table
            case .failure(let error)?:
                failures.append(.failure(error))
            case nil:
                failures.append(.failure(AreaNeedsError(.internal, "normalise \(indicator.id): never begun")))
            }
        }
        _ = try Parallel.collect(failures)
        let geography = try describedGeography()
        if !report.ran.isEmpty {
            let record = StageManifest(stage: .normalise, unit: .geography, fingerprint: "", inputs: geography, outputs: [], counts: [:])
            try record.write(folder.manifestPath(.geography))
        }
        return Outcome(report: report, tables: tables, geography: geography)
    }
}
