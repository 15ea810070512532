import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsTables

/// Every indicator's need ranks of every area, each objective's, and the tables the rank
/// stage writes from them: `indicator_needs` (one row per area and indicator),
/// `objective_needs` (one row per area and objective) and `indicator_summaries` (one row
/// per indicator). Each table's rows are written by a method of its own, so the stage can
/// write the tables at once, and publish can write them into the release from memory
/// (`RankedRows`).
struct RankedTables: RankedRows {
    /// The indicators' ids, in the pipeline file's order.
    let ids: [String]
    /// The areas, numbered in the order of the normalised tables.
    let areaCodes: [String]
    /// Each indicator's figure columns by area, as the need table writes them, in the
    /// order of `ids`.
    let figures: [FormattedFields]
    /// Each indicator's qualities by area, in the order of `ids`.
    let qualities: [[Quality?]]
    /// Each indicator's need ranks, nationally and, when ranking within districts, within
    /// each district; in the order of `ids`.
    let ranks: [(national: AreaRanks, withinDistrict: AreaRanks?)]
    /// Each indicator's comparison of each area with the county, in the order of `ids`.
    let comparisons: [[CountyComparison?]]
    /// Why each indicator's areas have no value, when the method withholds one, in the
    /// order of `ids`; empty for a table that records none.
    let reasons: [[String?]]
    /// Each objective's needs by area (objective 1 first), nationally and, when ranking
    /// within districts, within them.
    let objectiveNeeds: [[ObjectiveNeed?]]
    let districtObjectiveNeeds: [[ObjectiveNeed?]]?
    /// Each indicator's county figure, in the order of `ids`; nil when it has none.
    let countyFigures: [Double?]
    /// Why each indicator is not ranked, in the order of `ids`; nil when it is (or has no figures).
    let notRanked: [NeedRanking.Unranked?]

    /// Ranks each objective by the mean of its indicators' need ranks (`objectives`, in the
    /// order of `ids`), nationally and, with `districtOf`, within each area's district.
    init(ids: [String], objectives: [Int], areaCodes: [String], figures: [FormattedFields], qualities: [[Quality?]],
         ranks: [(national: AreaRanks, withinDistrict: AreaRanks?)], comparisons: [[CountyComparison?]], districtOf: [Int?]?,
         countyFigures: [Double?], notRanked: [NeedRanking.Unranked?], reasons: [[String?]] = []) {
        (self.ids, self.areaCodes, self.figures, self.qualities) = (ids, areaCodes, figures, qualities)
        self.reasons = reasons
        (self.ranks, self.comparisons, self.countyFigures, self.notRanked) = (ranks, comparisons, countyFigures, notRanked)
        func needs(_ members: [Int], withinDistrict: Bool) -> [[NeedRank]] {
            areaCodes.indices.map { area in
                members.compactMap { withinDistrict ? ranks[$0].withinDistrict?[area] : ranks[$0].national[area] }
            }
        }
        let members = (1...5).map { objective in ids.indices.filter { objectives[$0] == objective } }
        objectiveNeeds = members.map { ObjectiveRanking.rank(positions: needs($0, withinDistrict: false)) }
        districtObjectiveNeeds = districtOf.map { groups in
            members.map { ObjectiveRanking.rank(positions: needs($0, withinDistrict: true), groups: groups) }
        }
    }

    /// The columns of a table as the rank stage writes it.
    static func columns(of table: RankedTable, withinDistrict: Bool) -> [String] {
        let district = withinDistrict ? StagingTables.districtRankColumns : []
        return switch table {
        case .indicatorNeeds: StagingTables.indicatorNeedColumns + district
        case .objectiveNeeds: StagingTables.objectiveNeedColumns + district
        case .indicatorSummaries: StagingTables.indicatorSummaryColumns
        }
    }

    /// Whether the tables have ranks within districts.
    var withinDistrict: Bool { districtObjectiveNeeds != nil }

    /// How many rows of the indicator need table have a rank.
    var rankedCount: Int {
        ranks.reduce(0) { count, ranks in count + (0..<ranks.national.count).count { ranks.national[$0] != nil } }
    }

    func writeRows(of table: RankedTable, to writer: TableWriter) throws {
        switch table {
        case .indicatorNeeds: try writeIndicatorNeeds(to: writer)
        case .objectiveNeeds: try writeObjectiveNeeds(to: writer)
        case .indicatorSummaries: try writeIndicatorSummaries(to: writer)
        }
    }

    var indicatorSummaries: [String: (countyValue: String, notRankedReason: String)] {
        var summaries: [String: (countyValue: String, notRankedReason: String)] = [:]
        for position in ids.indices {
            summaries[ids[position]] = (countyFigures[position].map(NumberText.decimal) ?? "", notRanked[position]?.description ?? "")
        }
        return summaries
    }

    /// One row per area and indicator.
    ///
    /// 185,692 rows on the national benchmark: each is fields formatted once, copied
    /// (`FormattedFields`), and small numbers written.
    private func writeIndicatorNeeds(to writer: TableWriter) throws {
        let codes = FormattedFields(fields: areaCodes)
        let ids = FormattedFields(fields: self.ids)
        // Each indicator's ranks, taken out of their pairs once rather than for every row.
        let national = ranks.map(\.national)
        let district = ranks.map(\.withinDistrict)
        for area in areaCodes.indices {
            for position in figures.indices {
                try writer.writeRow { row in
                    row.append(codes, at: area)
                    row.append(ids, at: position)
                    row.append(figures[position], at: area)
                    RankedTables.append(national[position][area], to: &row, highestNeed: true)
                    if let quality = qualities[position][area] { row.append(ReleaseText.text(quality)) } else { row.appendEmpty() }
                    if let comparison = comparisons[position][area] { row.append(ReleaseText.text(comparison)) } else { row.appendEmpty() }
                    if position < reasons.count, area < reasons[position].count, let reason = reasons[position][area] {
                        row.append(reason)
                    } else {
                        row.appendEmpty()
                    }
                    if let district = district[position] { RankedTables.append(district[area], to: &row, highestNeed: false) }
                }
            }
        }
    }

    /// One row per area and objective.
    private func writeObjectiveNeeds(to writer: TableWriter) throws {
        for area in areaCodes.indices {
            for objective in 1...5 {
                let need = objectiveNeeds[objective - 1][area]
                try writer.writeRow { row in
                    row.append(areaCodes[area])
                    row.append(objective)
                    row.append(need?.indicatorsRanked ?? 0)
                    row.append(need?.indicatorsInWorstTwoFifths ?? 0)
                    if let mean = need?.meanNeedRank { row.append(decimal: mean) } else { row.appendEmpty() }
                    RankedTables.append(need?.rank, to: &row, highestNeed: true)
                    if let districtObjectiveNeeds {
                        RankedTables.append(districtObjectiveNeeds[objective - 1][area]?.rank, to: &row, highestNeed: false)
                    }
                }
            }
        }
    }

    /// Each indicator's county figure and why it is not ranked: one row per indicator.
    private func writeIndicatorSummaries(to writer: TableWriter) throws {
        for position in ids.indices {
            try writer.writeRow { row in
                row.append(ids[position])
                if let county = countyFigures[position] { row.append(decimal: county) } else { row.appendEmpty() }
                row.append(notRanked[position]?.description ?? "")
            }
        }
    }

    /// need_rank, need_quintile and (when asked) highest_need, empty when there is no rank.
    private static func append(_ rank: NeedRank?, to row: inout TableRow, highestNeed: Bool) {
        guard let rank else { return row.appendEmpty(highestNeed ? 3 : 2) }
        row.append(rank.rank)
        row.append(rank.quintile)
        if highestNeed { row.append(rank.highestNeed) }
    }
}
