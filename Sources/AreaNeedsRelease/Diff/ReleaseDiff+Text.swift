extension ReleaseDiff {
    /// Up to this many areas whose rank alone moved are named per indicator; beyond it they
    /// are counted (`--json` lists every one).
    static let listedRankMoves = 10

    /// The difference for people: a one-line summary; the areas that crossed the
    /// highest-need line (objectives first: they change 5%/10% answers); every figure that
    /// changed, with its old and new value, rank and quintile; objective moves; ranks moved
    /// by other areas' figures; then what was added, removed or redefined.
    package var text: String {
        var lines = ["From \(from.pipeline) \(from.version) to \(to.pipeline) \(to.version)",
                     "  \(from.folder)", "  \(to.folder)", ""]
        lines.append(summary)
        if tablesIdentical && columnChanges.isEmpty {
            return lines.joined(separator: "\n") + "\n"
        }

        lines += ["", "Crossed the highest-need line on objectives (into or out of need quintiles 1 and 2):"]
        lines += objectiveCrossings.isEmpty ? ["  none"] : objectiveCrossings.map { "  " + line($0) }
        lines += ["", "Crossed the highest-need line on indicators:"]
        lines += indicatorCrossings.isEmpty ? ["  none"] : indicatorCrossings.map { "  " + line($0) }

        lines += ["", "Figures changed (old -> new; need rank 1 = greatest need):"]
        lines += valueChanges.isEmpty ? ["  none"] : grouped(valueChanges)

        lines += ["", "Objective need moved:"]
        lines += objectiveChanges.isEmpty ? ["  none"] : objectiveChanges.map { "  " + line($0) }

        let rankOnly = indicatorChanges.filter { !$0.valueChanged }
        lines += ["", "Ranks moved by other areas' figures (own figure unchanged):"]
        lines += rankOnly.isEmpty ? ["  none"] : rankMoves(rankOnly)

        lines += ["", "Tables changed: " + list(tablesChanged)]
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
        for redefinition in indicatorsRedefined {
            structure.append("Indicator redefined: \(redefinition.indicatorId) (\(redefinition.title)): "
                             + redefinition.changes.map { "\($0.field) \(shown($0.from)) -> \(shown($0.to))" }.joined(separator: "; "))
        }
        lines += structure.isEmpty ? ["No tables, columns, areas or indicators added, removed or redefined."] : structure
        return lines.joined(separator: "\n") + "\n"
    }

    /// "SPA02 Burnley Central: objective 5 environment: rank 20 -> 9, quintile 3 -> 2 (into
    /// highest need)".
    private func line(_ change: NeedChange) -> String {
        var parts: [String] = []
        if change.valueChanged, case .indicator(let id) = change.subject {
            parts.append(figure(change.from.value, id) + " -> " + figure(change.to.value, id))
        }
        if change.from.rank != change.to.rank { parts.append("rank \(text(change.from.rank)) -> \(text(change.to.rank))") }
        if change.quintileChanged { parts.append("quintile \(text(change.from.quintile)) -> \(text(change.to.quintile))") }
        var line = "\(area(change)): \(subject(change)): " + parts.joined(separator: ", ")
        switch change.crossing {
        case .into?: line += " (into highest need)"
        case .outOf?: line += " (out of highest need)"
        case nil: break
        }
        return line
    }

    /// Changes grouped under their indicator.
    private func grouped(_ changes: [NeedChange]) -> [String] {
        var lines: [String] = []
        var current: NeedChange.Subject?
        for change in changes {
            if change.subject != current {
                current = change.subject
                lines.append("  " + subject(change) + (change.subjectTitle.isEmpty ? "" : " (\(change.subjectTitle))") + ":")
            }
            lines.append("    " + line(change).replacingOccurrences(of: ": \(subject(change)): ", with: ": "))
        }
        return lines
    }

    /// Per indicator: the areas whose rank alone moved, each with its move up to a few,
    /// quintile changes always named.
    private func rankMoves(_ changes: [NeedChange]) -> [String] {
        var lines: [String] = []
        var order: [NeedChange.Subject] = []
        var bySubject: [NeedChange.Subject: [NeedChange]] = [:]
        for change in changes {
            if bySubject[change.subject] == nil { order.append(change.subject) }
            bySubject[change.subject, default: []].append(change)
        }
        for key in order {
            let moves = bySubject[key] ?? []
            let quintiles = moves.filter(\.quintileChanged)
            var line = "  \(subject(moves[0])): \(moves.count) area\(moves.count == 1 ? "" : "s") moved"
            if moves.count <= ReleaseDiff.listedRankMoves {
                line += " (" + moves.map { "\($0.areaCode) \(text($0.from.rank)) -> \(text($0.to.rank))" }.joined(separator: ", ") + ")"
            }
            lines.append(line + (quintiles.isEmpty ? "; no quintile changed" : ""))
            for change in quintiles {
                lines.append("    " + self.line(change).replacingOccurrences(of: ": \(subject(change)): ", with: ": "))
            }
        }
        return lines
    }

    private func area(_ change: NeedChange) -> String {
        change.areaName.isEmpty ? change.areaCode : "\(change.areaCode) \(change.areaName)"
    }

    private func subject(_ change: NeedChange) -> String {
        switch change.subject {
        case .indicator(let id): id
        case .objective(let id): change.subjectTitle.isEmpty ? "objective \(id)" : "objective \(id) \(change.subjectTitle)"
        }
    }

    /// A figure with its indicator's unit; "no figure" when missing.
    private func figure(_ value: Double?, _ indicator: String) -> String {
        guard let value else { return "no figure" }
        guard let row = indicatorRows[indicator] else { return FigureText.readable(value) }
        return FigureText.value(value, of: row)
    }

    private func text(_ value: Int?) -> String {
        value.map(String.init) ?? "unranked"
    }

    private func shown(_ value: String) -> String {
        value.isEmpty ? "(none)" : value
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
