import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsTables
import Foundation
import Logging

/// The rank stage: ranks the areas by need on each indicator (polarity aware, need rank 1
/// = greatest need) and puts them in need quintiles; then, per objective, ranks the mean of
/// each area's indicator need ranks again. Reads `staging/normalise/`, writes
/// `staging/rank/indicator_needs.csv` and `objective_needs.csv`.
public struct RankStage: Sendable {
    let pipeline: Pipeline
    let logger: Logger

    public init(pipeline: Pipeline, logger: Logger) {
        self.pipeline = pipeline
        self.logger = logger
    }

    static let unit = "needs"

    public func run(force: Bool = false) throws(AreaNeedsError) -> StageReport {
        let started = Date()
        let input = StageFolder(.normalise, of: pipeline)
        let folder = StageFolder(.rank, of: pipeline)
        try folder.create()
        var report = StageReport(stage: .rank)

        var inputs: [InputFile] = []
        var fingerprint = Fingerprint()
        fingerprint.add("stage", "rank")
        for indicator in pipeline.file.indicators {
            let path = input.file(StagingTables.normalisedFile(indicator.id))
            guard FileManager.default.fileExists(atPath: path) else {
                throw AreaNeedsError(.internal, "\(path): missing; run the normalise stage first (`areaneeds normalise \(pipeline.path)`)")
            }
            let file = try InputFile.describe(path, known: folder.manifest(RankStage.unit)?.inputs ?? [])
            inputs.append(file)
            fingerprint.add("indicator", [indicator.id, String(indicator.objective), indicator.polarity.rawValue])
            fingerprint.add(indicator.id, file: file)
        }
        if !force, let manifest = folder.upToDate(RankStage.unit, fingerprint: fingerprint.value) {
            report.skipped = [RankStage.unit]
            report.counts = manifest.counts
            report.seconds = Date().timeIntervalSince(started)
            return report
        }

        folder.invalidate(RankStage.unit)
        var figures: [(indicator: IndicatorSpec, rows: [NormalisedRow])] = []
        for indicator in pipeline.file.indicators {
            figures.append((indicator, try NormalisedRow.read(input.file(StagingTables.normalisedFile(indicator.id)))))
        }
        let areaOrder = figures.first?.rows.map(\.areaCode) ?? []

        // Indicator level.
        var ranks: [String: [String: NeedRank]] = [:]  // indicator -> area -> rank
        for (indicator, rows) in figures {
            let values = Dictionary(rows.compactMap { row in row.value.map { (row.areaCode, $0) } }, uniquingKeysWith: { first, _ in first })
            ranks[indicator.id] = NeedRanking.rank(values, polarity: indicator.polarity)
        }
        let indicatorPath = folder.file("indicator_needs.csv")
        let indicatorWriter = try tableWriter(indicatorPath, StagingTables.indicatorNeedColumns)
        var ranked = 0
        do {
            let byIndicator = Dictionary(figures.map { ($0.indicator.id, Dictionary($0.rows.map { ($0.areaCode, $0) }, uniquingKeysWith: { first, _ in first })) }, uniquingKeysWith: { first, _ in first })
            for area in areaOrder {
                for (indicator, _) in figures {
                    let row = byIndicator[indicator.id]?[area]
                    let rank = ranks[indicator.id]?[area]
                    if rank != nil { ranked += 1 }
                    try indicatorWriter.write([
                        area, indicator.id, text(row?.value), text(row?.numerator), text(row?.denominator),
                        text(row?.ciLower), text(row?.ciUpper),
                        rank.map { String($0.rank) } ?? "", rank.map { String($0.quintile) } ?? "",
                        rank.map { String($0.highestNeed) } ?? "", row?.value == nil ? "" : row?.quality ?? "",
                    ])
                }
            }
            try indicatorWriter.finish()
        } catch {
            throw AreaNeedsError(error, context: "rank")
        }

        // Objective level.
        let objectivePath = folder.file("objective_needs.csv")
        let objectiveWriter = try tableWriter(objectivePath, StagingTables.objectiveNeedColumns)
        var objectiveNeeds: [Int: [String: ObjectiveNeed]] = [:]
        for objective in 1...5 {
            let members = figures.map(\.indicator).filter { $0.objective == objective }
            var byArea: [String: [NeedRank]] = [:]
            for area in areaOrder {
                byArea[area] = members.compactMap { ranks[$0.id]?[area] }
            }
            objectiveNeeds[objective] = ObjectiveRanking.rank(byArea)
        }
        do {
            for area in areaOrder {
                for objective in 1...5 {
                    let need = objectiveNeeds[objective]?[area]
                    try objectiveWriter.write([
                        area, String(objective), String(need?.indicatorsRanked ?? 0), String(need?.indicatorsInWorstTwoFifths ?? 0),
                        text(need?.meanNeedRank), need.map { String($0.rank.rank) } ?? "",
                        need.map { String($0.rank.quintile) } ?? "", need.map { String($0.rank.highestNeed) } ?? "",
                    ])
                }
            }
            try objectiveWriter.finish()
        } catch {
            throw AreaNeedsError(error, context: "rank")
        }

        let counts = ["areas": areaOrder.count, "indicator ranks": ranked]
        let manifest = StageManifest(
            stage: StageName.rank.rawValue, unit: RankStage.unit, fingerprint: fingerprint.value, inputs: inputs,
            outputs: [
                .init(path: "indicator_needs.csv", sha256: try FileHash.sha256(ofFile: indicatorPath), rows: areaOrder.count * figures.count),
                .init(path: "objective_needs.csv", sha256: try FileHash.sha256(ofFile: objectivePath), rows: areaOrder.count * 5),
            ],
            counts: counts)
        try manifest.write(folder.manifestPath(RankStage.unit))
        report.ran = [RankStage.unit]
        report.counts = counts
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    private func tableWriter(_ path: String, _ columns: [String]) throws(AreaNeedsError) -> TableWriter {
        do {
            return try TableWriter(path: path, columns: columns, durable: false)
        } catch {
            throw AreaNeedsError(error, context: "rank")
        }
    }

    private func text(_ value: Double?) -> String {
        value.map(NumberText.format) ?? ""
    }
}
