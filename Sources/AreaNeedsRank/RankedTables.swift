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
    /// Each indicator's figures by area, in the order of `ids`.
    let tables: [NormalisedTable]
    /// Each indicator's need ranks, nationally and, when ranking within districts, within
    /// each district; in the order of `ids`.
    let ranks: [(national: AreaRanks, withinDistrict: AreaRanks?)]
    /// Each indicator's comparison of each area with the county, in the order of `ids`.
    let comparisons: [[CountyComparison?]]
    /// Each area's district number (the groups it is ranked within), when ranking within
    /// districts.
    let districtOf: [Int?]?
    /// Each indicator's county figure, in the order of `ids`; nil when it has none.
    let countyFigures: [Double?]
    /// Why each indicator is not ranked, in the order of `ids`; nil when it is (or has no figures).
    let notRanked: [NeedRanking.Unranked?]

    private var withinDistrict: Bool { districtOf != nil }

    private var extraColumns: [String] { withinDistrict ? StagingTables.districtRankColumns : [] }

    /// Writes one row per area and indicator, checksummed into `digest` as it is written;
    /// returns how many rows have a rank.
    ///
    /// 185,692 rows on the national benchmark: each is fields formatted once, copied
    /// (`FormattedFields`), and small numbers written.
    func writeIndicatorNeeds(to path: String, digest: StreamingDigest) throws -> Int {
        let writer = try TableWriter(outputs: [.init(path: path, digest: digest)],
                                     columns: StagingTables.indicatorNeedColumns + extraColumns, durable: false)
        let codes = FormattedFields(fields: areaCodes)
        let ids = FormattedFields(fields: self.ids)
        // Each indicator's columns, taken out of its table once rather than for every row.
        let figures = tables.map(\.figures)
        let qualities = tables.map(\.qualities)
        let national = ranks.map(\.national)
        let district = ranks.map(\.withinDistrict)
        var ranked = 0
        for area in areaCodes.indices {
            for position in figures.indices {
                let rank = national[position][area]
                if rank != nil { ranked += 1 }
                try writer.writeRow { row in
                    row.append(codes, at: area)
                    row.append(ids, at: position)
                    row.append(figures[position], at: area)
                    RankedTables.append(rank, to: &row, highestNeed: true)
                    if let quality = qualities[position][area] { row.append(ReleaseText.text(quality)) } else { row.appendEmpty() }
                    if let comparison = comparisons[position][area] { row.append(ReleaseText.text(comparison)) } else { row.appendEmpty() }
                    if let district = district[position] { RankedTables.append(district[area], to: &row, highestNeed: false) }
                }
            }
        }
        try writer.finish()
        return ranked
    }

    /// Writes each indicator's county figure and why it is not ranked: one row per indicator.
    func writeIndicatorSummaries(to path: String, digest: StreamingDigest) throws {
        let writer = try TableWriter(outputs: [.init(path: path, digest: digest)],
                                     columns: StagingTables.indicatorSummaryColumns, durable: false)
        for position in ids.indices {
            try writer.writeRow { row in
                row.append(ids[position])
                if let county = countyFigures[position] { row.append(decimal: county) } else { row.append("") }
                row.append(notRanked[position]?.description ?? "")
            }
        }
        try writer.finish()
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
                members.compactMap { needRank($0, area, withinDistrict: false) }
            }))
            if let districtOf {
                districtNeeds.append(ObjectiveRanking.rank(positions: areaCodes.indices.map { area in
                    members.compactMap { needRank($0, area, withinDistrict: true) }
                }, groups: districtOf))
            }
        }
        let writer = try TableWriter(outputs: [.init(path: path, digest: digest)],
                                     columns: StagingTables.objectiveNeedColumns + extraColumns, durable: false)
        for area in areaCodes.indices {
            for objective in 1...5 {
                let need = needs[objective - 1][area]
                try writer.writeRow { row in
                    row.append(areaCodes[area])
                    row.append(objective)
                    row.append(need?.indicatorsRanked ?? 0)
                    row.append(need?.indicatorsInWorstTwoFifths ?? 0)
                    if let mean = need?.meanNeedRank { row.append(decimal: mean) } else { row.appendEmpty() }
                    RankedTables.append(need?.rank, to: &row, highestNeed: true)
                    if withinDistrict { RankedTables.append(districtNeeds[objective - 1][area]?.rank, to: &row, highestNeed: false) }
                }
            }
        }
        try writer.finish()
        return areaCodes.count * 5
    }

    /// Indicator `position`'s need rank of `area`, nationally or within its district; nil
    /// when the area has none.
    private func needRank(_ position: Int, _ area: Int, withinDistrict: Bool) -> NeedRank? {
        withinDistrict ? ranks[position].withinDistrict?[area] : ranks[position].national[area]
    }

    /// need_rank, need_quintile and (when asked) highest_need, empty when there is no rank.
    private static func append(_ rank: NeedRank?, to row: inout TableRow, highestNeed: Bool) {
        guard let rank else { return row.appendEmpty(highestNeed ? 3 : 2) }
        row.append(rank.rank)
        row.append(rank.quintile)
        if highestNeed { row.append(rank.highestNeed) }
    }
}
