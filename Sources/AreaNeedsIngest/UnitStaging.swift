import AreaNeedsCore
import AreaNeedsTables

/// One unit's part in reading a source file: the columns it takes, the checks of its rows
/// and the staging table it writes.
///
/// The table is put in place (`commit`) only after `check` found no problem that is an
/// error, so a failed ingest leaves the previous one.
struct UnitStaging {
    let unit: IngestUnit
    private let writer: StagedTableWriter
    /// The table's checksum, taken as it is written: the manifest needs no read back.
    private let digest: StreamingDigest
    private var checks: SourceChecks
    /// The codes of the unit's previous ingest, read before the new table replaces it.
    private let baseline: AreaBaseline?
    /// Where a version that staged ingest tables as CSV kept the unit's table, removed once
    /// the staged table replaces it.
    private let earlierCSV: String
    private let columns: Columns
    private(set) var result = SourceReader.Result()

    /// The columns of the source header the unit reads.
    private enum Columns {
        case indicator(IndicatorColumns)
        case population(code: TableColumn, count: TableColumn)
    }

    /// An indicator source's columns: the area code's, then those of the fields the pipeline
    /// names, in staged order (`IngestedField`).
    ///
    /// A class, so that reaching the columns for every row copies no array of them.
    private final class IndicatorColumns {
        let code: TableColumn
        let named: [(field: IngestedField, column: TableColumn)]

        init(code: TableColumn, named: [(field: IngestedField, column: TableColumn)]) {
            self.code = code
            self.named = named
        }
    }

    init(_ unit: IngestUnit, header: TableHeader, folder: StageFolder, pipeline: Pipeline) throws {
        self.unit = unit
        switch unit {
        case .indicator(_, let source):
            columns = .indicator(IndicatorColumns(
                code: try header.column(source.areaCode),
                named: try IngestedField.named(in: source).map { ($0.field, try header.column($0.column)) }))
        case .population(_, let spec):
            columns = .population(code: try header.column(spec.areaCode), count: try header.column(spec.column))
        }
        let outputPath = folder.file(unit.outputFile)
        earlierCSV = folder.file(unit.stageUnit.earlierCSVFile)
        baseline = AreaBaseline.read(outputPath, orEarlierCSV: earlierCSV)
        checks = SourceChecks(unit: unit, pipeline: pipeline)
        let stagingColumns = if case .indicator(_, let source) = unit { StagingTables.ingestedColumns(of: source) } else { StagingTables.populationColumns }
        let digest = StreamingDigest()
        self.digest = digest
        writer = try StagedTableWriter(path: outputPath, columns: stagingColumns, digest: digest)
    }

    /// The columns of the source it reads.
    var columnsRead: [TableColumn] {
        switch columns {
        case .indicator(let columns):
            [columns.code] + columns.named.map(\.column)
        case .population(let code, let count):
            [code, count]
        }
    }

    /// Checks and writes one row of the source.
    mutating func take(_ record: TableRecord) throws {
        switch columns {
        case .indicator(let columns):
            try takeIndicator(record, columns)
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

    /// Puts the staging table in place, in place of any CSV one an earlier version left;
    /// returns it as the next stage will see it.
    func commit() throws -> InputFile {
        try writer.finish()
        try? FileSystem.remove(earlierCSV)
        return try InputFile.describeWritten(writer.path, digest: digest)
    }

    private mutating func takeIndicator(_ record: TableRecord, _ columns: IndicatorColumns) throws {
        let code = record.areaCode(columns.code)
        guard !code.isEmpty else {
            result.rowsWithoutCode += 1
            return
        }
        guard checks.admit(code, line: record.line) else { return }
        // Written field by field, with no array or string made for a row that has every
        // figure: such per-row allocations were a fifth of the ingest stage on the
        // national benchmark (1.6 million rows).
        var value, numerator, denominator, population: Double?
        var missing: [String] = []
        try writer.writeRow { fields in
            fields.append(code)
            for index in columns.named.indices {
                let field = columns.named[index].field
                if field == .areaName || field == .district {
                    fields.append(columns.named[index].column, of: record)
                    continue
                }
                let figure = try UnitStaging.figure(columns.named[index].column, field, of: record, to: &fields, missing: &missing)
                switch field {
                case .value: value = figure
                case .numerator: numerator = figure
                case .denominator: denominator = figure
                case .population: population = figure
                case .areaName, .district, .decile: break
                }
            }
            if missing.isEmpty { fields.appendEmptyText() } else { fields.append(missing.joined(separator: "; ")) }
            fields.append(count: record.line)
        }
        checks.check(code, line: record.line, value: value, numerator: numerator, denominator: denominator, population: population)
        if !missing.isEmpty { result.missingValues += 1 }
        result.rows += 1
    }

    /// Writes a figure's field: its number, or missing when it is missing in the source
    /// (noted in `missing`); returns the number.
    private static func figure(
        _ column: TableColumn, _ field: IngestedField, of record: TableRecord, to fields: inout StagedRow, missing: inout [String]
    ) throws -> Double? {
        switch try record.number(column) {
        case .number(let number):
            fields.append(number: number)
            return number
        case .missing(let marker):
            fields.append(number: nil)
            missing.append("\(field.pipelineKey): \(marker)")
            return nil
        }
    }

    private mutating func takePopulation(_ record: TableRecord, code column: TableColumn, count: TableColumn) throws {
        let code = record.areaCode(column)
        guard !code.isEmpty else {
            result.rowsWithoutCode += 1
            return
        }
        guard checks.admit(code, line: record.line) else { return }
        let population = try record.number(count).number
        if let population {
            checks.check(code, line: record.line, population: population)
        } else {
            result.missingValues += 1
        }
        try writer.writeRow { fields in
            fields.append(code)
            fields.append(number: population)
            fields.append(count: record.line)
        }
        result.rows += 1
    }
}
