import AreaNeedsCore
import AreaNeedsTables

/// Reads one source file as published and writes its rows as tidy records.
///
/// Rows without an area code (totals, footers) are skipped and counted. The rows are
/// checked as they are read (`SourceChecks`); the staging table is put in place only when
/// no check that is an error found a problem, so a failed ingest leaves the previous one.
struct SourceReader {
    let unit: IngestUnit
    let pipeline: Pipeline
    let progress: ProgressReporter

    /// What reading found, for the manifest and the log. Rows without an area code are
    /// totals and footers, normal in published tables: counted, not warned about.
    struct Result {
        /// Rows written to the staging table.
        var rows = 0
        var missingValues = 0
        var rowsWithoutCode = 0
        var codesAdded: Int?
        var codesGone: Int?
        var warnings: [String] = []

        /// The counts the stage's log line shows.
        var counts: [String: Int] {
            var counts = ["rows": rows, "rows with missing values": missingValues,
                          "rows without an area code (totals, footers)": rowsWithoutCode]
            if let codesAdded { counts["area codes new since the previous ingest"] = codesAdded }
            if let codesGone { counts["area codes gone since the previous ingest"] = codesGone }
            return counts
        }
    }

    func read(into outputPath: String) throws(AreaNeedsError) -> Result {
        let path = pipeline.resolve(unit.file)
        do {
            return try readTable(path, into: outputPath)
        } catch let error as TableError {
            if let limit = limit(for: error) {
                throw AreaNeedsError(.inputData, "\(unit.label): \(error)\n  (the limit is `limits: {\(limit)}` in \(pipeline.path))")
            }
            throw AreaNeedsError(error, context: unit.label, setting: setting(for: error))
        } catch let error as AreaNeedsError {
            throw error
        } catch {
            throw AreaNeedsError(.internal, "\(unit.label): \(error)")
        }
    }

    /// The pipeline setting a table error is about: the column or the file.
    private func setting(for error: TableError) -> String {
        if case .columnNotFound(let name, _) = error.kind, let key = columnKeys.first(where: { $0.column == name })?.key {
            return pipeline.locate(unit.keyPath(key, in: pipeline))
        }
        return pipeline.locate(unit.keyPath("file", in: pipeline))
    }

    /// The pipeline's limit that a table error hit, as `key: value`; nil for other errors.
    private func limit(for error: TableError) -> String? {
        let limits = pipeline.file.limits
        switch error.kind {
        case .decompressedTooLarge: return "max-decompressed-bytes: \(limits.maxDecompressedBytes)"
        case .fieldTooLarge: return "max-field-bytes: \(limits.maxFieldBytes)"
        case .rowTooLarge: return "max-row-bytes: \(limits.maxRowBytes)"
        default: return nil
        }
    }

    /// The columns this unit names, with the pipeline key that names each.
    private var columnKeys: [(key: String, column: String)] {
        switch unit {
        case .indicator(_, let source):
            let named: [(String, String?)] = [
                ("area-code", source.areaCode), ("area-name", source.areaName), ("district", source.district), ("value", source.value),
                ("numerator", source.numerator), ("denominator", source.denominator),
                ("population", source.population), ("decile", source.decile),
            ]
            return named.compactMap { key, column in column.map { (key, $0) } }
        case .population(_, let spec):
            return [("area-code", spec.areaCode), ("column", spec.column)]
        }
    }

    private func readTable(_ path: String, into outputPath: String) throws -> Result {
        let headerLine: Int?
        let markers: [String]
        switch unit {
        case .indicator(_, let source):
            headerLine = source.headerLine
            markers = source.missingMarkers
        case .population(_, let spec):
            headerLine = spec.headerLine
            markers = []
        }
        // Read before the new table replaces it.
        let baseline = AreaBaseline.read(outputPath)
        let reader = try openReader(path, headerLine: headerLine, markers: markers)
        let task = unit.label
        reader.onProgress = { [progress] read, size in
            progress.update(task, fraction: size > 0 ? Double(read) / Double(size) : 0)
        }
        defer { progress.finish(task) }

        var checks = SourceChecks(unit: unit, pipeline: pipeline)
        let writer: TableWriter
        var result: Result
        switch unit {
        case .indicator(_, let source):
            writer = try TableWriter(path: outputPath, columns: StagingTables.ingestedColumns, durable: false)
            result = try readIndicator(reader, source, into: writer, checks: &checks)
        case .population(_, let spec):
            writer = try TableWriter(path: outputPath, columns: StagingTables.populationColumns, durable: false)
            result = try readPopulation(reader, spec, into: writer, checks: &checks)
        }
        let codeColumn = columnKeys.first { $0.key == "area-code" }?.column ?? ""
        let changes = baseline?.changes(to: checks.seen)
        result.codesAdded = changes?.added.count
        result.codesGone = changes?.gone.count
        result.warnings = try checks.report(changes: changes, header: (reader.headerLine, codeColumn)).finish()
        try writer.finish()
        return result
    }

    /// Opens the table with its header found as the first row holding every column the
    /// unit names. When no row holds them all, the row holding the area-code column is
    /// taken instead, so the error names the column that is missing and lists the header.
    private func openReader(_ path: String, headerLine: Int?, markers: [String]) throws -> TableReader {
        let limits = pipeline.file.limits.readLimits
        if let headerLine {
            return try TableReader(path: path, options: ReadOptions(header: .line(headerLine), extraMissingMarkers: markers, limits: limits))
        }
        let columns = columnKeys.map(\.column)
        let first = SourceReader.attempt(path, ReadOptions(header: .containing(columns), extraMissingMarkers: markers, limits: limits))
        if let reader = first.reader { return reader }
        if case .headerNotFound? = first.error?.kind, let code = columns.first {
            return try TableReader(path: path, options: ReadOptions(header: .containing([code]), extraMissingMarkers: markers, limits: limits))
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

    private func readIndicator(_ reader: TableReader, _ source: SourceSpec, into writer: TableWriter, checks: inout SourceChecks) throws -> Result {
        let header = reader.header
        let code = try header.column(source.areaCode)
        let name = try source.areaName.map(header.column)
        let district = try source.district.map(header.column)
        let figures: [(label: String, column: TableColumn?)] = try [
            ("value", source.value.map(header.column)),
            ("numerator", source.numerator.map(header.column)),
            ("denominator", source.denominator.map(header.column)),
            ("population", source.population.map(header.column)),
            ("decile", source.decile.map(header.column)),
        ]
        var result = Result()
        try reader.forEachRecord { record in
            guard let areaCode = record.nonEmptyText(code) else {
                result.rowsWithoutCode += 1
                return
            }
            guard checks.admit(areaCode, line: record.line) else { return }
            // Written field by field: an array of strings per row, and a string per number,
            // were a fifth of the ingest stage on the national benchmark (1.6 million rows).
            var numbers: [Double?] = [nil, nil, nil, nil, nil]
            var missing: [String] = []
            try writer.writeRow { fields in
                fields.append(areaCode)
                fields.append(name.map(record.text) ?? "")
                fields.append(district.map(record.text) ?? "")
                for (index, figure) in figures.enumerated() {
                    guard let column = figure.column else {
                        fields.append("")
                        continue
                    }
                    switch try record.number(column) {
                    case .number(let value):
                        fields.append(number: value)
                        numbers[index] = value
                    case .missing(let marker):
                        fields.append("")
                        missing.append("\(figure.label): \(marker)")
                    }
                }
                fields.append(missing.joined(separator: "; "))
                fields.append(record.line)
            }
            checks.check(areaCode, line: record.line, value: numbers[0], numerator: numbers[1], denominator: numbers[2], population: numbers[3])
            if !missing.isEmpty { result.missingValues += 1 }
            result.rows += 1
        }
        return result
    }

    private func readPopulation(_ reader: TableReader, _ spec: PopulationSpec, into writer: TableWriter, checks: inout SourceChecks) throws -> Result {
        let code = try reader.header.column(spec.areaCode)
        let column = try reader.header.column(spec.column)
        var result = Result()
        try reader.forEachRecord { record in
            guard let areaCode = record.nonEmptyText(code) else {
                result.rowsWithoutCode += 1
                return
            }
            guard checks.admit(areaCode, line: record.line) else { return }
            let population = try record.number(column).number
            if let population {
                checks.check(areaCode, line: record.line, population: population)
            } else {
                result.missingValues += 1
            }
            try writer.writeRow { fields in
                fields.append(areaCode)
                if let population { fields.append(number: population) } else { fields.append("") }
                fields.append(record.line)
            }
            result.rows += 1
        }
        return result
    }
}
