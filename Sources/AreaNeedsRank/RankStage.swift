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
package struct RankStage: Sendable {
    let pipeline: Pipeline
    let logger: Logger

    package init(pipeline: Pipeline, logger: Logger) {
        self.pipeline = pipeline
        self.logger = logger
    }

    static let unit = StageUnit.needs

    /// What ranking did, and the tables made now, for publish.
    package struct Outcome: Sendable {
        package var report: StageReport
        /// The ranked tables made in this run; nil when the stage was up to date.
        package var ranked: (any RankedRows)?
    }

    package func run(force: Bool = false) throws(AreaNeedsError) -> StageReport {
        try run(force: force, normalised: [:]).report
    }

    /// Ranks every indicator; `normalised` holds the tables the normalise stage made in this
    /// run (by indicator id), which are not read back from its folder.
    package func run(force: Bool, normalised: [String: NormalisedTable]) throws(AreaNeedsError) -> Outcome {
        let started = Date()
        let folder = StageFolder(.rank, of: pipeline)
        try folder.create()
        var report = StageReport(stage: .rank)
        let (inputs, fingerprint) = try describeInputs(known: folder.manifest(RankStage.unit)?.inputs ?? [])
        if !force, let manifest = folder.upToDate(RankStage.unit, fingerprint: fingerprint.value,
                                                  outputs: [RankedTable.indicatorNeeds.fileName, RankedTable.objectiveNeeds.fileName, RankedTable.indicatorSummaries.fileName]) {
            report.skipped = [RankStage.unit.name]
            report.counts = manifest.counts
            // The comparison with the newest release still stands only if no release was
            // published since: one published from these very figures leaves nothing to say.
            let compared = manifest.inputs.map(\.path).contains(ReleaseChangeCheck(pipeline: pipeline).releaseTable ?? "")
            report.warnings = compared ? manifest.warnings : []
            report.seconds = Date().timeIntervalSince(started)
            return Outcome(report: report, ranked: nil)
        }

        folder.invalidate(RankStage.unit)
        var checks = CheckReport(checks: pipeline.file.checks)
        let ranked = try rankTables(normalised: normalised, checks: &checks)
        let warnings = try checks.finish()
        for warning in warnings { logger.warning("\(warning)") }
        let outputs = try write(ranked, into: folder)
        let rankCount = ranked.rankedCount
        let counts = ["areas": ranked.areaCodes.count, "indicator ranks": rankCount]
        let manifest = StageManifest(stage: .rank, unit: RankStage.unit, fingerprint: fingerprint.value,
                                     inputs: inputs, outputs: outputs, counts: counts, warnings: warnings)
        try manifest.write(folder.manifestPath(RankStage.unit))
        report.ran = [RankStage.unit.name]
        report.counts = counts
        report.warnings = warnings
        report.seconds = Date().timeIntervalSince(started)
        return Outcome(report: report, ranked: ranked)
    }

    /// The stage's input files and what decides whether it is up to date: each indicator's
    /// normalised table, id, objective, polarity, method and scale (the county figure); the
    /// ranking settings; the areas table (populations and districts); and the checks. The
    /// newest release's need table, which the figures are compared with, is recorded but
    /// does not make the stage run again: publishing these figures must not.
    private func describeInputs(known: [InputFile]) throws(AreaNeedsError) -> ([InputFile], Fingerprint) {
        let input = StageFolder(.normalise, of: pipeline)
        var inputs: [InputFile] = []
        var fingerprint = Fingerprint()
        fingerprint.add("stage", "rank")
        for indicator in pipeline.file.indicators {
            let path = input.file(StageUnit.indicator(indicator.id).stagedFile)
            guard FileManager.default.fileExists(atPath: path) else {
                throw AreaNeedsError(.internal, "\(path): missing; run the normalise stage first (`areaneeds normalise \(pipeline.path)`)")
            }
            let file = try InputFile.describe(path, known: known)
            inputs.append(file)
            fingerprint.add("indicator", [indicator.id, String(indicator.objective), ReleaseText.text(indicator.polarity),
                                          indicator.aggregation.map(ReleaseText.text) ?? "", indicator.scale.map { "\($0)" } ?? ""])
            fingerprint.add(indicator.id, file: file)
        }
        fingerprint.add("ranking", pipeline.file.ranking)
        // The areas table gives the populations that weight the county figures, and the
        // districts: a change there can move areas between them.
        let areas = try InputFile.describe(pipeline.areasFile.path, known: known)
        inputs.append(areas)
        fingerprint.add("areas", file: areas)
        fingerprint.add("checks", pipeline.file.checks)
        if let release = ReleaseChangeCheck(pipeline: pipeline).releaseTable {
            inputs.append(try InputFile.describe(release, known: known))
        }
        return (inputs, fingerprint)
    }

    /// Ranks every indicator, nationally and (when asked) within districts, each table on
    /// its own core: the tables normalised in this run as they are handed over, the others
    /// read from the normalise stage's folder.
    private func rankTables(normalised: [String: NormalisedTable], checks: inout CheckReport) throws(AreaNeedsError) -> RankedTables {
        let tables = try normalisedTables(handed: normalised)
        let indicators = pipeline.file.indicators
        let areaOrder = tables.first?.areaCodes ?? []
        let areas = try areasByCode()
        let districtOf = pipeline.file.ranking.withinDistrict ? try districtIndexes(of: areaOrder, areas: areas) : nil
        let values = tables.map(\.values)
        try ReleaseChangeCheck(pipeline: pipeline).check(ids: indicators.map(\.id), areaCodes: areaOrder, values: values, into: &checks)
        let populations = areaOrder.map { areas[$0]?.population }
        let ranks = try Parallel.collect(Parallel.map(Array(zip(indicators, tables))) { indicator, table in
            let polarity = indicator.polarity
            let national = AreaRanks(NeedRanking.rank(positions: table.values, polarity: polarity))
            let withinDistrict = districtOf.map { groups in
                AreaRanks(NeedRanking.rank(positions: table.values, polarity: polarity, groups: groups))
            }
            return (national, withinDistrict, CountyComparisons(table, indicator: indicator, populations: populations), table.formattedFigures())
        })
        let counties = ranks.map(\.2)
        for (indicator, county) in zip(indicators, counties) where county.county.map({ !$0.isFinite }) == true {
            throw AreaNeedsError(.inputData,
                "indicator \(indicator.id): the county figure is beyond the range of a number: the areas' figures"
                + (indicator.aggregation == .rate ? "" : ", weighted by their populations in \(pipeline.areasFile.path),")
                + " add up to more than 1.8e308; check the source and the populations for a misplaced or mistyped value\n"
                + "  (set in \(pipeline.locate(pipeline.keyPath(ofIndicator: indicator.id, "source", "file"))))")
        }
        return RankedTables(
            ids: indicators.map(\.id), objectives: indicators.map(\.objective), areaCodes: areaOrder, figures: ranks.map(\.3),
            qualities: tables.map(\.qualities), ranks: ranks.map { ($0.0, $0.1) }, comparisons: counties.map(\.areas),
            districtOf: districtOf, countyFigures: counties.map(\.county), notRanked: values.map(NeedRanking.unranked),
            reasons: tables.map(\.reasons))
    }

    /// Every indicator's normalised table, in the pipeline file's order: those `handed` over
    /// as they are, the others read, each on its own core. Areas are numbered in the order of
    /// the first table, the same in every table: the others are checked against it.
    private func normalisedTables(handed: [String: NormalisedTable]) throws(AreaNeedsError) -> [NormalisedTable] {
        let folder = StageFolder(.normalise, of: pipeline)
        let indicators = pipeline.file.indicators
        let paths = indicators.map { folder.file(StageUnit.indicator($0.id).stagedFile) }
        guard let firstId = indicators.first?.id else { return [] }
        let first: NormalisedTable
        if let table = handed[firstId] { first = table } else { first = try NormalisedTable.read(paths[0]) }
        let expected = NormalisedTable.AreaOrder(first.areaCodes, file: paths[0])
        let rest = try Parallel.collect(Parallel.map(Array(zip(indicators, paths).dropFirst())) { indicator, path throws(AreaNeedsError) in
            if let table = handed[indicator.id] {
                guard table.areaCodes == first.areaCodes else {
                    throw AreaNeedsError(.internal, "normalise \(indicator.id): lists other areas than \(paths[0]); run the normalise stage again")
                }
                return table
            }
            return try NormalisedTable.read(path, expected: expected)
        })
        return [first] + rest
    }

    /// Writes the ranked tables at once, one per core (the indicator need table is the
    /// larger), each checksummed as it is written, for the manifest, rather than read back.
    /// Returns the manifest's outputs.
    private func write(_ ranked: RankedTables, into folder: StageFolder) throws(AreaNeedsError) -> [StageManifest.Output] {
        let rows: [RankedTable: Int] = [
            .indicatorNeeds: ranked.areaCodes.count * ranked.ids.count, .objectiveNeeds: ranked.areaCodes.count * 5,
            .indicatorSummaries: ranked.ids.count,
        ]
        return try Parallel.collect(Parallel.map(RankedTable.allCases, cost: { rows[$0] ?? 0 }) { table throws(AreaNeedsError) in
            let path = folder.file(table.fileName)
            let digest = StreamingDigest()
            do {
                let writer = try TableWriter(outputs: [.init(path: path, digest: digest)],
                                             columns: RankedTables.columns(of: table, withinDistrict: ranked.withinDistrict), durable: false)
                try ranked.writeRows(of: table, to: writer)
                try writer.finish()
            } catch {
                throw AreaNeedsError(error, context: "rank")
            }
            return StageManifest.Output(path: table.fileName, file: try InputFile.describeWritten(path, digest: digest), rows: rows[table] ?? 0)
        })
    }

    /// The areas table, by code: populations and districts.
    private func areasByCode() throws(AreaNeedsError) -> [String: Area] {
        let areas: [Area]
        do {
            areas = try Geography.loadAreas(pipeline.areasFile)
        } catch let error as TableError {
            throw AreaNeedsError(error, context: "rank: the areas", setting: pipeline.locate("geography.areas"))
        } catch {
            throw AreaNeedsError(.inputData, "rank: the areas: \(error)\n  (set in \(pipeline.locate("geography.areas")))")
        }
        return Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The district of each area (a number per district, as ranking groups), from the areas table.
    private func districtIndexes(of areaCodes: [String], areas: [String: Area]) throws(AreaNeedsError) -> [Int?] {
        var districtNumbers: [String: Int] = [:]
        var districtOfArea: [String: Int] = [:]
        for area in areas.values.sorted(by: { $0.code < $1.code }) where districtOfArea[area.code] == nil {
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
