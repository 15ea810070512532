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
        let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
        let header = reader.header
        let code = try header.column("area_code")
        let name = try header.column("area_name")
        let district = try header.column("district")
        let figures = try ["value", "numerator", "denominator", "population", "decile"].map(header.column)
        let line = try header.column("line")
        try reader.forEachRecord { record in
            try body(IngestedRow(
                code: record.text(code), name: record.text(name), district: record.text(district),
                value: try record.number(figures[0]).number, numerator: try record.number(figures[1]).number,
                denominator: try record.number(figures[2]).number, population: try record.number(figures[3]).number,
                decile: try record.number(figures[4]).number, line: Int(try record.number(line).number ?? 0)))
        }
    }
}
