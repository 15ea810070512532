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
        if !force, let manifest = folder.upToDate(RankStage.unit, fingerprint: fingerprint.value, outputs: ["indicator_needs.csv", "objective_needs.csv"]) {
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
        let expected = NormalisedTable.AreaOrder(areaOrder)
        var tables = try (first.map { [$0] } ?? []) + Parallel.collect(Parallel.map(Array(indicators.dropFirst())) { indicator throws(AreaNeedsError) in
            try NormalisedTable.read(input.file(StagingTables.normalisedFile(indicator.id)), expected: expected)
        })
        let districtOf = withinDistrict ? try districtIndexes(of: areaOrder) : nil
        let ranks = try Parallel.collect(Parallel.map(Array(zip(indicators.map(\.polarity), tables))) { polarity, table in
            let national = AreaRanks(NeedRanking.rank(positions: table.values, polarity: polarity))
            let withinDistrict = districtOf.map { groups in
                AreaRanks(NeedRanking.rank(positions: table.values, polarity: polarity, groups: groups))
            }
            return (national, withinDistrict)
        })
        let rows = NeedRows(areaCodes: areaOrder, ids: indicators.map(\.id), tables: &tables, ranks: ranks)
        tables = []
        let ranked = RankedTables(
            ids: indicators.map(\.id), objectives: indicators.map(\.objective), areaCodes: areaOrder, rows: rows,
            ranks: ranks, districtOf: districtOf)

        // The two tables are written at once, one per core: the indicator table is the larger.
        let indicatorPath = folder.file("indicator_needs.csv")
        let objectivePath = folder.file("objective_needs.csv")
        // Each checksummed as it is written, for the manifest, rather than read back.
        let digests = (indicator: StreamingDigest(), objective: StreamingDigest())
        let written = try Parallel.collect(Parallel.map([indicatorPath, objectivePath]) { path throws(AreaNeedsError) in
            do {
                return path == indicatorPath
                    ? try ranked.writeIndicatorNeeds(to: path, digest: digests.indicator)
                    : try ranked.writeObjectiveNeeds(to: path, digest: digests.objective)
            } catch {
                throw AreaNeedsError(error, context: "rank")
            }
        })

        let counts = ["areas": areaOrder.count, "indicator ranks": written[0]]
        let manifest = StageManifest(
            stage: StageName.rank.rawValue, unit: RankStage.unit, fingerprint: fingerprint.value, inputs: inputs,
            outputs: [
                .init(path: "indicator_needs.csv", file: try InputFile.describeWritten(indicatorPath, digest: digests.indicator), rows: areaOrder.count * indicators.count),
                .init(path: "objective_needs.csv", file: try InputFile.describeWritten(objectivePath, digest: digests.objective), rows: areaOrder.count * 5),
            ],
            counts: counts)
        try manifest.write(folder.manifestPath(RankStage.unit))
        report.ran = [RankStage.unit]
        report.counts = counts
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// The district of each area (a number per district, as ranking groups), from the areas table.
    private func districtIndexes(of areaCodes: [String]) throws(AreaNeedsError) -> [Int?] {
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
        return try areaCodes.map { code throws(AreaNeedsError) -> Int? in
            guard let district = districtOfArea[code] else {
                throw AreaNeedsError(.internal, "rank: the area \(code) is not in \(pipeline.areasFile.path); run the normalise stage again")
            }
            return district
        }
    }
}
