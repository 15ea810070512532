import AreaNeedsRelease

extension Advice {
    /// The advice for tools, as documented in docs/assess.md.
    package var json: JSONValue {
        .object([
            "format_version": .integer(Assessment.jsonFormatVersion),
            "areas": .object([
                "terms": .array(areas.terms.map(JSONValue.string)),
                "area_codes": .array(areas.areas.map { .string($0.code) }),
                "county_wide": .bool(areas.countyWide),
            ]),
            "objectives": .array(objectives.map { item in
                .object([
                    "position": .integer(item.position),
                    "objective_id": .integer(item.objective.id),
                    "short_name": .string(item.objective.shortName),
                    "title": .string(item.objective.title),
                    "description": .string(item.objective.description),
                    "best_quintile": JSONValue.optional(item.bestQuintile),
                    "mean_need_rank": JSONValue.optional(item.meanNeedRank),
                    "highest_need_area_codes": .array(item.highestNeedAreas.map { .string($0.code) }),
                    "quintiles": .array(item.quintiles.map { entry in
                        .object(["area_code": .string(entry.area.code), "need_quintile": JSONValue.optional(entry.quintile)])
                    }),
                    "indicator_ids": .array(item.indicators.map { .string($0.id) }),
                    "outcomes": .array(item.outcomes.map { outcome in
                        .object([
                            "outcome_id": .integer(outcome.outcome.id),
                            "outcome": .string(outcome.outcome.outcome),
                            "corporate_priorities": .array(outcome.outcome.corporatePriorities.map(JSONValue.string)),
                            "example_measures": .array(outcome.exampleMeasures.map(JSONValue.string)),
                        ])
                    }),
                ])
            }),
            "notes": .array(notes.map(JSONValue.string)),
            "release": source.json,
        ])
    }
}
