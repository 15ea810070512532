import AreaNeedsCore
import AreaNeedsTables

/// A row of a normalise-stage table: one indicator's figure for one target area.
struct NormalisedRow: Sendable {
    var areaCode: String
    var value: Double?
    var numerator: Double?
    var denominator: Double?
    var ciLower: Double?
    var ciUpper: Double?
    var quality: String

    /// Reads a whole normalise-stage table (one row per area: small).
    static func read(_ path: String) throws(AreaNeedsError) -> [NormalisedRow] {
        do {
            let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
            let header = reader.header
            let code = try header.column("area_code")
            let columns = try ["value", "numerator", "denominator", "ci_lower", "ci_upper"].map(header.column)
            let quality = try header.column("quality")
            var rows: [NormalisedRow] = []
            try reader.forEachRecord { record in
                let numbers = try columns.map { try record.number($0).number }
                rows.append(NormalisedRow(areaCode: record.text(code), value: numbers[0], numerator: numbers[1],
                                          denominator: numbers[2], ciLower: numbers[3], ciUpper: numbers[4],
                                          quality: record.text(quality)))
            }
            return rows
        } catch {
            throw AreaNeedsError(error, context: "rank: reading \(path)")
        }
    }
}
