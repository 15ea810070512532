extension ReleaseDiff {
    /// The difference for people: what was added or removed, who crossed the
    /// highest-need line, then every quintile change, one line per area.
    public var text: String {
        var lines = ["From \(from.pipeline) \(from.version) to \(to.pipeline) \(to.version)",
                     "  \(from.folder)", "  \(to.folder)", ""]
        if tablesIdentical && columnChanges.isEmpty {
            lines.append("No differences: the two releases hold the same tables, byte for byte.")
            return lines.joined(separator: "\n") + "\n"
        }

        lines.append("Tables changed: " + list(tablesChanged))
        var structure: [String] = []
        if !tablesAdded.isEmpty { structure.append("Tables added: " + tablesAdded.joined(separator: ", ")) }
        if !tablesRemoved.isEmpty { structure.append("Tables removed: " + tablesRemoved.joined(separator: ", ")) }
        for change in columnChanges {
            if !change.added.isEmpty { structure.append("Columns added to \(change.table): " + change.added.joined(separator: ", ")) }
            if !change.removed.isEmpty { structure.append("Columns removed from \(change.table): " + change.removed.joined(separator: ", ")) }
        }
        if !areasAdded.isEmpty { structure.append("Areas added: " + areasAdded.map(named).joined(separator: ", ")) }
        if !areasRemoved.isEmpty { structure.append("Areas removed: " + areasRemoved.map(named).joined(separator: ", ")) }
        if !indicatorsAdded.isEmpty { structure.append("Indicators added: " + indicatorsAdded.map(titled).joined(separator: ", ")) }
        if !indicatorsRemoved.isEmpty { structure.append("Indicators removed: " + indicatorsRemoved.map(titled).joined(separator: ", ")) }
        lines += structure.isEmpty ? ["No tables, columns, areas or indicators added or removed."] : structure

        lines += ["", "Crossed the highest-need line (into or out of need quintiles 1 and 2):"]
        let crossings = indicatorCrossings + objectiveCrossings
        if crossings.isEmpty {
            lines.append("  none")
        } else {
            for (area, changes) in byArea(crossings) {
                for direction in [QuintileChange.Crossing.into, .outOf] {
                    let these = changes.filter { $0.crossing == direction }
                    guard !these.isEmpty else { continue }
                    let label = direction == .into ? "into highest need" : "out of highest need"
                    lines.append("  \(area): \(label) on " + these.map(subject).joined(separator: ", "))
                }
            }
        }

        lines += ["", "Need quintile changes on indicators (1 = greatest need):"]
        lines += changeLines(indicatorQuintileChanges)
        lines += ["", "Need quintile changes on objectives:"]
        lines += changeLines(objectiveQuintileChanges)

        lines += ["", "Figures changed:"]
        lines += valueChanges.isEmpty ? ["  none"] : valueChanges.map { "  \($0.indicatorId): " + $0.areaCodes.joined(separator: ", ") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func changeLines(_ changes: [QuintileChange]) -> [String] {
        guard !changes.isEmpty else { return ["  none"] }
        return byArea(changes).map { area, changes in
            "  \(area): " + changes.map { change in
                var text = "\(subject(change)) \(quintile(change.from)) -> \(quintile(change.to))"
                switch change.crossing {
                case .into?: text += " (into highest need)"
                case .outOf?: text += " (out of highest need)"
                case nil: break
                }
                return text
            }.joined(separator: ", ")
        }
    }

    /// Changes grouped by area, keeping the order of first appearance.
    private func byArea(_ changes: [QuintileChange]) -> [(String, [QuintileChange])] {
        var order: [String] = []
        var groups: [String: [QuintileChange]] = [:]
        for change in changes {
            let area = change.areaName.isEmpty ? change.areaCode : "\(change.areaCode) \(change.areaName)"
            if groups[area] == nil { order.append(area) }
            groups[area, default: []].append(change)
        }
        return order.map { ($0, groups[$0] ?? []) }
    }

    private func subject(_ change: QuintileChange) -> String {
        switch change.subject {
        case .indicator(let id): id
        case .objective(let id): change.subjectTitle.isEmpty ? "objective \(id)" : "objective \(id) \(change.subjectTitle)"
        }
    }

    private func quintile(_ value: Int?) -> String {
        value.map(String.init) ?? "unranked"
    }

    private func list(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.joined(separator: ", ")
    }

    private func named(_ item: Item) -> String {
        item.name.isEmpty ? item.id : "\(item.id) \(item.name)"
    }

    private func titled(_ item: Item) -> String {
        item.name.isEmpty ? item.id : "\(item.id) (\(item.name))"
    }
}
