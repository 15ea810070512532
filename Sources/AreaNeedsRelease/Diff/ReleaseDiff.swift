import AreaNeedsCore

/// What changed between two releases: tables, columns, areas and indicators added or
/// removed, and the areas whose need quintiles moved, above all those that crossed the
/// highest-need line (quintile 2 to 3, or back), which changes the 5%/10% answer.
///
/// Both releases are verified against their checksums when opened, so a difference is
/// always a real one.
public struct ReleaseDiff: Sendable, Equatable {
    /// One of the two releases compared.
    public struct Side: Sendable, Equatable {
        public var pipeline: String
        public var version: ReleaseVersion
        public var folder: String

        public init(pipeline: String, version: ReleaseVersion, folder: String) {
            self.pipeline = pipeline
            self.version = version
            self.folder = folder
        }
    }

    /// An area or indicator: its code or id, and its name or title.
    public struct Item: Sendable, Equatable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// Columns added to or removed from a table present in both releases.
    public struct ColumnChange: Sendable, Equatable {
        public var table: String
        public var added: [String]
        public var removed: [String]

        public init(table: String, added: [String], removed: [String]) {
            self.table = table
            self.added = added
            self.removed = removed
        }
    }

    /// The areas whose figure on an indicator changed (whatever happened to its quintile).
    public struct ValueChange: Sendable, Equatable {
        public var indicatorId: String
        public var areaCodes: [String]

        public init(indicatorId: String, areaCodes: [String]) {
            self.indicatorId = indicatorId
            self.areaCodes = areaCodes
        }
    }

    public var from: Side
    public var to: Side
    public var tablesAdded: [String]
    public var tablesRemoved: [String]
    /// Tables in both releases whose bytes differ.
    public var tablesChanged: [String]
    public var columnChanges: [ColumnChange]
    public var areasAdded: [Item]
    public var areasRemoved: [Item]
    public var indicatorsAdded: [Item]
    public var indicatorsRemoved: [Item]
    /// By area (in the newer release's order), then indicator.
    public var indicatorQuintileChanges: [QuintileChange]
    /// By area, then objective.
    public var objectiveQuintileChanges: [QuintileChange]
    /// By indicator (in the newer release's order).
    public var valueChanges: [ValueChange]

    /// Whether the two releases hold the same tables, byte for byte.
    public var tablesIdentical: Bool {
        tablesAdded.isEmpty && tablesRemoved.isEmpty && tablesChanged.isEmpty
    }

    /// The quintile changes that crossed the highest-need line.
    public var indicatorCrossings: [QuintileChange] { indicatorQuintileChanges.filter { $0.crossing != nil } }
    public var objectiveCrossings: [QuintileChange] { objectiveQuintileChanges.filter { $0.crossing != nil } }

    /// Compares `from` (usually the older release) with `to`.
    public init(from old: Release, to new: Release) throws(AreaNeedsError) {
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
        let oldAreas = try ReleaseDiff.read("areas", in: oldNames, old.areas())
        let newAreas = try ReleaseDiff.read("areas", in: newNames, new.areas())
        let oldAreaCodes = Set(oldAreas.map(\.code))
        let newAreaCodes = Set(newAreas.map(\.code))
        areasAdded = newAreas.filter { !oldAreaCodes.contains($0.code) }.map { Item(id: $0.code, name: $0.name) }
        areasRemoved = oldAreas.filter { !newAreaCodes.contains($0.code) }.map { Item(id: $0.code, name: $0.name) }

        let oldIndicators = try ReleaseDiff.read("indicators", in: oldNames, old.indicators())
        let newIndicators = try ReleaseDiff.read("indicators", in: newNames, new.indicators())
        let oldIndicatorIds = Set(oldIndicators.map(\.id))
        let newIndicatorIds = Set(newIndicators.map(\.id))
        indicatorsAdded = newIndicators.filter { !oldIndicatorIds.contains($0.id) }.map { Item(id: $0.id, name: $0.title) }
        indicatorsRemoved = oldIndicators.filter { !newIndicatorIds.contains($0.id) }.map { Item(id: $0.id, name: $0.title) }

        // Areas and indicators in the newer release's order; those only in the older one
        // cannot have a change (they were removed).
        let areaOrder = Dictionary(newAreas.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let areaNames = Dictionary(newAreas.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let indicatorOrder = Dictionary(newIndicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let indicatorTitles = Dictionary(newIndicators.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let objectiveNames = Dictionary(
            try ReleaseDiff.read("objectives", in: newNames, new.objectives()).map { ($0.id, $0.shortName) },
            uniquingKeysWith: { first, _ in first })

        let oldNeeds = try ReleaseDiff.read("indicator_needs", in: oldNames, old.indicatorNeeds())
        let newNeeds = try ReleaseDiff.read("indicator_needs", in: newNames, new.indicatorNeeds())
        let before = Dictionary(oldNeeds.map { (IndicatorKey(area: $0.areaCode, indicator: $0.indicatorId), $0) },
                                uniquingKeysWith: { first, _ in first })
        var quintiles: [QuintileChange] = []
        var values: [String: [String]] = [:]
        for row in newNeeds {
            guard let previous = before[IndicatorKey(area: row.areaCode, indicator: row.indicatorId)] else { continue }
            if previous.needQuintile != row.needQuintile {
                quintiles.append(QuintileChange(
                    areaCode: row.areaCode, areaName: areaNames[row.areaCode] ?? "", subject: .indicator(id: row.indicatorId),
                    subjectTitle: indicatorTitles[row.indicatorId] ?? "", from: previous.needQuintile, to: row.needQuintile))
            }
            if previous.value != row.value {
                values[row.indicatorId, default: []].append(row.areaCode)
            }
        }
        let areaRank = { (code: String) in areaOrder[code] ?? Int.max }
        indicatorQuintileChanges = quintiles.sorted { left, right in
            guard case .indicator(let leftId) = left.subject, case .indicator(let rightId) = right.subject else { return false }
            return (areaRank(left.areaCode), left.areaCode, indicatorOrder[leftId] ?? Int.max, leftId)
                < (areaRank(right.areaCode), right.areaCode, indicatorOrder[rightId] ?? Int.max, rightId)
        }
        valueChanges = values.map { id, areas in
            ValueChange(indicatorId: id, areaCodes: areas.sorted { (areaRank($0), $0) < (areaRank($1), $1) })
        }.sorted { (indicatorOrder[$0.indicatorId] ?? Int.max, $0.indicatorId) < (indicatorOrder[$1.indicatorId] ?? Int.max, $1.indicatorId) }

        let oldObjectiveNeeds = try ReleaseDiff.read("objective_needs", in: oldNames, old.objectiveNeeds())
        let newObjectiveNeeds = try ReleaseDiff.read("objective_needs", in: newNames, new.objectiveNeeds())
        let objectivesBefore = Dictionary(oldObjectiveNeeds.map { (ObjectiveKey(area: $0.areaCode, objective: $0.objectiveId), $0) },
                                          uniquingKeysWith: { first, _ in first })
        objectiveQuintileChanges = newObjectiveNeeds.compactMap { row -> QuintileChange? in
            guard let previous = objectivesBefore[ObjectiveKey(area: row.areaCode, objective: row.objectiveId)],
                  previous.needQuintile != row.needQuintile else { return nil }
            return QuintileChange(
                areaCode: row.areaCode, areaName: areaNames[row.areaCode] ?? "", subject: .objective(id: row.objectiveId),
                subjectTitle: objectiveNames[row.objectiveId] ?? "", from: previous.needQuintile, to: row.needQuintile)
        }.sorted { left, right in
            guard case .objective(let leftId) = left.subject, case .objective(let rightId) = right.subject else { return false }
            return (areaRank(left.areaCode), left.areaCode, leftId) < (areaRank(right.areaCode), right.areaCode, rightId)
        }
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
