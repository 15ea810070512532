import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsTables

/// Every indicator's need ranks of every area, and the two tables the rank stage writes
/// from them: `indicator_needs.csv` (one row per area and indicator) and
/// `objective_needs.csv` (one row per area and objective). Each table is written by its own
/// method, so the stage can write both at once.
struct RankedTables: Sendable {
    /// The indicators' ids and objectives, in the pipeline file's order.
    let ids: [String]
    let objectives: [Int]
    /// The areas, numbered in the order the normalise stage wrote them.
    let areaCodes: [String]
    /// Each indicator's normalised table, in the order of `ids`.
    let tables: [NormalisedTable]
    /// Each indicator's ranks: nationally, and within districts when asked.
    let ranks: [(national: AreaRanks, withinDistrict: AreaRanks?)]
    /// Each area's district number (the groups it is ranked within), when ranking within
    /// districts.
    let districtOf: [Int?]?

    private var withinDistrict: Bool { districtOf != nil }

    private var extraColumns: [String] { withinDistrict ? StagingTables.districtRankColumns : [] }

    /// Writes one row per area and indicator, checksummed into `digest` as it is written;
    /// returns how many rows have a rank.
    func writeIndicatorNeeds(to path: String, digest: StreamingDigest) throws -> Int {
        let writer = try TableWriter(outputs: [.init(path: path, observer: digest.update)],
                                     columns: StagingTables.indicatorNeedColumns + extraColumns, durable: false)
        var ranked = 0
        for area in areaCodes.indices {
            for position in ids.indices {
                let table = tables[position]
                let rank = ranks[position].national[area]
                if rank != nil { ranked += 1 }
                try writer.writeRow { row in
                    row.append(areaCodes[area])
                    row.append(ids[position])
                    table.appendFigures(of: area, to: &row)
                    RankedTables.append(rank, to: &row, highestNeed: true)
                    row.append(table.hasValue(area) ? table.quality(area) : "")
                    if let districtRanks = ranks[position].withinDistrict {
                        RankedTables.append(districtRanks[area], to: &row, highestNeed: false)
                    }
                }
            }
        }
        try writer.finish()
        return ranked
    }

    /// Ranks each objective by the mean of its indicators' need ranks, and writes one row
    /// per area and objective; returns the number of rows.
    func writeObjectiveNeeds(to path: String, digest: StreamingDigest) throws -> Int {
        // Each objective's needs by area number (objective 1 first).
        var needs: [[ObjectiveNeed?]] = []
        var districtNeeds: [[ObjectiveNeed?]] = []
        for objective in 1...5 {
            let members = ids.indices.filter { objectives[$0] == objective }
            needs.append(ObjectiveRanking.rank(positions: areaCodes.indices.map { area in
                members.compactMap { ranks[$0].national[area] }
            }))
            if let districtOf {
                districtNeeds.append(ObjectiveRanking.rank(positions: areaCodes.indices.map { area in
                    members.compactMap { ranks[$0].withinDistrict?[area] }
                }, groups: districtOf))
            }
        }
        let writer = try TableWriter(outputs: [.init(path: path, observer: digest.update)],
                                     columns: StagingTables.objectiveNeedColumns + extraColumns, durable: false)
        for area in areaCodes.indices {
            for objective in 1...5 {
                let need = needs[objective - 1][area]
                try writer.writeRow { row in
                    row.append(areaCodes[area])
                    row.append(objective)
                    row.append(need?.indicatorsRanked ?? 0)
                    row.append(need?.indicatorsInWorstTwoFifths ?? 0)
                    if let mean = need?.meanNeedRank { row.append(number: mean) } else { row.append("") }
                    RankedTables.append(need?.rank, to: &row, highestNeed: true)
                    if withinDistrict { RankedTables.append(districtNeeds[objective - 1][area]?.rank, to: &row, highestNeed: false) }
                }
            }
        }
        try writer.finish()
        return areaCodes.count * 5
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
}
