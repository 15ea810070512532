import AreaNeedsCore
import AreaNeedsTables

/// One unit's part in reading a source file: the rows that belong to it (`RowFilter`), the
/// columns it takes, the checks of its rows and the staging table it writes. A source's
/// rows are written as they are read, or for a long table combined area by area
/// (`CombinedRows`) and written when the file has been read.
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
    /// The rows that belong, when the source says (`where:`, `where-not:`, `area-level:`).
    private(set) var filter: RowFilter?
    /// A long table's rows, combined area by area.
    private var combined: CombinedRows?
    /// The rows by small area and age band, for the age-band methods.
    private var ageBands: AgeBandRows?
    /// Whether there are `filter`, `combined` and `ageBands`.
    private let filters: Bool
    private let combines: Bool
    private let readsAgeBands: Bool
    /// Rows with an area code that reached the row filters.
    private(set) var rowsFiltered = 0
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
        /// The period every row is staged with: the name of the latest period's column
        /// (`value: {columns: latest}`); nil for a source that stages no period.
        let period: String?

        init(code: TableColumn, named: [(field: IngestedField, column: TableColumn)], period: String?) {
            self.code = code
            self.named = named
            self.period = period
        }
    }

    init(_ unit: IngestUnit, header: TableHeader, numbers: NumberParser, folder: StageFolder, pipeline: Pipeline, keepsTable: Bool) throws {
        self.unit = unit
        switch unit {
        case .indicator(let indicator, let source):
            var named: [(field: IngestedField, column: TableColumn)] = []
            var period: String?
            for (field, spec) in IngestedField.named(in: source) {
                if let name = spec.column {
                    named.append((field, try header.column(name)))
                } else {
                    let latest = try header.latestPeriodColumn()
                    named.append((field, latest.column))
                    period = latest.column.name
                }
            }
            columns = .indicator(IndicatorColumns(code: try header.column(source.areaCode), named: named, period: period))
            filter = try RowFilter(source, header: header)
            combined = try CombinedRows(source, header: header, numbers: numbers)
            if let settings = try UnitStaging.ageBandSettings(indicator, pipeline: pipeline) {
                ageBands = try AgeBandRows(source: source, settings: settings, header: header, file: pipeline.resolve(source.file), label: unit.label)
            }
        case .population(_, let spec):
            columns = .population(code: try header.column(spec.areaCode), count: try header.column(spec.column))
        }
        filters = filter != nil
        combines = combined != nil
        readsAgeBands = ageBands != nil
        let outputPath = folder.file(unit.outputFile)
        earlierCSV = folder.file(unit.stageUnit.earlierCSVFile)
        baseline = AreaBaseline.read(outputPath, orEarlierCSV: earlierCSV)
        checks = SourceChecks(unit: unit, pipeline: pipeline)
        let stagingColumns = if case .indicator(_, let source) = unit { StagingTables.ingestedColumns(of: source) } else { StagingTables.populationColumns }
        let digest = StreamingDigest()
        self.digest = digest
        writer = try StagedTableWriter(path: outputPath, columns: stagingColumns, digest: digest, keepsTable: keepsTable)
    }

    /// The columns of the source it reads.
    var columnsRead: [TableColumn] {
        switch columns {
        case .indicator(let columns):
            [columns.code] + columns.named.map(\.column) + (filter?.tests.map(\.column) ?? []) + (combined?.columnsRead ?? [])
        case .population(let code, let count):
            [code, count]
        }
    }

    /// The area-code column, when the unit reads an indicator source.
    var codeColumn: TableColumn {
        switch columns {
        case .indicator(let columns): columns.code
        case .population(let code, _): code
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

    /// Ends the checks (a long table's areas written first), keeping their warnings in
    /// `result`; throws when a check that is an error found a problem.
    mutating func check(header: (line: Int, codeColumn: String)) throws {
        try ageBands?.checkEveryBand()
        if let combined {
            result.rowsLeftOut += combined.rowsOfOtherPeriods
            try write(combined)
        }
        let changes = baseline?.changes(to: checks.seen)
        result.codesAdded = changes?.added.count
        result.codesGone = changes?.gone.count
        result.warnings = try checks.report(changes: changes, header: header).finish()
    }

    /// Puts the staging table in place, in place of any CSV one an earlier version left;
    /// returns it as the next stage will see it, and its bytes when they are kept.
    func commit() throws -> (InputFile, StagedTable?) {
        try writer.finish()
        try? FileSystem.remove(earlierCSV)
        return (try InputFile.describeWritten(writer.path, digest: digest), writer.takeTable())
    }

    private mutating func takeIndicator(_ record: TableRecord, _ columns: IndicatorColumns) throws {
        let code = record.areaCode(columns.code)
        guard !code.isEmpty else {
            result.rowsWithoutCode += 1
            return
        }
        // Tested by flags: comparing the optionals with nil copied them, arrays and all.
        if filters {
            rowsFiltered += 1
            guard filter!.keeps(record) else {
                result.rowsLeftOut += 1
                return
            }
        }
        if readsAgeBands {
            return try takeAgeBandRow(record, code: code, columns)
        }
        if combines {
            checks.count()
            try combined!.add(record, code: code, checks: &checks)
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
                case .areaName, .district, .decile, .ciLower, .ciUpper, .ageBand, .events, .disabled, .surveyed: break
                }
            }
            if let period = columns.period { fields.append(period) }
            if missing.isEmpty { fields.appendEmptyText() } else { fields.append(missing.joined(separator: "; ")) }
            fields.append(count: record.line)
        }
        checks.check(code, line: record.line, value: value, numerator: numerator, denominator: denominator, population: population)
        if !missing.isEmpty { result.missingValues += 1 }
        result.rows += 1
    }

    /// The settings of an indicator whose method reads age bands; nil for other methods.
    static func ageBandSettings(_ indicator: IndicatorSpec, pipeline: Pipeline) throws(AreaNeedsError) -> AgeBandSettings? {
        do {
            return try AgeBandSettings(indicator, resolve: pipeline.resolve)
        } catch {
            throw AreaNeedsError(.configuration, "indicator \(indicator.id): \(error.message)\n  (set in \(pipeline.locate(pipeline.keyPath(ofIndicator: indicator.id, error.key))))")
        }
    }

    /// Checks and writes one row by small area and age band, its band as its start age.
    private mutating func takeAgeBandRow(_ record: TableRecord, code: AreaCode, _ columns: IndicatorColumns) throws {
        let (row, first) = try ageBands!.take(record, code: code)
        checks.count()
        if first { checks.note(code, line: record.line) }
        let start = Double(ageBands!.scheme.startAges[row.band])
        try writer.writeRow { fields in
            fields.append(code)
            for index in columns.named.indices {
                let field = columns.named[index].field
                switch field {
                case .areaName, .district: fields.append(columns.named[index].column, of: record)
                case .ageBand: fields.append(number: start)
                case .events: fields.append(number: row.events)
                case .population: fields.append(number: row.population)
                case .disabled: fields.append(number: row.disabled)
                case .surveyed: fields.append(number: row.surveyed)
                case .value, .numerator, .denominator, .decile, .ciLower, .ciUpper: fields.append(number: nil)
                }
            }
            if let period = columns.period { fields.append(period) }
            fields.appendEmptyText()
            fields.append(count: record.line)
        }
        result.rows += 1
    }

    /// Writes a long table's rows, one per area, as `CombinedRows` made them, and checks them.
    private mutating func write(_ combined: CombinedRows) throws {
        guard case .indicator(_, let source) = unit else { return }
        let fields = IngestedField.named(in: source).map(\.field).filter { !$0.isText }
        let stagesPeriod = source.choosesPeriod
        try combined.forEachRow { row in
            checks.note(row.code, line: row.line)
            try writer.writeRow { staged in
                staged.append(row.code)
                for text in row.texts { staged.append(text) }
                for figure in row.figures { staged.append(number: figure) }
                if stagesPeriod { staged.append(row.period) }
                staged.append(row.missing.joined(separator: "; "))
                staged.append(count: row.line)
            }
            func figure(_ field: IngestedField) -> Double? { fields.firstIndex(of: field).flatMap { row.figures[$0] } }
            checks.check(row.code, line: row.line, value: figure(.value), numerator: figure(.numerator),
                         denominator: figure(.denominator), population: figure(.population))
            if !row.missing.isEmpty { result.missingValues += 1 }
            result.rows += 1
        }
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
