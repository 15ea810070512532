extension ReleaseDiff {
    /// The format of `json`; raised only when a field changes meaning or goes away.
    public static let jsonFormat = 1

    /// The difference for tools (`areaneeds diff --json`). The field names are stable and
    /// documented in `data-out/README.md`; a missing quintile is `null`.
    public var json: JSONValue {
        .object([
            "diff_format": .integer(ReleaseDiff.jsonFormat),
            "from": side(from),
            "to": side(to),
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
            ]),
            "indicator_quintile_changes": .array(indicatorQuintileChanges.map(quintileChange)),
            "objective_quintile_changes": .array(objectiveQuintileChanges.map(quintileChange)),
            "highest_need_crossings": .object([
                "indicators": .array(indicatorCrossings.map(quintileChange)),
                "objectives": .array(objectiveCrossings.map(quintileChange)),
            ]),
            "value_changes": .array(valueChanges.map { change in
                .object(["indicator_id": .string(change.indicatorId), "area_codes": strings(change.areaCodes)])
            }),
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

    private func quintileChange(_ change: QuintileChange) -> JSONValue {
        var object: [String: JSONValue] = [
            "area_code": .string(change.areaCode),
            "area_name": .string(change.areaName),
            "from_quintile": change.from.map(JSONValue.integer) ?? .null,
            "to_quintile": change.to.map(JSONValue.integer) ?? .null,
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
