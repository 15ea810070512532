import AreaNeedsTables

extension Geography {
    /// Reads the areas table, the lookups and, when given, an ONS LSOA (2011) to LSOA (2021)
    /// best-fit lookup (columns LSOA11CD, LSOA21CD, CHGIND).
    ///
    /// Throws when a file cannot be read or lacks a column (`TableError`), or when two
    /// lookups are given for one geography or one for a geography that takes none
    /// (`GeographyProblem`). Problems in the rows are kept for `check`, so all are reported
    /// at once. `lsoa11Population`, when given, weights the 2011 parts of a merged 2021 LSOA.
    package static func load(
        areas: AreasFile, lookups: [LookupFile], lsoa21BestFit: String?,
        lsoa11Population: [String: Double] = [:]
    ) throws -> Geography {
        var seen: [GeographyLevel: LookupFile] = [:]
        for lookup in lookups {
            if lookup.level == .district || lookup.level == .area || lookup.level == .county {
                throw GeographyProblem(.lookupNotNeeded(level: lookup.level), file: lookup.path)
            }
            if let other = seen[lookup.level] {
                throw GeographyProblem(.lookupRepeated(level: lookup.level, otherFile: other.path), file: lookup.path)
            }
            seen[lookup.level] = lookup
        }

        // The areas table and the lookups are read side by side, one per core: the
        // output-area lookup of a national geography is most of the reading.
        let read = ParallelReads<(file: FileRead, problems: [GeographyProblem])>(count: lookups.count + 1) { index in
            var problems: [GeographyProblem] = []
            if index == 0 { return (.areas(try readAreas(areas, problems: &problems)), problems) }
            return (.lookup(try readLookup(lookups[index - 1], problems: &problems)), problems)
        }
        var problems: [GeographyProblem] = []
        var areaRows: [(line: Int, area: Area)] = []
        var loaded: [GeographyLevel: Lookup] = [:]
        for (index, result) in try read.results().enumerated() {
            switch result.file {
            case .areas(let rows): areaRows = rows
            case .lookup(let builder): loaded[lookups[index - 1].level] = Lookup(file: lookups[index - 1], builder: builder)
            }
            problems += result.problems
        }
        let bestFit = try lsoa21BestFit.map { try BestFitLookup.load(path: $0, problems: &problems) }
        return Geography(
            areasFile: areas, areaRows: areaRows, lookups: loaded, bestFit: bestFit,
            lsoa11Population: lsoa11Population, readProblems: problems)
    }

    /// What one of the geography's files gave.
    private enum FileRead {
        case areas([(line: Int, area: Area)])
        case lookup(Lookup.Builder)
    }

    /// Reads the areas table alone, for steps that need the areas but not the lookups (the
    /// districts of the areas, to rank within them). Throws `GeographyCheckFailure` when a
    /// row cannot be used; a repeated code is kept once, as `load` keeps it.
    package static func loadAreas(_ file: AreasFile) throws -> [Area] {
        var problems: [GeographyProblem] = []
        let rows = try readAreas(file, problems: &problems)
        if !problems.isEmpty { throw GeographyCheckFailure(problems: problems) }
        var seen: Set<String> = []
        return rows.compactMap { seen.insert($0.area.code).inserted ? $0.area : nil }
    }

    private static func readAreas(_ file: AreasFile, problems: inout [GeographyProblem]) throws -> [(line: Int, area: Area)] {
        let reader = try TableReader(path: file.path, options: file.readOptions)
        let header = reader.header
        let code = try header.column(file.codeColumn)
        let name = try header.column(file.nameColumn)
        let districtCode = try header.column(file.districtCodeColumn)
        let districtName = try header.column(file.districtNameColumn)
        let population = try header.optionalColumn(named: file.populationColumn, default: AreasFile.defaultPopulationColumn)

        var rows: [(line: Int, area: Area)] = []
        try reader.forEachRecord { record in
            var complete = true
            for column in [code, name, districtCode, districtName] where record.isEmpty(column) {
                problems.append(GeographyProblem(.emptyCell(column: column.name), file: file.path, line: record.line))
                complete = false
            }
            guard complete else { return }
            // Codes and names are published as they are: none may be live in a spreadsheet
            // or on a terminal. The row is kept, so that its lookups are not reported too.
            checkPublished([code, name, districtCode, districtName], of: record, in: file.path, problems: &problems)
            var area = Area(
                code: record.text(code), name: record.text(name),
                districtCode: record.text(districtCode), districtName: record.text(districtName))
            if let population {
                switch record.readNumber(population) {
                case .some(let value): area.population = value
                case .none where record.isEmpty(population): break
                case .none:
                    problems.append(GeographyProblem(
                        .notANumber(column: population.name, code: area.code, text: record.text(population)),
                        file: file.path, line: record.line))
                }
            }
            rows.append((record.line, area))
        }
        return rows
    }

    private static func readLookup(_ file: LookupFile, problems: inout [GeographyProblem]) throws -> Lookup.Builder {
        var builder = Lookup.Builder()
        try forEachLookupRecord(file, problems: &problems, reserve: { builder.reserveCapacity(rows: $0) }) { record, row in
            builder.append(line: record.line, code: row.code, name: row.name.flatMap(record.nonEmptyText), areaCode: row.area,
                           weight: row.weight)
        }
        return builder
    }

    /// Calls `body` with each row of a lookup file, in file order, as it is read: the small
    /// area's code, the area's code and the weight, 1 where the file has no weight column. For copying a lookup that `check` found no
    /// problem in, without building it; a row it cannot use (an empty cell, a weight that is
    /// not a number) is an error, thrown once every row is read.
    package static func forEachRow(
        ofLookup file: LookupFile, _ body: (_ code: AreaCode, _ area: AreaCode, _ weight: Double) throws -> Void
    ) throws {
        var problems: [GeographyProblem] = []
        try forEachLookupRecord(file, problems: &problems) { _, row in try body(row.code, row.area, row.weight) }
        if !problems.isEmpty { throw GeographyCheckFailure(problems: problems) }
    }

    /// A usable row of a lookup file.
    private struct LookupRecordRow {
        let code: AreaCode
        let area: AreaCode
        let weight: Double
        /// The name column, when the file has one.
        let name: TableColumn?
    }

    /// Reads a lookup file, calling `body` with each usable row and adding a problem for
    /// each other one; `reserve` is told about how many rows to expect.
    private static func forEachLookupRecord(
        _ file: LookupFile, problems: inout [GeographyProblem], reserve: (Int) -> Void = { _ in },
        _ body: (TableRecord, LookupRecordRow) throws -> Void
    ) throws {
        let reader = try TableReader(path: file.path, options: file.readOptions)
        let header = reader.header
        let code = try header.column(file.codeColumn)
        let area = try header.column(file.areaColumn)
        let name = try header.optionalColumn(named: file.nameColumn, default: file.defaultNameColumn)
        let weight = try header.optionalColumn(named: file.weightColumn, default: LookupFile.defaultWeightColumn)
        // A lookup row is a small-area code and an area code, rarely under 18 bytes.
        reserve(reader.fileSize / 18 + 16)
        try reader.forEachRecord { record in
            if record.isEmpty(code) || record.isEmpty(area) {
                for column in [code, area] where record.isEmpty(column) {
                    problems.append(GeographyProblem(.emptyCell(column: column.name), file: file.path, line: record.line))
                }
                return
            }
            checkPublished([code, area], of: record, in: file.path, problems: &problems)
            var share = 1.0
            if let weight {
                guard let value = record.readNumber(weight) else {
                    problems.append(GeographyProblem(
                        .notANumber(column: weight.name, code: record.text(code), text: record.text(weight)),
                        file: file.path, line: record.line))
                    return
                }
                share = value
            }
            try body(record, LookupRecordRow(code: record.areaCode(code), area: record.areaCode(area), weight: share, name: name))
        }
    }
}

extension Geography {
    /// Adds a problem for each of `columns` of `record` that a release could not publish
    /// (`SafeText`): a control character, or the start of a spreadsheet formula.
    private static func checkPublished(_ columns: [TableColumn], of record: TableRecord, in file: String,
                                       problems: inout [GeographyProblem]) {
        for column in columns {
            if let reason = record.publishingProblem(column) {
                problems.append(GeographyProblem(.unpublishableText(column: column.name, text: record.text(column), reason: reason),
                                                 file: file, line: record.line))
            }
        }
    }
}

extension TableHeader {
    /// The column `name` when one is named (it must exist), otherwise `defaultName` when
    /// the header has it, otherwise nil.
    func optionalColumn(named name: String?, default defaultName: String) throws(TableError) -> TableColumn? {
        if let name { return try column(name) }
        return contains(defaultName) ? try column(defaultName) : nil
    }
}

extension TableRecord {
    /// The field as a number; nil when it is empty, a suppression marker or not a number.
    func readNumber(_ column: TableColumn) -> Double? {
        (try? number(column))?.number
    }
}
