import AreaNeedsCore
import AreaNeedsGeography
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
        let withinDistrict = pipeline.file.ranking.withinDistrict
        fingerprint.add("ranking", pipeline.file.ranking)
        if withinDistrict {
            // The districts come from the areas table: a change there can move areas between them.
            let areas = try InputFile.describe(pipeline.areasFile.path, known: folder.manifest(RankStage.unit)?.inputs ?? [])
            inputs.append(areas)
            fingerprint.add("areas", file: areas)
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

        let districts = withinDistrict ? try districtsOfAreas() : nil
        let district = { (area: String) in districts?[area] }

        // Indicator level.
        var ranks: [String: [String: NeedRank]] = [:]  // indicator -> area -> rank
        var districtRanks: [String: [String: NeedRank]] = [:]  // the same, within each district
        for (indicator, rows) in figures {
            let values = Dictionary(rows.compactMap { row in row.value.map { (row.areaCode, $0) } }, uniquingKeysWith: { first, _ in first })
            ranks[indicator.id] = NeedRanking.rank(values, polarity: indicator.polarity)
            if withinDistrict {
                districtRanks[indicator.id] = NeedRanking.rank(values, polarity: indicator.polarity, within: district)
            }
        }
        let extraColumns = withinDistrict ? StagingTables.districtRankColumns : []
        let indicatorPath = folder.file("indicator_needs.csv")
        let indicatorWriter = try tableWriter(indicatorPath, StagingTables.indicatorNeedColumns + extraColumns)
        var ranked = 0
        do {
            let byIndicator = Dictionary(figures.map { ($0.indicator.id, Dictionary($0.rows.map { ($0.areaCode, $0) }, uniquingKeysWith: { first, _ in first })) }, uniquingKeysWith: { first, _ in first })
            for area in areaOrder {
                for (indicator, _) in figures {
                    let row = byIndicator[indicator.id]?[area]
                    let rank = ranks[indicator.id]?[area]
                    if rank != nil { ranked += 1 }
                    var fields = [
                        area, indicator.id, text(row?.value), text(row?.numerator), text(row?.denominator),
                        text(row?.ciLower), text(row?.ciUpper),
                        rank.map { String($0.rank) } ?? "", rank.map { String($0.quintile) } ?? "",
                        rank.map { String($0.highestNeed) } ?? "", row?.value == nil ? "" : row?.quality ?? "",
                    ]
                    if withinDistrict { fields += rankFields(districtRanks[indicator.id]?[area]) }
                    try indicatorWriter.write(fields)
                }
            }
            try indicatorWriter.finish()
        } catch {
            throw AreaNeedsError(error, context: "rank")
        }

        // Objective level.
        let objectivePath = folder.file("objective_needs.csv")
        let objectiveWriter = try tableWriter(objectivePath, StagingTables.objectiveNeedColumns + extraColumns)
        var objectiveNeeds: [Int: [String: ObjectiveNeed]] = [:]
        var districtObjectiveNeeds: [Int: [String: ObjectiveNeed]] = [:]
        for objective in 1...5 {
            let members = figures.map(\.indicator).filter { $0.objective == objective }
            var byArea: [String: [NeedRank]] = [:]
            var byAreaInDistrict: [String: [NeedRank]] = [:]
            for area in areaOrder {
                byArea[area] = members.compactMap { ranks[$0.id]?[area] }
                if withinDistrict { byAreaInDistrict[area] = members.compactMap { districtRanks[$0.id]?[area] } }
            }
            objectiveNeeds[objective] = ObjectiveRanking.rank(byArea)
            if withinDistrict { districtObjectiveNeeds[objective] = ObjectiveRanking.rank(byAreaInDistrict, within: district) }
        }
        do {
            for area in areaOrder {
                for objective in 1...5 {
                    let need = objectiveNeeds[objective]?[area]
                    var fields = [
                        area, String(objective), String(need?.indicatorsRanked ?? 0), String(need?.indicatorsInWorstTwoFifths ?? 0),
                        text(need?.meanNeedRank), need.map { String($0.rank.rank) } ?? "",
                        need.map { String($0.rank.quintile) } ?? "", need.map { String($0.rank.highestNeed) } ?? "",
                    ]
                    if withinDistrict { fields += rankFields(districtObjectiveNeeds[objective]?[area]?.rank) }
                    try objectiveWriter.write(fields)
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

    /// Each area's district, from the areas table.
    private func districtsOfAreas() throws(AreaNeedsError) -> [String: String] {
        do {
            let areas = try Geography.loadAreas(pipeline.areasFile)
            return Dictionary(areas.map { ($0.code, $0.districtCode) }, uniquingKeysWith: { first, _ in first })
        } catch let error as TableError {
            throw AreaNeedsError(error, context: "rank: the districts of the areas", setting: pipeline.locate("geography.areas"))
        } catch {
            throw AreaNeedsError(.inputData, "rank: the districts of the areas: \(error)\n  (set in \(pipeline.locate("geography.areas")))")
        }
    }

    /// The district rank and quintile columns.
    private func rankFields(_ rank: NeedRank?) -> [String] {
        [rank.map { String($0.rank) } ?? "", rank.map { String($0.quintile) } ?? ""]
    }

    private func text(_ value: Double?) -> String {
        value.map(NumberText.format) ?? ""
    }
}
