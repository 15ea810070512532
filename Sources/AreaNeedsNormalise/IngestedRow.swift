import AreaNeedsCore
import AreaNeedsTables

/// A row of an ingest-stage table: one small area's figures from a source.
struct IngestedRow: Sendable {
    var code: String
    var name: String
    var district: String
    var value: Double?
    var numerator: Double?
    var denominator: Double?
    var population: Double?
    var decile: Double?
    /// The line of the source file, for messages.
    var line: Int

    /// Calls `body` with each row of an ingest-stage table, streaming.
    static func forEach(in path: String, _ body: (IngestedRow) throws -> Void) throws {
        let reader = try StagedTableReader(path: path)
        let code = try reader.column("area_code", .text)
        let name = try reader.column("area_name", .text)
        let district = try reader.column("district", .text)
        let figures = try ["value", "numerator", "denominator", "population", "decile"].map { figure throws(TableError) in
            try reader.column(figure, .number)
        }
        let line = try reader.column("line", .count)
        try reader.forEachRow { row in
            try body(IngestedRow(
                code: row.text(code), name: row.text(name), district: row.text(district),
                value: row.number(figures[0]), numerator: row.number(figures[1]), denominator: row.number(figures[2]),
                population: row.number(figures[3]), decile: row.number(figures[4]), line: row.count(line)))
        }
    }
}
