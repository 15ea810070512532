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
    /// The fields of the indicator need table's rows.
    let rows: NeedRows
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
    /// 185,692 rows on the national benchmark: each is bytes copied from `NeedRows` and small
    /// numbers written, with nothing reference counted.
    func writeIndicatorNeeds(to path: String, digest: StreamingDigest) throws -> Int {
        let writer = try TableWriter(outputs: [.init(path: path, digest: digest)],
                                     columns: StagingTables.indicatorNeedColumns + extraColumns, durable: false)
        precondition(rows.ranksWithinDistricts == withinDistrict, "the rows have the ranks the columns name")
        let fields = rows
        var ranked = 0
        for area in areaCodes.indices {
            for position in ids.indices {
                let cell = position * areaCodes.count + area
                let national = fields.nationalRank(cell)
                if national.rank != 0 { ranked += 1 }
                try writer.writeRow { row in
                    row.append(formatted: fields.code(area), count: 1)
                    row.append(formatted: fields.id(position), count: 1)
                    row.append(formatted: fields.figures(cell), count: NormalisedTable.figureColumns.count)
                    RankedTables.append(rank: national.rank, quintile: national.quintile, to: &row, highestNeed: true)
                    row.append(formatted: fields.quality(cell), count: 1)
                    row.append(fields.comparison(cell)?.rawValue ?? "")
                    if withinDistrict {
                        let district = fields.districtRank(cell)
                        RankedTables.append(rank: district.rank, quintile: district.quintile, to: &row, highestNeed: false)
                    }
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
                if let county = countyFigures[position] { row.append(number: county) } else { row.append("") }
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
                    if let mean = need?.meanNeedRank { row.append(number: mean) } else { row.append("") }
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
        let cell = position * areaCodes.count + area
        let (rank, quintile) = withinDistrict ? rows.districtRank(cell) : rows.nationalRank(cell)
        return rank == 0 ? nil : NeedRank(rank: Int(rank), quintile: Int(quintile))
    }

    /// need_rank, need_quintile and (when asked) highest_need, empty when there is no rank.
    private static func append(_ rank: NeedRank?, to row: inout TableRow, highestNeed: Bool) {
        append(rank: Int32(rank?.rank ?? 0), quintile: UInt8(rank?.quintile ?? 0), to: &row, highestNeed: highestNeed)
    }

    /// As `append(_:to:highestNeed:)`, for a rank as `NeedRows` keeps it: 0 for none.
    private static func append(rank: Int32, quintile: UInt8, to row: inout TableRow, highestNeed: Bool) {
        if rank != 0 {
            row.append(Int(rank))
            row.append(Int(quintile))
            if highestNeed {
                let text: StaticString = NeedRank(rank: Int(rank), quintile: Int(quintile)).highestNeed ? "true" : "false"
                row.append(formatted: UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount), count: 1)
            }
        } else {
            // Two or three empty fields: the commas between them.
            let commas: StaticString = highestNeed ? ",," : ","
            row.append(formatted: UnsafeRawBufferPointer(start: commas.utf8Start, count: commas.utf8CodeUnitCount), count: highestNeed ? 3 : 2)
        }
    }
}
