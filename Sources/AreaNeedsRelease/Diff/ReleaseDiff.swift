import AreaNeedsCore

/// What changed between two releases: tables, columns, areas and indicators added, removed
/// or redefined; every figure that changed, with its old and new value, need rank and
/// quintile; every objective need that moved; above all the areas that crossed the
/// highest-need line (quintile 2 to 3, or back), which changes the 5%/10% answer.
///
/// Both releases are verified against their checksums when opened, so a difference is
/// always a real one.
package struct ReleaseDiff: Sendable, Equatable {
    /// One of the two releases compared.
    package struct Side: Sendable, Equatable {
        package var pipeline: String
        package var version: ReleaseVersion
        package var folder: String

        package init(pipeline: String, version: ReleaseVersion, folder: String) {
            self.pipeline = pipeline
            self.version = version
            self.folder = folder
        }
    }

    /// An area or indicator: its code or id, and its name or title.
    package struct Item: Sendable, Equatable {
        package var id: String
        package var name: String

        package init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// Columns added to or removed from a table present in both releases.
    package struct ColumnChange: Sendable, Equatable {
        package var table: String
        package var added: [String]
        package var removed: [String]

        package init(table: String, added: [String], removed: [String]) {
            self.table = table
            self.added = added
            self.removed = removed
        }
    }

    package var from: Side
    package var to: Side
    package var tablesAdded: [String]
    package var tablesRemoved: [String]
    /// Tables in both releases whose bytes differ.
    package var tablesChanged: [String]
    package var columnChanges: [ColumnChange]
    package var areasAdded: [Item]
    package var areasRemoved: [Item]
    package var indicatorsAdded: [Item]
    package var indicatorsRemoved: [Item]
    /// Indicators in both whose method, source, polarity or other settings changed.
    package var indicatorsRedefined: [IndicatorRedefinition]
    /// Every area and indicator whose figure, need rank or quintile changed: by indicator
    /// (in the newer release's order), then area.
    package var indicatorChanges: [NeedChange]
    /// Every area and objective whose need rank or quintile changed: by objective, then area.
    package var objectiveChanges: [NeedChange]
    /// The newer release's indicators by id (the older one's for those removed), for their
    /// units when figures are written.
    let indicatorRows: [String: IndicatorRow]

    /// Whether the two releases hold the same tables, byte for byte.
    package var tablesIdentical: Bool {
        tablesAdded.isEmpty && tablesRemoved.isEmpty && tablesChanged.isEmpty
    }

    /// The changes that crossed the highest-need line.
    package var indicatorCrossings: [NeedChange] { indicatorChanges.filter { $0.crossing != nil } }
    package var objectiveCrossings: [NeedChange] { objectiveChanges.filter { $0.crossing != nil } }
    /// The changes whose figure itself changed (not only its rank, moved by others').
    package var valueChanges: [NeedChange] { indicatorChanges.filter(\.valueChanged) }

    /// Compares `from` (usually the older release) with `to`.
    package init(from old: Release, to new: Release) throws(AreaNeedsError) {
        from = Side(pipeline: old.pipeline, version: old.version, folder: old.folder)
        to = Side(pipeline: new.pipeline, version: new.version, folder: new.folder)

        let oldFiles = ReleaseFiles(folder: old.folder)
        let newFiles = ReleaseFiles(folder: new.folder)
        let oldTables = ReleaseDiff.tableColumns(oldFiles)
        let newTables = ReleaseDiff.tableColumns(newFiles)
        let oldNames = Set(oldTables.map(\.name))
        let newNames = Set(newTables.map(\.name))
        tablesAdded = newTables.map(\.name).filter { !oldNames.contains($0) }
        tablesRemoved = oldTables.map(\.name).filter { !newNames.contains($0) }
        tablesChanged = newTables.map(\.name).filter { name in
            oldNames.contains(name) && oldFiles.hash(of: name + ".csv") != newFiles.hash(of: name + ".csv")
        }
        let oldColumns = Dictionary(oldTables.map { ($0.name, $0.columns) }, uniquingKeysWith: { first, _ in first })
        columnChanges = newTables.compactMap { table in
            guard let before = oldColumns[table.name] else { return nil }
            let change = ColumnChange(
                table: table.name,
                added: table.columns.filter { !before.contains($0) },
                removed: before.filter { !table.columns.contains($0) })
            return change.added.isEmpty && change.removed.isEmpty ? nil : change
        }

        // Tables absent from a release read as empty, so a removed table does not stop
        // the rest of the comparison.
        let oldAreas = try ReleaseDiff.read(old.schema.areas.name, in: oldNames, old.areas())
        let newAreas = try ReleaseDiff.read(new.schema.areas.name, in: newNames, new.areas())
        let oldAreaCodes = Set(oldAreas.map(\.code))
        let newAreaCodes = Set(newAreas.map(\.code))
        areasAdded = newAreas.filter { !oldAreaCodes.contains($0.code) }.map { Item(id: $0.code, name: $0.name) }
        areasRemoved = oldAreas.filter { !newAreaCodes.contains($0.code) }.map { Item(id: $0.code, name: $0.name) }

        let oldIndicators = try ReleaseDiff.read(old.schema.indicators.name, in: oldNames, old.indicators())
        let newIndicators = try ReleaseDiff.read(new.schema.indicators.name, in: newNames, new.indicators())
        let oldIndicatorIds = Set(oldIndicators.map(\.id))
        let newIndicatorIds = Set(newIndicators.map(\.id))
        indicatorsAdded = newIndicators.filter { !oldIndicatorIds.contains($0.id) }.map { Item(id: $0.id, name: $0.title) }
        indicatorsRemoved = oldIndicators.filter { !newIndicatorIds.contains($0.id) }.map { Item(id: $0.id, name: $0.title) }
        let oldIndicatorRows = Dictionary(oldIndicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        indicatorRows = oldIndicatorRows.merging(newIndicators.map { ($0.id, $0) }, uniquingKeysWith: { _, new in new })
        indicatorsRedefined = newIndicators.compactMap { row in
            oldIndicatorRows[row.id].flatMap { IndicatorRedefinition(from: $0, to: row) }
        }

        // Areas and indicators in the newer release's order; those only in the older one
        // cannot have a change (they were removed).
        let areaOrder = Dictionary(newAreas.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let areaNames = Dictionary(newAreas.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let indicatorOrder = Dictionary(newIndicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let indicatorTitles = Dictionary(newIndicators.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let objectiveNames = Dictionary(
            try ReleaseDiff.read(new.schema.objectives.name, in: newNames, new.objectives()).map { ($0.id, $0.shortName) },
            uniquingKeysWith: { first, _ in first })
        let areaRank = { (code: String) in areaOrder[code] ?? Int.max }

        let oldNeeds = try ReleaseDiff.read(old.schema.indicatorNeeds.name, in: oldNames, old.indicatorNeeds())
        let newNeeds = try ReleaseDiff.read(new.schema.indicatorNeeds.name, in: newNames, new.indicatorNeeds())
        let before = Dictionary(oldNeeds.map { (IndicatorKey(area: $0.areaCode, indicator: $0.indicatorId), $0) },
                                uniquingKeysWith: { first, _ in first })
        indicatorChanges = newNeeds.compactMap { row -> NeedChange? in
            guard let previous = before[IndicatorKey(area: row.areaCode, indicator: row.indicatorId)] else { return nil }
            let from = NeedChange.Standing(value: previous.value, rank: previous.needRank, quintile: previous.needQuintile)
            let to = NeedChange.Standing(value: row.value, rank: row.needRank, quintile: row.needQuintile)
            guard from != to else { return nil }
            return NeedChange(areaCode: row.areaCode, areaName: areaNames[row.areaCode] ?? "", subject: .indicator(id: row.indicatorId),
                              subjectTitle: indicatorTitles[row.indicatorId] ?? "", from: from, to: to)
        }.sorted { left, right in
            guard case .indicator(let leftId) = left.subject, case .indicator(let rightId) = right.subject else { return false }
            return (indicatorOrder[leftId] ?? Int.max, leftId, areaRank(left.areaCode), left.areaCode)
                < (indicatorOrder[rightId] ?? Int.max, rightId, areaRank(right.areaCode), right.areaCode)
        }

        let oldObjectiveNeeds = try ReleaseDiff.read(old.schema.objectiveNeeds.name, in: oldNames, old.objectiveNeeds())
        let newObjectiveNeeds = try ReleaseDiff.read(new.schema.objectiveNeeds.name, in: newNames, new.objectiveNeeds())
        let objectivesBefore = Dictionary(oldObjectiveNeeds.map { (ObjectiveKey(area: $0.areaCode, objective: $0.objectiveId), $0) },
                                          uniquingKeysWith: { first, _ in first })
        objectiveChanges = newObjectiveNeeds.compactMap { row -> NeedChange? in
            guard let previous = objectivesBefore[ObjectiveKey(area: row.areaCode, objective: row.objectiveId)] else { return nil }
            let from = NeedChange.Standing(value: previous.meanNeedRank, rank: previous.needRank, quintile: previous.needQuintile)
            let to = NeedChange.Standing(value: row.meanNeedRank, rank: row.needRank, quintile: row.needQuintile)
            guard from.rank != to.rank || from.quintile != to.quintile else { return nil }
            return NeedChange(areaCode: row.areaCode, areaName: areaNames[row.areaCode] ?? "", subject: .objective(id: row.objectiveId),
                              subjectTitle: objectiveNames[row.objectiveId] ?? "", from: from, to: to)
        }.sorted { left, right in
            guard case .objective(let leftId) = left.subject, case .objective(let rightId) = right.subject else { return false }
            return (leftId, areaRank(left.areaCode), left.areaCode) < (rightId, areaRank(right.areaCode), right.areaCode)
        }
    }

    /// The change in one line: "1 area crossed into the highest-need fifths on 1
    /// objective; 1 figure changed on 1 indicator".
    package var summary: String {
        if tablesIdentical && columnChanges.isEmpty { return "No differences: the two releases hold the same tables, byte for byte." }
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        var parts: [String] = []
        for direction in [NeedChange.Crossing.into, .outOf] {
            let crossings = objectiveCrossings.filter { $0.crossing == direction }
            guard !crossings.isEmpty else { continue }
            let areas = Set(crossings.map(\.areaCode)).count
            let objectives = Set(crossings.map(\.subject)).count
            parts.append("\(count(areas, "area")) crossed \(direction == .into ? "into" : "out of") the highest-need fifths on \(count(objectives, "objective"))")
        }
        if parts.isEmpty { parts.append("no area crossed the highest-need line on any objective") }
        let changed = valueChanges
        parts.append(changed.isEmpty ? "no figure changed"
                     : "\(count(changed.count, "figure")) changed on \(count(Set(changed.map(\.subject)).count, "indicator"))")
        let structural = indicatorsAdded.count + indicatorsRemoved.count + indicatorsRedefined.count + areasAdded.count + areasRemoved.count
        if structural > 0 {
            var what: [String] = []
            if !indicatorsAdded.isEmpty { what.append("\(indicatorsAdded.count) added") }
            if !indicatorsRemoved.isEmpty { what.append("\(indicatorsRemoved.count) removed") }
            if !indicatorsRedefined.isEmpty { what.append("\(indicatorsRedefined.count) redefined") }
            if !what.isEmpty { parts.append("indicators: " + what.joined(separator: ", ")) }
            if !areasAdded.isEmpty || !areasRemoved.isEmpty { parts.append("areas: \(areasAdded.count) added, \(areasRemoved.count) removed") }
        }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    // MARK: - Reading

    private struct IndicatorKey: Hashable {
        var area: String
        var indicator: String
    }

    private struct ObjectiveKey: Hashable {
        var area: String
        var objective: Int
    }

    /// Each table the descriptor lists, with its columns, in the descriptor's order.
    private static func tableColumns(_ files: ReleaseFiles) -> [(name: String, columns: [String])] {
        (files.descriptor?["resources"]?.array ?? []).compactMap { resource in
            guard let name = resource["name"]?.string else { return nil }
            return (name, resource["schema"]?["fields"]?.array?.compactMap { $0["name"]?.string } ?? [])
        }
    }

    /// The rows of a table, or none when the release does not have it.
    private static func read<Row>(_ table: String, in tables: Set<String>,
                                  _ rows: @autoclosure () throws(AreaNeedsError) -> [Row]) throws(AreaNeedsError) -> [Row] {
        guard tables.contains(table) else { return [] }
        return try rows()
    }
}
