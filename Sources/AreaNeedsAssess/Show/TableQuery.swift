import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTables
import Foundation

/// A release table read for people (`areaneeds show`): its rows narrowed by area, district,
/// indicator, objective and need, its columns chosen, its rows sorted.
///
/// Each filter keeps the rows that match any of its terms; filters together keep the rows
/// that match every one. Names are resolved as `assess` resolves them (codes or names, any
/// case) and a name that matches nothing is an error with the nearest valid names.
package struct TableQuery: Sendable {
    /// The table's name, as the release lists it: `indicator_needs`.
    package var table: String
    /// Areas as `assess --areas` takes them: codes, names, districts, `county`.
    package var areas: [String] = []
    /// District codes or names: their areas.
    package var districts: [String] = []
    /// Indicator ids.
    package var indicators: [String] = []
    /// Objective numbers or short names.
    package var objectives: [String] = []
    /// Only rows in need quintile 1 or 2.
    package var highestNeed = false
    /// The columns to show, in order; all when empty.
    package var columns: [String] = []
    /// Sort keys, first first: a column, `column:desc` or `-column` for greatest first.
    package var sort: [String] = []

    package init(table: String) {
        self.table = table
    }

    /// The rows of the release's table that pass the filters.
    package func run(on release: Release) throws(AreaNeedsError) -> ShownTable {
        let tables = release.schema.tables
        guard let schema = tables.first(where: { $0.name == table }) else {
            let hint = NameSuggestions(names: tables.map(\.name)).hint(for: table)
            throw AreaNeedsError(.usage, """
                no table '\(table)' in release \(release.label)\(hint)
                  The tables are \(tables.map(\.name).joined(separator: ", ")).
                """)
        }
        let chosen = try chosenColumns(of: schema)
        let keys = try sortKeys(of: schema)
        let filters = try self.filters(for: schema, in: release)
        let allColumns = schema.columns
        // Read through the release's checks, as every reader of a release is.
        let reader = try release.tableReader(schema.name)
        guard reader.columns == allColumns else {
            throw AreaNeedsError(.inputData, "\(reader.path): the header is not the table's columns (\(allColumns.joined(separator: ",")))")
        }
        var rows: [[String]] = []
        try reader.forEachRecord { record in
            if filters.allSatisfy({ $0.keeps(record.texts) }) { rows.append(record.texts) }
        }
        rows = SortKey.sorted(rows, by: keys)
        let places = chosen.map { name in allColumns.firstIndex(of: name)! }
        return ShownTable(
            release: release.label, synthetic: release.synthetic, table: schema,
            fields: places.map { schema.fields[$0] }, rows: rows.map { row in places.map { row[$0] } },
            filters: filters.map(\.description))
    }

    // MARK: - Columns and sorting

    private func chosenColumns(of schema: TableSchema) throws(AreaNeedsError) -> [String] {
        let wanted = columns.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !wanted.isEmpty else { return schema.columns }
        try checkColumns(wanted, of: schema, option: "--columns")
        return wanted
    }

    private func sortKeys(of schema: TableSchema) throws(AreaNeedsError) -> [SortKey] {
        let keys = sort.flatMap { $0.split(separator: ",") }.map { SortKey(String($0)) }.filter { !$0.column.isEmpty }
        try checkColumns(keys.map(\.column), of: schema, option: "--sort")
        return keys.map { key in
            var key = key
            key.type = schema.fields.first { $0.name == key.column }!.type
            key.place = schema.columns.firstIndex(of: key.column)!
            return key
        }
    }

    private func checkColumns(_ names: [String], of schema: TableSchema, option: String) throws(AreaNeedsError) {
        let unknown = names.filter { !schema.columns.contains($0) }
        guard !unknown.isEmpty else { return }
        let suggestions = NameSuggestions(names: schema.columns)
        var lines = unknown.map { "\(option): no column '\($0)' in \(schema.name)\(suggestions.hint(for: $0))" }
        lines.append("  The columns of \(schema.name) are \(schema.columns.joined(separator: ", ")).")
        throw AreaNeedsError(.usage, lines.joined(separator: "\n"))
    }

    // MARK: - Filters

    /// A test on a row's texts, with what it asked for.
    private struct Filter {
        var description: String
        var keeps: ([String]) -> Bool
    }

    private func filters(for schema: TableSchema, in release: Release) throws(AreaNeedsError) -> [Filter] {
        var filters: [Filter] = []
        let wantsLookups = !areas.isEmpty || !districts.isEmpty || !indicators.isEmpty || !objectives.isEmpty
        let lookups = wantsLookups ? try Lookups(release) : nil
        if let lookups, !areas.isEmpty {
            let codes = Set(try AreaSelection.resolve(areas, in: lookups.needs).areas.map(\.code))
            filters.append(try areaFilter("--area " + areas.joined(separator: ","), codes, schema, release.schema))
        }
        if let lookups, !districts.isEmpty {
            let codes = Set(try lookups.districtAreas(districts).map(\.code))
            filters.append(try areaFilter("--district " + districts.joined(separator: ","), codes, schema, release.schema))
        }
        if let lookups, !indicators.isEmpty {
            let ids = Set(try lookups.indicatorIds(indicators))
            guard let place = schema.columns.firstIndex(of: "indicator_id") else {
                throw notApplicable("--indicator", schema, release.schema, column: "indicator_id")
            }
            filters.append(Filter(description: "--indicator " + indicators.joined(separator: ",")) { ids.contains($0[place]) })
        }
        if let lookups, !objectives.isEmpty {
            let chosen = try ObjectiveSelection.resolve(objectives, in: lookups.needs).objectives.map(\.id)
            let description = "--objective " + objectives.joined(separator: ",")
            if let place = schema.columns.firstIndex(of: "objective_id") {
                let ids = Set(chosen.map(String.init))
                filters.append(Filter(description: description) { ids.contains($0[place]) })
            } else if let place = schema.columns.firstIndex(of: "indicator_id") {
                // Need by indicator: the indicators that inform the objectives.
                let ids = Set(lookups.needs.indicators.filter { chosen.contains($0.objectiveId) }.map(\.id))
                filters.append(Filter(description: description) { ids.contains($0[place]) })
            } else {
                throw notApplicable("--objective", schema, release.schema, column: "objective_id")
            }
        }
        if highestNeed {
            guard let place = schema.columns.firstIndex(of: "highest_need") else {
                throw notApplicable("--highest-need", schema, release.schema, column: "highest_need")
            }
            filters.append(Filter(description: "--highest-need") { $0[place] == "true" })
        }
        return filters
    }

    /// Keeps the rows of `codes`' areas, by the table's area column (or, in the areas
    /// table, its code).
    private func areaFilter(_ description: String, _ codes: Set<String>, _ schema: TableSchema,
                            _ release: ReleaseSchema) throws(AreaNeedsError) -> Filter {
        guard let place = schema.columns.firstIndex(of: release.areaCode) else {
            throw notApplicable(String(description.prefix { $0 != " " }), schema, release, column: release.areaCode)
        }
        return Filter(description: description) { codes.contains($0[place]) }
    }

    private func notApplicable(_ option: String, _ schema: TableSchema, _ release: ReleaseSchema, column: String) -> AreaNeedsError {
        let tables = release.tables.filter { $0.columns.contains(column) || (column == "objective_id" && $0.columns.contains("indicator_id")) }
        return AreaNeedsError(.usage, """
            \(option) does not apply to \(schema.name), which has no \(column) column
              It applies to \(tables.map(\.name).joined(separator: ", ")).
            """)
    }
}

/// What the filters resolve names against: the release's areas, objectives and indicators.
private struct Lookups {
    let needs: NeedsRelease

    init(_ release: Release) throws(AreaNeedsError) {
        needs = NeedsRelease(
            source: ReleaseSource(pipeline: release.pipeline, version: release.version.description, title: release.title,
                                  synthetic: release.synthetic, folder: release.folder),
            policy: release.policy, areas: try release.areas(), objectives: try release.objectives(), outcomes: [],
            measures: [], indicators: try release.indicators(), indicatorNeeds: [], objectiveNeeds: [])
    }

    /// The areas of the districts named by code or name.
    func districtAreas(_ terms: [String]) throws(AreaNeedsError) -> [AreaRow] {
        let parts = terms.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var found: [AreaRow] = []
        var unknown: [String] = []
        for part in parts {
            let key = NameSuggestions.key(part)
            let areas = needs.areas.filter { NameSuggestions.key($0.districtCode) == key || NameSuggestions.key($0.districtName) == key }
            if areas.isEmpty { unknown.append(part) } else { found += areas }
        }
        guard unknown.isEmpty else {
            let suggestions = NameSuggestions(names: needs.areas.flatMap { [$0.districtCode, $0.districtName] })
            var lines = unknown.map { "unknown district '\($0)'\(suggestions.hint(for: $0))" }
            lines.append("  Districts are given by code or name, separated by commas.")
            throw AreaNeedsError(.usage, lines.joined(separator: "\n"))
        }
        return found
    }

    /// The ids of the indicators named by id, any case.
    func indicatorIds(_ terms: [String]) throws(AreaNeedsError) -> [String] {
        let parts = terms.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var ids: [String] = []
        var unknown: [String] = []
        for part in parts {
            if let indicator = needs.indicators.first(where: { NameSuggestions.key($0.id) == NameSuggestions.key(part) }) {
                ids.append(indicator.id)
            } else {
                unknown.append(part)
            }
        }
        guard unknown.isEmpty else {
            let suggestions = NameSuggestions(names: needs.indicators.map(\.id))
            var lines = unknown.map { "unknown indicator '\($0)'\(suggestions.hint(for: $0))" }
            lines.append("  Indicators are given by id, separated by commas: `areaneeds show indicators` lists them.")
            throw AreaNeedsError(.usage, lines.joined(separator: "\n"))
        }
        return ids
    }
}
