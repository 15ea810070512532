/// The typed CSV tables the stages pass to each other. Numbers are written with
/// `NumberText` (shortest round-trip); an empty cell is a missing value.
public enum StagingTables {
    /// One row per small-area row of a source, as published (ingest → normalise).
    public static let ingestedColumns = [
        "area_code", "area_name", "district", "value", "numerator", "denominator", "population", "decile", "missing", "line",
    ]
    /// One row per small area of a population table (ingest → normalise).
    public static let populationColumns = ["area_code", "population", "line"]
    /// One row per target area and indicator (normalise → rank).
    public static let normalisedColumns = [
        "area_code", "value", "numerator", "denominator", "ci_lower", "ci_upper", "quality", "small_areas", "small_areas_missing",
    ]
    /// One row per target area and indicator, ranked (rank → publish).
    public static let indicatorNeedColumns = [
        "area_code", "indicator_id", "value", "numerator", "denominator", "ci_lower", "ci_upper",
        "need_rank", "need_quintile", "highest_need", "quality",
    ]
    /// One row per target area and objective (rank → publish).
    public static let objectiveNeedColumns = [
        "area_code", "objective_id", "indicators_ranked", "indicators_in_worst_two_fifths",
        "mean_need_rank", "need_rank", "need_quintile", "highest_need",
    ]

    /// Added to both need tables when the pipeline ranks within districts.
    public static let districtRankColumns = ["district_need_rank", "district_need_quintile"]

    /// The staging file of an indicator's ingested rows.
    public static func ingestedFile(_ indicator: String) -> String { "indicator-\(indicator).csv" }
    /// The staging file of a population table.
    public static func populationFile(_ name: String) -> String { "population-\(name).csv" }
    /// The staging file of an indicator's figures by target area.
    public static func normalisedFile(_ indicator: String) -> String { "indicator-\(indicator).csv" }
}
