import AreaNeedsCore
import AreaNeedsMethods

/// The tables of a release: the contract with every tool that imports them.
///
/// Area columns are named after the pipeline's area key (`spa` gives `spa_code`,
/// `spa_name`). A change here changes the schema and so forces a major version.
package struct ReleaseSchema: Sendable, Equatable {
    /// The prefix of the area columns.
    package let areaKey: String
    /// What one area is called: "Service Planning Area".
    package let areaLabel: String
    /// Whether the need tables also rank each district's areas among themselves
    /// (`ranking: {within-district: true}`): then they have `district_need_rank` and
    /// `district_need_quintile` after their other columns.
    package let ranksWithinDistricts: Bool

    package init(areaKey: String = "spa", areaLabel: String = "Service Planning Area", ranksWithinDistricts: Bool = false) {
        self.areaKey = areaKey
        self.areaLabel = areaLabel
        self.ranksWithinDistricts = ranksWithinDistricts
    }

    /// The schema with every optional column, as `data-out/README.md` documents it.
    package static let documented = ReleaseSchema(ranksWithinDistricts: true)

    package var areaCode: String { areaKey + "_code" }
    package var areaName: String { areaKey + "_name" }

    /// Every table, in the order the release lists them.
    package var tables: [TableSchema] {
        [areas, objectives, outcomes, indicators, indicatorNeeds, objectiveNeeds, framework, areaLookup]
    }

    /// The table with this name.
    package func table(_ name: String) -> TableSchema? {
        tables.first { $0.name == name }
    }

    /// The values the closed columns allow, as the release writes them.
    package static let qualities = ReleaseText.texts(of: Quality.self)
    package static let countyComparisons = ReleaseText.texts(of: CountyComparison.self)
    package static let polarities = ReleaseText.texts(of: Polarity.self)

    package var areas: TableSchema {
        TableSchema(
            name: "areas", title: "Areas",
            description: "One row per \(areaLabel), with its district and population.",
            fields: [
                .init(areaCode, .string, "The \(areaLabel) code.", required: true, unique: true),
                .init(areaName, .string, "The \(areaLabel) name.", required: true),
                .init("district_code", .string, "The ONS code of the local authority district the area lies in.", required: true),
                .init("district_name", .string, "The district's name.", required: true),
                .init("population", .number, "The area's population, as the geography gives it (empty when not given).", minimum: 0),
            ],
            primaryKey: [areaCode], foreignKeys: [])
    }

    package var objectives: TableSchema {
        TableSchema(
            name: "objectives", title: "Social value objectives",
            description: "The five objectives of the council's Social Value Framework.",
            fields: [
                .init("objective_id", .integer, "The objective's number, 1 to 5.", required: true, unique: true, minimum: 1, maximum: 5),
                .init("short_name", .string, "A short name, accepted by `areaneeds assess --objectives`.", required: true, unique: true),
                .init("title", .string, "The objective as the framework states it.", required: true),
                .init("description", .string, "What the objective means, from section 4 of the policy."),
            ],
            primaryKey: ["objective_id"], foreignKeys: [])
    }

    package var outcomes: TableSchema {
        TableSchema(
            name: "outcomes", title: "Social value outcomes",
            description: "The framework's seven outcomes, each under one objective, with the corporate priorities it links to.",
            fields: [
                .init("outcome_id", .integer, "The outcome's number, 1 to 7.", required: true, unique: true, minimum: 1, maximum: 7),
                .init("objective_id", .integer, "The objective the outcome serves.", required: true, minimum: 1, maximum: 5),
                .init("outcome", .string, "What the council is trying to achieve.", required: true),
                .init("corporate_priorities", .string, "The linked corporate strategy priorities, separated by \" | \"."),
            ],
            primaryKey: ["outcome_id"],
            foreignKeys: [.init(["objective_id"], references: "objectives", ["objective_id"])])
    }

    package var indicators: TableSchema {
        TableSchema(
            name: "indicators", title: "Indicators",
            description: "One row per needs indicator: what it measures, its source and how small areas were combined.",
            fields: [
                .init("indicator_id", .string, "The indicator's stable id.", required: true, unique: true),
                .init("title", .string, "What the indicator measures.", required: true),
                .init("objective_id", .integer, "The objective the indicator informs.", required: true, minimum: 1, maximum: 5),
                .init("polarity", .string, "Which direction is worse: higher-is-worse or higher-is-better.", required: true, allowed: Self.polarities),
                .init("unit", .string, "The unit of `value`.", required: true),
                .init("aggregation", .string, "How small-area figures were combined (see the README's methods); empty when there is no data."),
                .init("source", .string, "The file the figures came from, as published."),
                .init("source_geography", .string, "The geography the source is published at."),
                .init("vintage", .string, "Which edition of the data; where the pipeline names none, the latest period the figures come from, as the source writes it (2024-04-01/P1Y).", required: true),
                .init("available", .boolean, "Whether the release has figures for the indicator.", required: true),
                .init("unavailable_reason", .string, "Why there are no figures, when there are none."),
                .init("notes", .string, "Caveats, such as an approximation used in place of the named measure."),
                .init("synthetic", .boolean, "True when the figures are made up (the bundled sample), not published data.", required: true),
                .init("stands_in_for", .string, "For a stand-in (its figures have quality `proxy`): the ids of the framework indicators it stands in for, separated by \" | \"; its own id when its figure stands in for the measure its title names. Empty otherwise."),
                .init("national_count", .integer, "For the rank methods (`average-rank`, `local-concentration`): how many small areas the national ranks run over, so a value reads as \"average rank 25,726 of 32,844\" (higher = more deprived).", minimum: 1),
                .init("county_value", .number, "The county's own figure: for a rate, the summed numerators over the summed denominators of all the release's areas; for life expectancy, disability-free life expectancy and standardised rates, the method applied to the counts by age band of every small area of the release pooled; otherwise the mean of the areas' figures weighted by their population (`areas.csv`). What `compared_with_county` compares with."),
                .init("not_ranked_reason", .string, "Why the indicator's figures have no need ranks, when they have none although some areas have figures: fewer areas with a figure than the five quintiles, or the same figure for every area (such as a county figure inherited by all). Empty when ranked."),
            ],
            primaryKey: ["indicator_id"],
            foreignKeys: [.init(["objective_id"], references: "objectives", ["objective_id"])])
    }

    package var indicatorNeeds: TableSchema {
        TableSchema(
            name: RankedTable.indicatorNeeds.name, title: "Need by indicator",
            description: "One row per \(areaLabel) and indicator: its figure, need rank and need quintile (1 = the worst fifth).",
            fields: [
                .init(areaCode, .string, "The \(areaLabel).", required: true),
                .init("indicator_id", .string, "The indicator.", required: true),
                .init("value", .number, "The area's figure, in the indicator's unit; empty when missing."),
                .init("numerator", .number, "For rates: the count (after apportioning); for life expectancy and standardised rates, the deaths or events summed over the age bands."),
                .init("denominator", .number, "For rates: the total (after apportioning); for life expectancy and standardised rates, the person-years summed over the age bands."),
                .init("ci_lower", .number, "Lower bound of the 95% confidence interval (for the age-band methods, at the level their `confidence:` sets): the Wilson score interval for rates; the life table's (Chiang, Silcocks; Sullivan for disability-free life expectancy) for life expectancy; Dobson's for standardised rates; the source's own for a figure taken as published (an inherited district or county figure, or one whole small area's)."),
                .init("ci_upper", .number, "Upper bound of the 95% confidence interval, as ci_lower."),
                .init("need_rank", .integer, "1 = greatest need; ties share the lowest rank; empty when the value is missing.", minimum: 1),
                .init("need_quintile", .integer, "1 = the worst fifth of areas, 5 = the best (PHEindicatormethods rule).", minimum: 1, maximum: 5),
                .init("highest_need", .boolean, "True in the worst or second worst fifth (quintile 1 or 2)."),
                .init("quality", .string, "exact, apportioned (small areas split between areas), inherited (a district figure), approximate (combined medians) or proxy (a stand-in for a measure with no source: see `indicators.csv` `stands_in_for`).", allowed: Self.qualities),
                .init("compared_with_county", .string, "worse, similar or better than the county's figure (`indicators.csv` `county_value`): worse or better when the area's 95% confidence interval lies wholly on that side of it, similar when it includes it; empty when the area has no interval (not compared).", allowed: Self.countyComparisons),
                .init("value_missing_reason", .string, "Why the area has no value although its small areas have data, when the method withholds it (life expectancy: \"suppressed: total population 4,200 is 5,000 or less\", an interval wider than 20 years, fewer than 10 events for a standardised rate, as PHEindicatormethods does); empty otherwise."),
            ] + districtFields(
                rank: "The need rank among the areas of the area's own district, by the same rules as `need_rank`.",
                quintile: "The need quintile among the areas of the area's own district, by the same rule as `need_quintile`."),
            primaryKey: [areaCode, "indicator_id"],
            foreignKeys: [
                .init([areaCode], references: "areas", [areaCode]),
                .init(["indicator_id"], references: "indicators", ["indicator_id"]),
            ])
    }

    package var objectiveNeeds: TableSchema {
        TableSchema(
            name: RankedTable.objectiveNeeds.name, title: "Need by objective",
            description: "One row per \(areaLabel) and objective: the indicators' need ranks combined, ranked again and put in quintiles.",
            fields: [
                .init(areaCode, .string, "The \(areaLabel).", required: true),
                .init("objective_id", .integer, "The objective.", required: true, minimum: 1, maximum: 5),
                .init("indicators_ranked", .integer, "How many of the objective's indicators have a need rank for the area.", required: true, minimum: 0),
                .init("indicators_in_worst_two_fifths", .integer, "How many of them are in need quintile 1 or 2.", required: true, minimum: 0),
                .init("mean_need_rank", .number, "The mean of the indicators' need ranks; empty when none is ranked."),
                .init("need_rank", .integer, "The mean need rank ranked again: 1 = greatest need.", minimum: 1),
                .init("need_quintile", .integer, "1 = the worst fifth of areas on this objective.", minimum: 1, maximum: 5),
                .init("highest_need", .boolean, "True in the worst or second worst fifth: a community with the highest needs."),
            ] + districtFields(
                rank: "The mean of the area's `district_need_rank`s on the objective's indicators, ranked again among the areas of its district: 1 = greatest need.",
                quintile: "The need quintile of `district_need_rank` among the areas of the district that have one."),
            primaryKey: [areaCode, "objective_id"],
            foreignKeys: [
                .init([areaCode], references: "areas", [areaCode]),
                .init(["objective_id"], references: "objectives", ["objective_id"]),
            ])
    }

    /// The within-district columns, when the pipeline ranks within districts.
    private func districtFields(rank: String, quintile: String) -> [TableSchema.Field] {
        guard ranksWithinDistricts else { return [] }
        let only = "Only with `ranking: {within-district: true}`: each district ranked as if it were the whole release. "
        return [
            .init("district_need_rank", .integer, only + rank, minimum: 1),
            .init("district_need_quintile", .integer, only + quintile, minimum: 1, maximum: 5),
        ]
    }

    package var framework: TableSchema {
        TableSchema(
            name: "framework", title: "Example supplier measures",
            description: "The framework's examples of what suppliers could deliver, by objective and outcome (examples only, not an exhaustive list).",
            fields: [
                .init("objective_id", .integer, "The objective.", required: true, minimum: 1, maximum: 5),
                .init("outcome_id", .integer, "The outcome.", required: true, minimum: 1, maximum: 7),
                .init("measure_number", .integer, "The measure's place in the outcome's list.", required: true, minimum: 1),
                .init("outcome", .string, "The outcome, repeated for readers of this table alone.", required: true),
                .init("example_measure", .string, "What a supplier could deliver.", required: true),
            ],
            primaryKey: ["outcome_id", "measure_number"],
            foreignKeys: [
                .init(["objective_id"], references: "objectives", ["objective_id"]),
                .init(["outcome_id"], references: "outcomes", ["outcome_id"]),
            ])
    }

    package var areaLookup: TableSchema {
        TableSchema(
            name: "area_lookup", title: "Small areas to \(areaLabel)s",
            description: "Which \(areaLabel) each small area belongs to, by geography; a small area split between areas has one row per area with its share.",
            fields: [
                .init("geography", .string, "The small-area geography: oa11, lsoa11, lsoa21, msoa11 or ward.", required: true),
                .init("small_area_code", .string, "The small area's code.", required: true),
                .init(areaCode, .string, "The \(areaLabel).", required: true),
                .init("weight", .number, "The share of the small area in this area (1 unless split).", required: true, minimum: 0, maximum: 1),
            ],
            primaryKey: ["geography", "small_area_code", areaCode],
            foreignKeys: [.init([areaCode], references: "areas", [areaCode])])
    }
}
