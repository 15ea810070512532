import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsRelease
import AreaNeedsTables
import Foundation
import Logging

/// The publish stage: turns the ranked needs, the geography and the social value
/// framework into an immutable, versioned release under `data-out/<pipeline>/<version>/`,
/// with a Frictionless descriptor, provenance and checksums; `latest` names the newest.
///
/// Identical inputs give byte-identical tables and no new version.
package struct PublishStage: Sendable {
    let pipeline: Pipeline
    let logger: Logger

    package init(pipeline: Pipeline, logger: Logger) {
        self.pipeline = pipeline
        self.logger = logger
    }

    /// The rank stage's tables a release is made from.
    static let rankTables = RankedTable.allCases.map(\.fileName)

    /// What publishing did.
    package struct Outcome: Sendable {
        package var report: StageReport
        package var release: ReleaseWriter.Outcome
        /// The folder of the release now newest.
        package var folder: String
    }

    /// What the stages before publish hand it in memory in a run of every stage, so that it
    /// reads back nothing they wrote: what they made now, else nil.
    package struct Handoff: Sendable {
        /// The ranked tables made now.
        package var ranked: (any RankedRows)?
        /// The geography files the normalise stage read and checked now.
        package var geography: [InputFile]?
        /// Every ingest unit's manifest: the sources the release records.
        package var ingestManifests: [StageUnit: StageManifest]?

        package init(ranked: (any RankedRows)?, geography: [InputFile]?, ingestManifests: [StageUnit: StageManifest]?) {
            self.ranked = ranked
            self.geography = geography
            self.ingestManifests = ingestManifests
        }
    }

    /// Publishes; `correction` makes a changed release a patch version. `handed` holds what
    /// the stages before made in this run (none when publish runs alone).
    package func run(correction: Bool = false, force: Bool = false, handed: Handoff? = nil) throws(AreaNeedsError) -> Outcome {
        let started = Date()
        let rank = StageFolder(.rank, of: pipeline)
        for table in PublishStage.rankTables where !FileManager.default.fileExists(atPath: rank.file(table)) {
            throw AreaNeedsError(.internal, "\(rank.file(table)): missing; run the rank stage first (`areaneeds rank \(pipeline.path)`)")
        }
        let history = ReleaseHistory(folder: pipeline.releasesFolder)
        let inputs = try publishInputs(rank: rank)
        var fingerprint = Fingerprint()
        fingerprint.add("stage", "publish")
        fingerprint.add("pipeline", [pipeline.file.name, pipeline.file.title, pipeline.file.description ?? "", String(pipeline.file.synthetic)])
        fingerprint.add("release", pipeline.file.release)
        fingerprint.add("policy", pipeline.file.policy)
        fingerprint.add("geography", pipeline.file.geography)
        fingerprint.add("ranking", pipeline.file.ranking)
        fingerprint.add("indicators", pipeline.file.indicators)
        // A vintage taken from the period chosen changes the release without changing a figure.
        let vintages = IndicatorVintages(pipeline: pipeline)
        fingerprint.add("vintages", vintages.all(pipeline.file.indicators))
        for (label, file) in inputs { fingerprint.add(label, file: file) }
        var report = StageReport(stage: .publish)
        // Tidy even when nothing is published: a run killed after moving its release into
        // place but before moving `latest` left the link behind, and its leftovers.
        let writer = ReleaseWriter(history: history)
        try writer.tidy()

        if !force, !correction, let newest = history.newest,
           ReleaseProvenance.fingerprint(in: history.path(of: newest)) == fingerprint.value {
            report.skipped = [StageUnit.release.name]
            report.seconds = Date().timeIntervalSince(started)
            return Outcome(report: report, release: .unchanged(newest), folder: history.path(of: newest))
        }

        try checkGeographyAsNormalised(inputs, normalised: handed?.geography)
        let framework = try SocialValueFramework.load(path: pipeline.frameworkPath)
        let builder = ReleaseTablesBuilder(pipeline: pipeline, framework: framework, rank: rank, ranked: handed?.ranked, vintages: vintages)
        let draft = ReleaseDraft(
            pipeline: pipeline.name, title: pipeline.file.title,
            description: description, synthetic: pipeline.file.synthetic, schema: builder.schema,
            licence: (pipeline.file.release.licence.name, pipeline.file.release.licence.title, pipeline.file.release.licence.path),
            sources: sources(vintages), tables: try builder.tables(),
            provenance: ReleaseProvenance.record(pipeline: pipeline, inputs: inputs, vintages: vintages, fingerprint: fingerprint.value,
                                                 ingestManifests: handed?.ingestManifests),
            policy: ReleasePolicy(procurementThreshold: pipeline.file.policy.procurementThreshold,
                                  thresholdSource: pipeline.file.policy.thresholdSource),
            editions: pipeline.file.release.editions, label: pipeline.file.release.label, publisher: pipeline.file.release.publisher)
        let outcome = try writer.publish(draft, correction: correction)
        switch outcome {
        case .unchanged:
            report.skipped = [StageUnit.release.name]
        case .published:
            report.ran = [StageUnit.release.name]
        }
        report.counts = ["indicators": pipeline.file.indicators.count]
        report.seconds = Date().timeIntervalSince(started)
        let version: ReleaseVersion
        switch outcome {
        case .unchanged(let current), .published(let current, _): version = current
        }
        return Outcome(report: report, release: outcome, folder: history.path(of: version))
    }

    /// Throws unless the geography files are those the normalise stage read (and checked):
    /// the need tables were made with them, and the release's areas and lookup tables are
    /// copied from them. Only a stage run alone after the geography changed meets this.
    /// `normalised` is what the normalise stage read, when it ran in this run.
    private func checkGeographyAsNormalised(_ inputs: [(String, InputFile)], normalised: [InputFile]?) throws(AreaNeedsError) {
        let normalised = normalised ?? StageFolder(.normalise, of: pipeline).manifest(.geography)?.inputs ?? []
        for (label, file) in inputs where label == "geography" {
            guard normalised.contains(where: { $0.path == file.path && $0.sha256 == file.sha256 }) else {
                throw AreaNeedsError(.internal, "\(file.path): not the geography the normalise stage read (changed since, or never read); run it again (`areaneeds normalise \(pipeline.path)`), or the whole pipeline (`areaneeds run \(pipeline.path)`)")
            }
        }
    }

    /// The files the release is made from: the ranked tables, the geography, the
    /// framework, and (for provenance) the sources the ingest stage read.
    private func publishInputs(rank: StageFolder) throws(AreaNeedsError) -> [(String, InputFile)] {
        var inputs: [(String, InputFile)] = []
        let known = StageFolder(.publish, of: pipeline).manifest(.release)?.inputs ?? []
        for table in PublishStage.rankTables {
            inputs.append(("rank:" + table, try InputFile.describe(rank.file(table), known: known)))
        }
        for path in pipeline.geographyPaths {
            inputs.append(("geography", try InputFile.describe(path, known: known)))
        }
        inputs.append(("framework", try InputFile.describe(pipeline.frameworkPath, known: known)))
        return inputs
    }

    private var description: String {
        var text = pipeline.file.description ?? pipeline.file.title
        if pipeline.file.synthetic {
            text = "SYNTHETIC DATA: every figure in this release is made up by a seeded generator, for demonstration and testing; it describes no real place. " + text
        }
        return text
    }

    private func sources(_ vintages: IndicatorVintages) -> [(title: String, path: String)] {
        var seen: Set<String> = []
        return pipeline.file.indicators.compactMap { indicator -> (title: String, path: String)? in
            guard let source = indicator.source, seen.insert(source.file).inserted else { return nil }
            let name = (source.file as NSString).lastPathComponent
            return ("\(name) (\(vintages.vintage(of: indicator)))", name)
        }
    }
}
