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
        let indicators = pipeline.file.indicators
        // Areas are numbered in the order the normalise stage wrote them, the same in every
        // table: the first table gives them, the others are checked against it.
        let first = try indicators.first.map { indicator throws(AreaNeedsError) in
            try NormalisedTable.read(input.file(StagingTables.normalisedFile(indicator.id)))
        }
        let areaOrder = first?.areaCodes ?? []
        let tables = try (first.map { [$0] } ?? []) + Parallel.collect(Parallel.map(Array(indicators.dropFirst())) { indicator throws(AreaNeedsError) in
            try NormalisedTable.read(input.file(StagingTables.normalisedFile(indicator.id)), expected: areaOrder)
        })
        let districtOf = withinDistrict ? try districtIndexes(of: areaOrder) : []
        let district = { (area: Int) -> Int? in withinDistrict ? districtOf[area] : nil }

        // Indicator level: per indicator, each area's rank (nil when it has no value).
        var ranks: [AreaRanks] = []
        var districtRanks: [AreaRanks] = []
        for (indicator, table) in zip(indicators, tables) {
            let values = table.valuesByArea
            ranks.append(AreaRanks(NeedRanking.rank(values, polarity: indicator.polarity), count: areaOrder.count))
            if withinDistrict {
                districtRanks.append(AreaRanks(NeedRanking.rank(values, polarity: indicator.polarity, within: district), count: areaOrder.count))
            }
        }
        let extraColumns = withinDistrict ? StagingTables.districtRankColumns : []
        let indicatorPath = folder.file("indicator_needs.csv")
        let indicatorWriter = try tableWriter(indicatorPath, StagingTables.indicatorNeedColumns + extraColumns)
        var ranked = 0
        do {
            for area in areaOrder.indices {
                for (position, indicator) in indicators.enumerated() {
                    let table = tables[position]
                    let rank = ranks[position][area]
                    if rank != nil { ranked += 1 }
                    try indicatorWriter.writeRow { row in
                        row.append(areaOrder[area])
                        row.append(indicator.id)
                        table.appendFigures(of: area, to: &row)
                        RankStage.append(rank, to: &row, highestNeed: true)
                        row.append(table.hasValue(area) ? table.quality(area) : "")
                        if withinDistrict { RankStage.append(districtRanks[position][area], to: &row, highestNeed: false) }
                    }
                }
            }
            try indicatorWriter.finish()
        } catch {
            throw AreaNeedsError(error, context: "rank")
        }

        // Objective level.
        let objectivePath = folder.file("objective_needs.csv")
        let objectiveWriter = try tableWriter(objectivePath, StagingTables.objectiveNeedColumns + extraColumns)
        var objectiveNeeds: [Int: [Int: ObjectiveNeed]] = [:]
        var districtObjectiveNeeds: [Int: [Int: ObjectiveNeed]] = [:]
        for objective in 1...5 {
            let members = indicators.indices.filter { indicators[$0].objective == objective }
            var byArea: [Int: [NeedRank]] = [:]
            var byAreaInDistrict: [Int: [NeedRank]] = [:]
            for area in areaOrder.indices {
                byArea[area] = members.compactMap { ranks[$0][area] }
                if withinDistrict { byAreaInDistrict[area] = members.compactMap { districtRanks[$0][area] } }
            }
            objectiveNeeds[objective] = ObjectiveRanking.rank(byArea)
            if withinDistrict { districtObjectiveNeeds[objective] = ObjectiveRanking.rank(byAreaInDistrict, within: district) }
        }
        do {
            for area in areaOrder.indices {
                for objective in 1...5 {
                    let need = objectiveNeeds[objective]?[area]
                    try objectiveWriter.writeRow { row in
                        row.append(areaOrder[area])
                        row.append(objective)
                        row.append(need?.indicatorsRanked ?? 0)
                        row.append(need?.indicatorsInWorstTwoFifths ?? 0)
                        row.append(text(need?.meanNeedRank))
                        RankStage.append(need?.rank, to: &row, highestNeed: true)
                        if withinDistrict { RankStage.append(districtObjectiveNeeds[objective]?[area]?.rank, to: &row, highestNeed: false) }
                    }
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
                .init(path: "indicator_needs.csv", sha256: try InputFile.describeWritten(indicatorPath).sha256, rows: areaOrder.count * indicators.count),
                .init(path: "objective_needs.csv", sha256: try InputFile.describeWritten(objectivePath).sha256, rows: areaOrder.count * 5),
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

    /// The district of each area (a number per district), from the areas table.
    private func districtIndexes(of areaCodes: [String]) throws(AreaNeedsError) -> [Int] {
        let areas: [Area]
        do {
            areas = try Geography.loadAreas(pipeline.areasFile)
        } catch let error as TableError {
            throw AreaNeedsError(error, context: "rank: the districts of the areas", setting: pipeline.locate("geography.areas"))
        } catch {
            throw AreaNeedsError(.inputData, "rank: the districts of the areas: \(error)\n  (set in \(pipeline.locate("geography.areas")))")
        }
        var districtNumbers: [String: Int] = [:]
        var districtOfArea: [String: Int] = [:]
        for area in areas where districtOfArea[area.code] == nil {
            let number = districtNumbers[area.districtCode] ?? districtNumbers.count
            districtNumbers[area.districtCode] = number
            districtOfArea[area.code] = number
        }
        return try areaCodes.map { code throws(AreaNeedsError) in
            guard let district = districtOfArea[code] else {
                throw AreaNeedsError(.internal, "rank: the area \(code) is not in \(pipeline.areasFile.path); run the normalise stage again")
            }
            return district
        }
    }

    /// need_rank, need_quintile and (when asked) highest_need, empty when there is no rank.
    private static func append(_ rank: NeedRank?, to row: inout TableRow, highestNeed: Bool) {
        if let rank {
            row.append(rank.rank)
            row.append(rank.quintile)
            if highestNeed { row.append(rank.highestNeed ? "true" : "false") }
        } else {
            row.append("")
            row.append("")
            if highestNeed { row.append("") }
        }
    }

    private func text(_ value: Double?) -> String {
        value.map(NumberText.format) ?? ""
    }
}
