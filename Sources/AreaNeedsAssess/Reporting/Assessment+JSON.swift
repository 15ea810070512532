import AreaNeedsCore
import AreaNeedsRelease
import Foundation

extension Assessment {
    /// The version of the JSON layout; it changes only when a field is removed or changes
    /// meaning. 2: `weighting_percent` may be null (an undetermined answer), with `status`.
    package static let jsonFormatVersion = 2

    /// The answer for tools, as documented in docs/assess.md: snake_case keys, every key
    /// always present, `null` where there is no value.
    package var json: JSONValue {
        .object([
            "format_version": .integer(Assessment.jsonFormatVersion),
            "status": .string(isDecided ? "decided" : "undetermined"),
            "weighting_percent": JSONValue.optional(weightingPercent),
            "possible_weighting_percent": .array(outcome.possibleWeightingPercents.map(JSONValue.integer)),
            "weighting_required": .bool(outcome.weightingRequired),
            "rules_weighting_percent": JSONValue.optional(outcome.rulesWeightingPercent),
            "refer_to_procurement_board": .bool(referToProcurementBoard),
            "decision": .string(decision),
            "criteria": .array(criteria.map(Assessment.json)),
            "request": requestJSON,
            "evidence": .object([
                "objectives": .array(summaries.map(objectiveJSON)),
                "needs": .array(evidence.map(Assessment.json)),
            ]),
            "notes": .array(notes.map(JSONValue.string)),
            "release": source.json,
        ])
    }

    private static func json(_ criterion: Criterion) -> JSONValue {
        .object([
            "id": .string(criterion.id.rawValue),
            "description": .string(criterion.description),
            "met": criterion.met.map(JSONValue.bool) ?? .null,
            "detail": .string(criterion.detail),
            "reason": criterion.reason.map(JSONValue.string) ?? .null,
        ])
    }

    private var requestJSON: JSONValue {
        .object([
            "areas": .array(request.areas.terms.map(JSONValue.string)),
            "area_codes": .array(request.areas.areas.map { .string($0.code) }),
            "county_wide": .bool(request.areas.countyWide),
            "objectives": .array(request.objectives.objectives.map { .integer($0.id) }),
            "impact": .string(request.impact.rawValue),
            "value": request.value.map(JSONValue.number) ?? .null,
            "threshold": .number(threshold),
            "threshold_source": .string(thresholdSource),
        ])
    }

    private func objectiveJSON(_ summary: ObjectiveSummary) -> JSONValue {
        let indicatorIds = (evidence.first { $0.objective.id == summary.objective.id }?.indicators ?? []).map { JSONValue.string($0.indicator.id) }
        return .object([
            "objective_id": .integer(summary.objective.id),
            "short_name": .string(summary.objective.shortName),
            "title": .string(summary.objective.title),
            "indicator_ids": .array(indicatorIds),
            "areas_ranked": .integer(summary.areasRanked),
            "best_quintile": summary.bestQuintile.map(JSONValue.integer) ?? .null,
            "highest_need_area_codes": .array(summary.highestNeedAreas.map { .string($0.code) }),
            "unranked_area_codes": .array(summary.unrankedAreas.map { .string($0.code) }),
            "highest_needs": .string(summary.reach.rawValue),
        ])
    }

    private static func json(_ item: NeedEvidence) -> JSONValue {
        let need = item.need
        return .object([
            "area_code": .string(item.area.code),
            "area_name": .string(item.area.name),
            "district_code": .string(item.area.districtCode),
            "district_name": .string(item.area.districtName),
            "objective_id": .integer(item.objective.id),
            "need_quintile": JSONValue.optional(need?.needQuintile),
            "need_rank": JSONValue.optional(need?.needRank),
            "mean_need_rank": JSONValue.optional(need?.meanNeedRank),
            "highest_need": item.highestNeed.map(JSONValue.bool) ?? .null,
            "indicators_ranked": JSONValue.optional(need?.indicatorsRanked),
            "indicators_in_worst_two_fifths": JSONValue.optional(need?.indicatorsInWorstTwoFifths),
            "indicators": .array(item.indicators.map { indicator in
                let row = indicator.need
                return .object([
                    "indicator_id": .string(indicator.indicator.id),
                    "title": .string(indicator.indicator.title),
                    "unit": .string(indicator.indicator.unit),
                    "polarity": .string(ReleaseText.text(indicator.indicator.polarity)),
                    "available": .bool(indicator.indicator.available),
                    "missing": .bool(indicator.missing),
                    "value": JSONValue.optional(row?.value),
                    "need_rank": JSONValue.optional(row?.needRank),
                    "need_quintile": JSONValue.optional(row?.needQuintile),
                    "highest_need": row?.highestNeed.map(JSONValue.bool) ?? .null,
                    "quality": row?.quality.map { .string(ReleaseText.text($0)) } ?? .null,
                    "stands_in_for": .array(indicator.indicator.standsInFor.map(JSONValue.string)),
                    "compared_with_county": row?.comparedWithCounty.map { .string(ReleaseText.text($0)) } ?? .null,
                    "county_value": JSONValue.optional(indicator.indicator.countyValue),
                ])
            }),
        ])
    }
}

extension ReleaseSource {
    /// `{pipeline, version, title, synthetic, folder}`.
    var json: JSONValue {
        .object([
            "pipeline": .string(pipeline),
            "version": .string(version),
            "title": .string(title),
            "synthetic": .bool(synthetic),
            "folder": .string(folder),
        ])
    }
}

extension JSONValue {
    /// A whole number, or null.
    static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.integer) ?? .null }
    /// A number, or null.
    static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
}
