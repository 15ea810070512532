import AreaNeedsCore
import AreaNeedsTables

/// Reads one source file as published and writes its rows as tidy records.
///
/// Rows without an area code (totals, footers) are skipped and counted; a code that
/// appears twice is an error naming both lines. Missing figures keep their marker.
struct SourceReader {
    let unit: IngestUnit
    let pipeline: Pipeline
    let progress: ProgressReporter

    /// What reading found, for the manifest and the log. Rows without an area code are
    /// totals and footers, normal in published tables: counted, not warned about.
    struct Result {
        var rows = 0
        var missingValues = 0
        var rowsWithoutCode = 0
        var warnings: [String] = []
    }

    func read(into outputPath: String) throws(AreaNeedsError) -> Result {
        let path = pipeline.resolve(unit.file)
        do {
            return try readTable(path, into: outputPath)
        } catch let error as TableError {
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
        let reader = try openReader(path, headerLine: headerLine, markers: markers)
        let task = unit.label
        reader.onProgress = { [progress] read, size in
            progress.update(task, fraction: size > 0 ? Double(read) / Double(size) : 0)
        }
        defer { progress.finish(task) }

        switch unit {
        case .indicator(_, let source):
            return try readIndicator(reader, source, into: outputPath)
        case .population(_, let spec):
            return try readPopulation(reader, spec, into: outputPath)
        }
    }

    /// Opens the table with its header found as the first row holding every column the
    /// unit names. When no row holds them all, the row holding the area-code column is
    /// taken instead, so the error names the column that is missing and lists the header.
    private func openReader(_ path: String, headerLine: Int?, markers: [String]) throws -> TableReader {
        if let headerLine {
            return try TableReader(path: path, options: ReadOptions(header: .line(headerLine), extraMissingMarkers: markers))
        }
        let columns = columnKeys.map(\.column)
        let first = SourceReader.attempt(path, .containing(columns), markers)
        if let reader = first.reader { return reader }
        if case .headerNotFound? = first.error?.kind, let code = columns.first {
            return try TableReader(path: path, options: ReadOptions(header: .containing([code]), extraMissingMarkers: markers))
        }
        throw first.error!
    }

    private static func attempt(_ path: String, _ header: HeaderLocation, _ markers: [String]) -> (reader: TableReader?, error: TableError?) {
        do {
            return (try TableReader(path: path, options: ReadOptions(header: header, extraMissingMarkers: markers)), nil)
        } catch {
            return (nil, error)
        }
    }

    private func readIndicator(_ reader: TableReader, _ source: SourceSpec, into outputPath: String) throws -> Result {
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
        let writer = try TableWriter(path: outputPath, columns: StagingTables.ingestedColumns, durable: false)
        var result = Result()
        var seen = SeenCodes()
        var withoutCode: [Int] = []
        try reader.forEachRecord { record in
            guard let areaCode = record.nonEmptyText(code) else {
                withoutCode.append(record.line)
                return
            }
            if let first = seen.updateValue(record.line, forKey: areaCode) {
                throw record.error(.notANumber, column: code, text: areaCode).duplicate(firstLine: first)
            }
            // Written field by field: an array of strings per row, and a string per number,
            // were a fifth of the ingest stage on the national benchmark (1.6 million rows).
            var missing: [String] = []
            try writer.writeRow { fields in
                fields.append(areaCode)
                fields.append(name.map(record.text) ?? "")
                fields.append(district.map(record.text) ?? "")
                for figure in figures {
                    guard let column = figure.column else {
                        fields.append("")
                        continue
                    }
                    switch try record.number(column) {
                    case .number(let value):
                        fields.append(number: value)
                    case .missing(let marker):
                        fields.append("")
                        missing.append("\(figure.label): \(marker)")
                    }
                }
                fields.append(missing.joined(separator: "; "))
                fields.append(record.line)
            }
            if !missing.isEmpty { result.missingValues += 1 }
            result.rows += 1
        }
        try writer.finish()
        result.rowsWithoutCode = withoutCode.count
        return result
    }

    private func readPopulation(_ reader: TableReader, _ spec: PopulationSpec, into outputPath: String) throws -> Result {
        let code = try reader.header.column(spec.areaCode)
        let column = try reader.header.column(spec.column)
        let writer = try TableWriter(path: outputPath, columns: StagingTables.populationColumns, durable: false)
        var result = Result()
        var seen = SeenCodes()
        var withoutCode: [Int] = []
        try reader.forEachRecord { record in
            guard let areaCode = record.nonEmptyText(code) else {
                withoutCode.append(record.line)
                return
            }
            if let first = seen.updateValue(record.line, forKey: areaCode) {
                throw record.error(.notANumber, column: code, text: areaCode).duplicate(firstLine: first)
            }
            let population = try record.number(column).number
            if population == nil { result.missingValues += 1 }
            try writer.writeRow { fields in
                fields.append(areaCode)
                if let population { fields.append(number: population) } else { fields.append("") }
                fields.append(record.line)
            }
            result.rows += 1
        }
        try writer.finish()
        result.rowsWithoutCode = withoutCode.count
        return result
    }
}

extension TableError {
    /// The same place, reported as a code that appears twice.
    func duplicate(firstLine: Int) -> AreaNeedsError {
        AreaNeedsError(.inputData, "\(location): the area code \"\(text ?? "")\" appears twice, on lines \(firstLine) and \(line ?? 0)")
    }
}
