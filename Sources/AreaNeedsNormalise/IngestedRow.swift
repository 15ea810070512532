import AreaNeedsCore
import AreaNeedsTables

/// A row of an ingest-stage table: one small area's figures from a source, as a view of
/// the row being read, valid only inside the closure it is passed to.
///
/// The area code is handed over as its bytes: making a `String` of it for each of the 1.6
/// million rows of the national benchmark, and of the name and district beside it, cost
/// more than mapping the row to its areas. Text is made only where it is asked for.
struct IngestedRow {
    private let record: StagedRecord
    private let columns: Columns

    /// The positions of the table's columns.
    struct Columns {
        let code, name, district, value, numerator, denominator, population, decile, line: Int
    }

    /// The area code's UTF-8, valid only inside the call.
    var code: UnsafeRawBufferPointer { record.bytes(columns.code) }
    var codeText: String { record.text(columns.code) }
    /// The area's name as the source gives it; empty when it gives none.
    var name: String { record.text(columns.name) }
    var hasName: Bool { !record.isEmpty(columns.name) }
    var district: String { record.text(columns.district) }
    var value: Double? { record.number(columns.value) }
    var numerator: Double? { record.number(columns.numerator) }
    var denominator: Double? { record.number(columns.denominator) }
    var population: Double? { record.number(columns.population) }
    var decile: Double? { record.number(columns.decile) }
    /// The line of the source file, for messages.
    var line: Int { record.count(columns.line) }

    /// Calls `body` with each row of an ingest-stage table, streaming.
    static func forEach(in path: String, _ body: (IngestedRow) throws -> Void) throws {
        let reader = try StagedTableReader(path: path)
        let columns = Columns(
            code: try reader.column("area_code", .text), name: try reader.column("area_name", .text),
            district: try reader.column("district", .text), value: try reader.column("value", .number),
            numerator: try reader.column("numerator", .number), denominator: try reader.column("denominator", .number),
            population: try reader.column("population", .number), decile: try reader.column("decile", .number),
            line: try reader.column("line", .count))
        try reader.forEachRow { record in
            try body(IngestedRow(record: record, columns: columns))
        }
    }
}
