import AreaNeedsTables

/// The tables the stages pass to each other.
///
/// Ingest hands normalise one row per small-area row of every source (1.6 million on the
/// national benchmark), and normalise hands rank one row per area and indicator, as staged
/// tables (`StagedTableWriter`): typed binary, as writing numbers as text and parsing them
/// again was most of the cost of passing them on (the computed figures of normalise, 17
/// digits each, took rank a microsecond apiece to read). `areaneeds staging-table FILE`
/// prints one as CSV. The ranked tables rank hands publish are CSV, as the release has
/// them: numbers written with `NumberText` (shortest round-trip), an empty cell a missing
/// value. A staged table's file is named by its unit (`StageUnit.stagedFile`), a ranked
/// table's as the release names it (`RankedTable`).
package enum StagingTables {
    /// One row per small-area row of a source, as published (ingest → normalise), or for a
    /// long table one per area (its period chosen, its rows summed): the area code; those of
    /// the name, district and figure columns that the source names (the others would be
    /// empty in every row, and writing and reading them was a third of handing the rows
    /// on); the period, for a source that chooses one; the missing-value markers met, and
    /// the line (the first, of rows summed).
    package static func ingestedColumns(of source: SourceSpec) -> [StagedColumn] {
        [.init("area_code", .text)] + IngestedField.named(in: source).map(\.field.stagedColumn)
            + (source.choosesPeriod ? [periodColumn] : [])
            + [.init("missing", .text), .init("line", .count)]
    }

    /// The period of an ingested row, as the source writes it.
    package static let periodColumn = StagedColumn("period", .text)

    /// One row per small area of a population table (ingest → normalise).
    package static let populationColumns: [StagedColumn] = [.init("area_code", .text), .init("population", .number), .init("line", .count)]
    /// One row per target area and indicator (normalise → rank).
    package static let normalisedColumns: [StagedColumn] = [
        .init("area_code", .text), .init("value", .number), .init("numerator", .number), .init("denominator", .number),
        .init("ci_lower", .number), .init("ci_upper", .number), .init("quality", .text),
        .init("small_areas", .count), .init("small_areas_missing", .count),
        .init("reason", .text), .init("county_value", .number),
    ]
    /// One row per target area and indicator, ranked (rank → publish).
    package static let indicatorNeedColumns = [
        "area_code", "indicator_id", "value", "numerator", "denominator", "ci_lower", "ci_upper",
        "need_rank", "need_quintile", "highest_need", "quality", "compared_with_county", "value_missing_reason",
    ]
    /// One row per indicator: the county's own figure, and why the indicator is not ranked
    /// when it is not (rank → publish).
    package static let indicatorSummaryColumns = ["indicator_id", "county_value", "not_ranked_reason"]
    /// One row per target area and objective (rank → publish).
    package static let objectiveNeedColumns = [
        "area_code", "objective_id", "indicators_ranked", "indicators_in_worst_two_fifths",
        "mean_need_rank", "need_rank", "need_quintile", "highest_need",
    ]

    /// Added to both need tables when the pipeline ranks within districts.
    package static let districtRankColumns = ["district_need_rank", "district_need_quintile"]
}
