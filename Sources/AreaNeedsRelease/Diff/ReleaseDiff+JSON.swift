extension ReleaseDiff {
    /// The format of `json`; raised only when a field changes meaning or goes away.
    /// 2: every changed figure with its old and new value, rank and quintile
    /// (`indicator_changes`, `objective_changes`), redefined indicators and a `summary`, in
    /// place of format 1's quintile changes and area lists.
    package static let jsonFormat = 2

    /// The difference for tools (`areaneeds diff --json`). The field names are stable and
    /// documented in `data-out/README.md`; a missing quintile is `null`.
    package var json: JSONValue {
        .object([
            "diff_format": .integer(ReleaseDiff.jsonFormat),
            "from": side(from),
            "to": side(to),
            "summary": .string(summary),
            "tables_identical": .bool(tablesIdentical),
            "tables": .object([
                "added": strings(tablesAdded),
                "removed": strings(tablesRemoved),
                "changed": strings(tablesChanged),
            ]),
            "columns": .array(columnChanges.map { change in
                .object(["table": .string(change.table), "added": strings(change.added), "removed": strings(change.removed)])
            }),
            "areas": .object([
                "added": .array(areasAdded.map(area)),
                "removed": .array(areasRemoved.map(area)),
            ]),
            "indicators": .object([
                "added": .array(indicatorsAdded.map(indicator)),
                "removed": .array(indicatorsRemoved.map(indicator)),
                "redefined": .array(indicatorsRedefined.map(redefinition)),
            ]),
            "highest_need_crossings": .object([
                "objectives": .array(objectiveCrossings.map(needChange)),
                "indicators": .array(indicatorCrossings.map(needChange)),
            ]),
            "indicator_changes": .array(indicatorChanges.map(needChange)),
            "objective_changes": .array(objectiveChanges.map(needChange)),
        ])
    }

    private func side(_ side: Side) -> JSONValue {
        .object([
            "pipeline": .string(side.pipeline),
            "version": .string(side.version.description),
            "folder": .string(side.folder),
        ])
    }

    private func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    private func area(_ item: Item) -> JSONValue {
        .object(["area_code": .string(item.id), "area_name": .string(item.name)])
    }

    private func indicator(_ item: Item) -> JSONValue {
        .object(["indicator_id": .string(item.id), "title": .string(item.name)])
    }

    private func redefinition(_ redefinition: IndicatorRedefinition) -> JSONValue {
        .object([
            "indicator_id": .string(redefinition.indicatorId),
            "title": .string(redefinition.title),
            "changes": .array(redefinition.changes.map { change in
                .object(["field": .string(change.field), "from": .string(change.from), "to": .string(change.to)])
            }),
        ])
    }

    private func standing(_ standing: NeedChange.Standing) -> JSONValue {
        .object([
            "value": standing.value.map(JSONValue.number) ?? .null,
            "rank": standing.rank.map(JSONValue.integer) ?? .null,
            "quintile": standing.quintile.map(JSONValue.integer) ?? .null,
        ])
    }

    private func needChange(_ change: NeedChange) -> JSONValue {
        var object: [String: JSONValue] = [
            "area_code": .string(change.areaCode),
            "area_name": .string(change.areaName),
            "from": standing(change.from),
            "to": standing(change.to),
            "value_changed": .bool(change.valueChanged),
            "highest_need_crossing": change.crossing.map { .string($0.rawValue) } ?? .null,
        ]
        switch change.subject {
        case .indicator(let id):
            object["indicator_id"] = .string(id)
            object["indicator_title"] = .string(change.subjectTitle)
        case .objective(let id):
            object["objective_id"] = .integer(id)
            object["objective_name"] = .string(change.subjectTitle)
        }
        return .object(object)
    }
}
