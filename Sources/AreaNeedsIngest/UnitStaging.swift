import AreaNeedsCore
import AreaNeedsTables

/// One unit's part in reading a source file: the columns it takes, the checks of its rows
/// and the staging table it writes.
///
/// The table is put in place (`commit`) only after `check` found no problem that is an
/// error, so a failed ingest leaves the previous one.
struct UnitStaging {
    let unit: IngestUnit
    private let writer: TableWriter
    private var checks: SourceChecks
    /// The codes of the unit's previous ingest, read before the new table replaces it.
    private let baseline: AreaBaseline?
    private let columns: Columns
    private(set) var result = SourceReader.Result()

    /// The columns of the source header the unit reads.
    private enum Columns {
        case indicator(code: TableColumn, name: TableColumn?, district: TableColumn?, figures: [(label: String, column: TableColumn?)])
        case population(code: TableColumn, count: TableColumn)
    }

    init(_ unit: IngestUnit, header: TableHeader, outputPath: String, pipeline: Pipeline) throws {
        self.unit = unit
        switch unit {
        case .indicator(_, let source):
            columns = .indicator(
                code: try header.column(source.areaCode),
                name: try source.areaName.map(header.column),
                district: try source.district.map(header.column),
                figures: try [
                    ("value", source.value.map(header.column)),
                    ("numerator", source.numerator.map(header.column)),
                    ("denominator", source.denominator.map(header.column)),
                    ("population", source.population.map(header.column)),
                    ("decile", source.decile.map(header.column)),
                ])
        case .population(_, let spec):
            columns = .population(code: try header.column(spec.areaCode), count: try header.column(spec.column))
        }
        baseline = AreaBaseline.read(outputPath)
        checks = SourceChecks(unit: unit, pipeline: pipeline)
        let stagingColumns = if case .indicator = unit { StagingTables.ingestedColumns } else { StagingTables.populationColumns }
        writer = try TableWriter(path: outputPath, columns: stagingColumns, durable: false)
    }

    /// Checks and writes one row of the source.
    mutating func take(_ record: TableRecord) throws {
        switch columns {
        case .indicator(let code, let name, let district, let figures):
            try takeIndicator(record, code: code, name: name, district: district, figures: figures)
        case .population(let code, let count):
            try takePopulation(record, code: code, count: count)
        }
    }

    /// Ends the checks, keeping their warnings in `result`; throws when a check that is an
    /// error found a problem.
    mutating func check(header: (line: Int, codeColumn: String)) throws {
        let changes = baseline?.changes(to: checks.seen)
        result.codesAdded = changes?.added.count
        result.codesGone = changes?.gone.count
        result.warnings = try checks.report(changes: changes, header: header).finish()
    }

    /// Puts the staging table in place.
    func commit() throws {
        try writer.finish()
    }

    private mutating func takeIndicator(
        _ record: TableRecord, code: TableColumn, name: TableColumn?, district: TableColumn?,
        figures: [(label: String, column: TableColumn?)]
    ) throws {
        guard let areaCode = record.nonEmptyText(code) else {
            result.rowsWithoutCode += 1
            return
        }
        guard checks.admit(areaCode, line: record.line) else { return }
        // Written field by field, with no array or string made for a row that has every
        // figure: such per-row allocations were a fifth of the ingest stage on the national
        // benchmark (1.6 million rows).
        var numbers: (Double?, Double?, Double?, Double?) = (nil, nil, nil, nil)
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
                    switch index {
                    case 0: numbers.0 = value
                    case 1: numbers.1 = value
                    case 2: numbers.2 = value
                    case 3: numbers.3 = value
                    default: break
                    }
                case .missing(let marker):
                    fields.append("")
                    missing.append("\(figure.label): \(marker)")
                }
            }
            fields.append(missing.isEmpty ? "" : missing.joined(separator: "; "))
            fields.append(record.line)
        }
        checks.check(areaCode, line: record.line, value: numbers.0, numerator: numbers.1, denominator: numbers.2, population: numbers.3)
        if !missing.isEmpty { result.missingValues += 1 }
        result.rows += 1
    }

    private mutating func takePopulation(_ record: TableRecord, code: TableColumn, count: TableColumn) throws {
        guard let areaCode = record.nonEmptyText(code) else {
            result.rowsWithoutCode += 1
            return
        }
        guard checks.admit(areaCode, line: record.line) else { return }
        let population = try record.number(count).number
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
}
