import AreaNeedsCore
import AreaNeedsTables

/// Reads one source file as published, once, for every unit that reads it (the indicators
/// of a deprivation file, say), and writes each unit's rows as tidy records.
///
/// Rows without an area code (totals, footers) are skipped and counted. The rows are
/// checked as they are read (`SourceChecks`); the staging tables are put in place only when
/// no check that is an error found a problem, so a failed ingest leaves the previous ones.
struct SourceReader {
    /// The units read: one file, read in the same way (`IngestUnit.Reading`).
    let units: [IngestUnit]
    let pipeline: Pipeline
    let progress: ProgressReporter
    /// The ingest stage's folder, where each unit's staging table goes.
    let folder: StageFolder
    /// Whether each unit's staging table is also kept in memory, for the next stage.
    let keepsTables: Bool

    /// What reading found, for the manifest and the log. Rows without an area code are
    /// totals and footers, normal in published tables: counted, not warned about.
    struct Result: Sendable {
        /// Rows written to the staging table.
        var rows = 0
        var missingValues = 0
        var rowsWithoutCode = 0
        /// Rows with an area code left out by `where:`, `where-not:`, `area-level:` or
        /// `period:` (rows of other breakdowns, levels and periods).
        var rowsLeftOut = 0
        var codesAdded: Int?
        var codesGone: Int?
        var warnings: [String] = []
        /// The staging table, once in place.
        var output: InputFile?
        /// The staging table's bytes, when kept in memory.
        var table: StagedTable?

        /// The counts the stage's log line shows.
        var counts: [String: Int] {
            var counts = ["rows": rows, "rows with missing values": missingValues,
                          "rows without an area code (totals, footers)": rowsWithoutCode]
            if rowsLeftOut > 0 { counts["rows of other breakdowns, levels or periods (where:, area-level:, period:)"] = rowsLeftOut }
            if let codesAdded { counts["area codes new since the previous ingest"] = codesAdded }
            if let codesGone { counts["area codes gone since the previous ingest"] = codesGone }
            return counts
        }
    }

    /// Reads the file into each unit's staging table; the results in the units' order.
    func read() throws(AreaNeedsError) -> [Result] {
        precondition(!units.isEmpty, "a file is read for at least one unit")
        if units.count == 1 { return [try read(units[0])] }
        let stagings: [UnitStaging]
        do {
            stagings = try readTogether(units)
        } catch {
            // Read again unit by unit, so each problem is told as it is when a file has one
            // unit: naming the unit and the setting it is about. Rare, and never half done:
            // no staging table was put in place.
            return try Parallel.collect(units.map { unit in
                Swift.Result { () throws(AreaNeedsError) in try read(unit) }
            })
        }
        var results: [Result] = []
        for staging in stagings {
            var result = staging.result
            do {
                (result.output, result.table) = try staging.commit()
            } catch {
                throw mapped(error, unit: staging.unit)
            }
            results.append(result)
        }
        return results
    }

    /// Reads one unit alone, its table put in place when its checks pass.
    private func read(_ unit: IngestUnit) throws(AreaNeedsError) -> Result {
        do {
            let staging = try readTogether([unit])[0]
            var result = staging.result
            (result.output, result.table) = try staging.commit()
            return result
        } catch {
            throw mapped(error, unit: unit)
        }
    }

    /// Reads the file once for `units`; their tables written and checked, not yet in place.
    private func readTogether(_ units: [IngestUnit]) throws -> [UnitStaging] {
        let reading = units[0].reading(in: pipeline)
        let reader = try openReader(reading, units: units)
        // The progress line names the unit, or the file that several share.
        let task = units.count == 1 ? units[0].label : "\(reading.path.split(separator: "/").last ?? "") (\(units.count) sources)"
        reader.onProgress = { [progress] read, size in
            progress.update(task, fraction: size > 0 ? Double(read) / Double(size) : 0)
        }
        defer { progress.finish(task) }

        var stagings = try units.map { unit in
            try UnitStaging(unit, header: reader.header, numbers: reader.numbers, folder: folder, pipeline: pipeline, keepsTable: keepsTables)
        }
        // The census tables have dozens of columns, of which the units read a few.
        if let last = stagings.flatMap(\.columnsRead).max(by: { $0.index < $1.index }) { reader.readFields(upTo: last) }
        try reader.forEachRecord { record in
            for index in stagings.indices { try stagings[index].take(record) }
        }
        for staging in stagings {
            try checkRowsKept(staging, reading: reading)
        }
        for index in stagings.indices {
            let codeColumn = SourceReader.columnKeys(of: stagings[index].unit).first { $0.key == "area-code" }?.column ?? ""
            try stagings[index].check(header: (reader.headerLine, codeColumn))
        }
        return stagings
    }

    /// Throws when a unit's row filters kept no row of a file that has rows: an input error
    /// naming the column and the values it holds most, read again to count them.
    private func checkRowsKept(_ staging: UnitStaging, reading: IngestUnit.Reading) throws {
        guard let filter = staging.filter, staging.rowsFiltered > 0, let position = filter.blamed else { return }
        let blamed = filter.tests[position]
        let reader = try openReader(reading, units: [staging.unit])
        let seen = try filter.valuesSeen(in: reader, codeColumn: staging.codeColumn)
        let values = blamed.texts.map { "\"\($0)\"" }.joined(separator: " or ")
        let holds = seen.values.map { "\"\($0.text)\" (\($0.rows) row\($0.rows == 1 ? "" : "s"))" }.joined(separator: ", ")
            + (seen.distinct > seen.values.count ? ", and \(seen.distinct - seen.values.count) other values" : "")
        let found = blamed.keeps
            ? "no row has \(values) in column \"\(blamed.column.name)\""
            : "every row has \(values) in column \"\(blamed.column.name)\""
        let among = position == 0 ? "" : " (of the rows the conditions before it keep)"
        throw AreaNeedsError(.inputData, "\(staging.unit.label): \(reading.path): \(found)\(among), so `\(blamed.key):` keeps no row; the column holds \(holds.isEmpty ? "nothing" : holds)\n  (set in \(pipeline.locate(staging.unit.keyPath(blamed.key, in: pipeline))))")
    }

    /// The error of a unit's read, naming the unit and the pipeline setting it is about.
    private func mapped(_ error: any Error, unit: IngestUnit) -> AreaNeedsError {
        switch error {
        case let error as TableError:
            if let limit = limit(for: error) {
                return AreaNeedsError(.inputData, "\(unit.label): \(error)\n  (the limit is `limits: {\(limit)}` in \(pipeline.path))")
            }
            return AreaNeedsError(error, context: unit.label, setting: setting(for: error, unit: unit))
        case let error as AreaNeedsError:
            return error
        default:
            return AreaNeedsError(.internal, "\(unit.label): \(error)")
        }
    }

    /// The pipeline setting a table error is about: the column, the sheet, the encoding or
    /// the file.
    private func setting(for error: TableError, unit: IngestUnit) -> String {
        if case .columnNotFound(let name, _) = error.kind, let key = SourceReader.columnKeys(of: unit).first(where: { $0.column == name })?.key {
            return pipeline.locate(unit.keyPath(key, in: pipeline))
        }
        let reading = unit.reading(in: pipeline)
        switch error.kind {
        case .sheetNotFound, .notAWorkbook:
            return pipeline.locate(unit.keyPath("sheet", in: pipeline))
        case .invalidUTF8 where reading.encoding == .utf8:
            return pipeline.locate(unit.keyPath("file", in: pipeline)) + "; add `encoding:` beside it"
        case .sheetNotChosen:
            return pipeline.locate(unit.keyPath("file", in: pipeline)) + "; add `sheet:` beside it"
        default:
            return pipeline.locate(unit.keyPath("file", in: pipeline))
        }
    }

    /// The pipeline's limit that a table error hit, as `key: value`; nil for other errors.
    private func limit(for error: TableError) -> String? {
        let limits = pipeline.file.limits
        switch error.kind {
        case .decompressedTooLarge: return "max-decompressed-bytes: \(limits.maxDecompressedBytes)"
        case .fieldTooLarge: return "max-field-bytes: \(limits.maxFieldBytes)"
        case .rowTooLarge: return "max-row-bytes: \(limits.maxRowBytes)"
        case .sharedStringsTooLarge: return "max-shared-string-bytes: \(limits.maxSharedStringBytes)"
        default: return nil
        }
    }

    /// The columns a unit names, with the pipeline key that names each.
    private static func columnKeys(of unit: IngestUnit) -> [(key: String, column: String)] {
        switch unit {
        case .indicator(_, let source):
            var keys = [("area-code", source.areaCode)]
            for (field, spec) in IngestedField.named(in: source) {
                let key = field == .events && source.deaths == nil ? "events" : field.pipelineKey
                if let column = spec.column { keys.append((key, column)) }
                keys += (spec.rows?.columns ?? []).map { ("\(field.pipelineKey).where", $0) }
                keys += (spec.exceptRows?.columns ?? []).map { ("\(field.pipelineKey).where-not", $0) }
            }
            keys += (source.rows?.columns ?? []).map { ("where", $0) }
            keys += (source.exceptRows?.columns ?? []).map { ("where-not", $0) }
            if let level = source.areaLevel { keys.append(("area-level.column", level.column)) }
            if let period = source.period { keys.append(("period.column", period.column)) }
            return keys
        case .population(_, let spec):
            return [("area-code", spec.areaCode), ("column", spec.column)]
        }
    }

    /// Opens the table with its header found as the first row holding every column the
    /// units name. When no row holds them all, the row holding the area-code column is
    /// taken instead, so the error names the column that is missing and lists the header.
    private func openReader(_ reading: IngestUnit.Reading, units: [IngestUnit]) throws -> TableReader {
        let path = reading.path
        func options(_ header: HeaderLocation) -> ReadOptions {
            ReadOptions(header: header, sheet: reading.sheet, encoding: reading.encoding, extraMissingMarkers: reading.missingMarkers,
                        limits: pipeline.file.limits.readLimits)
        }
        if let headerLine = reading.headerLine {
            return try TableReader(path: path, options: options(.line(headerLine)))
        }
        var columns: [String] = []
        for unit in units {
            for (_, column) in SourceReader.columnKeys(of: unit) where !columns.contains(column) { columns.append(column) }
        }
        let first = SourceReader.attempt(path, options(.containing(columns)))
        if let reader = first.reader { return reader }
        if case .headerNotFound? = first.error?.kind, let code = columns.first {
            return try TableReader(path: path, options: options(.containing([code])))
        }
        throw first.error!
    }

    private static func attempt(_ path: String, _ options: ReadOptions) -> (reader: TableReader?, error: TableError?) {
        do {
            return (try TableReader(path: path, options: options), nil)
        } catch {
            return (nil, error)
        }
    }
}
