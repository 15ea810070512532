import AreaNeedsCore
import AreaNeedsTables

/// A row of an ingest-stage table: one small area's figures from a source, as a view of
/// the row being read, valid only inside the closure it is passed to.
///
/// The area code is handed over as read (`AreaCode`): making a `String` of it for each of
/// the 1.6 million rows of the national benchmark, and of the name and district beside it,
/// cost more than mapping the row to its areas. Text is made only where it is asked for.
struct IngestedRow {
    private let record: StagedRecord
    private let columns: Columns

    /// The positions of the table's columns; nil for those the source does not name,
    /// which the table leaves out (`IngestedField`).
    struct Columns {
        let code, line: Int
        let name, district, value, numerator, denominator, population, decile, ciLower, ciUpper, period: Int?
        let ageBand, events, disabled, surveyed: Int?
    }

    var code: AreaCode { record.areaCode(columns.code) }
    /// The area's name as the source gives it; empty when it gives none.
    var name: String { columns.name.map(record.text) ?? "" }
    var hasName: Bool { columns.name.map { !record.isEmpty($0) } ?? false }
    var district: String { columns.district.map(record.text) ?? "" }
    var value: Double? { columns.value.flatMap(record.number) }
    var numerator: Double? { columns.numerator.flatMap(record.number) }
    var denominator: Double? { columns.denominator.flatMap(record.number) }
    var population: Double? { columns.population.flatMap(record.number) }
    var decile: Double? { columns.decile.flatMap(record.number) }
    /// The interval the source publishes with the value.
    var ciLower: Double? { columns.ciLower.flatMap(record.number) }
    var ciUpper: Double? { columns.ciUpper.flatMap(record.number) }
    /// The start age of the row's age band, deaths or events, and people with a disability
    /// among those counted (the age-band methods).
    var ageBand: Double? { columns.ageBand.flatMap(record.number) }
    var events: Double? { columns.events.flatMap(record.number) }
    var disabled: Double? { columns.disabled.flatMap(record.number) }
    var surveyed: Double? { columns.surveyed.flatMap(record.number) }
    /// The period of the row, as the source writes it, for a source that chooses one.
    var hasPeriod: Bool { columns.period != nil }
    var period: String { columns.period.map(record.text) ?? "" }
    /// The line of the source file, for messages.
    var line: Int { record.count(columns.line) }

    /// Calls `body` with each row of an ingest-stage table, streaming.
    static func forEach(in reader: StagedTableReader, _ body: (IngestedRow) throws -> Void) throws {
        func optional(_ field: IngestedField) throws(TableError) -> Int? {
            let column = field.stagedColumn
            return reader.columns.contains { $0.name == column.name } ? try reader.column(column.name, column.kind) : nil
        }
        let columns = Columns(
            code: try reader.column("area_code", .text), line: try reader.column("line", .count),
            name: try optional(.areaName), district: try optional(.district),
            value: try optional(.value), numerator: try optional(.numerator),
            denominator: try optional(.denominator), population: try optional(.population),
            decile: try optional(.decile), ciLower: try optional(.ciLower), ciUpper: try optional(.ciUpper),
            period: reader.columns.contains { $0.name == StagingTables.periodColumn.name }
                ? try reader.column(StagingTables.periodColumn.name, .text) : nil,
            ageBand: try optional(.ageBand), events: try optional(.events),
            disabled: try optional(.disabled), surveyed: try optional(.surveyed))
        try reader.forEachRow { record in
            try body(IngestedRow(record: record, columns: columns))
        }
    }
}
