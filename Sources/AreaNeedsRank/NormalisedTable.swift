import AreaNeedsCore
import AreaNeedsTables

/// A normalise-stage table: one indicator's figure for each target area, in the order the
/// normalise stage wrote the areas.
///
/// The values are read as numbers, to rank; the figures (value, numerator, denominator and
/// interval) are kept as the normalise stage wrote them, the shortest text that reads back
/// exactly, packed end to end, to be copied out unchanged: reading the long decimals of
/// computed figures, writing them again and holding them as strings cost most of the rank
/// stage's time and memory on the national benchmark (185,692 rows).
struct NormalisedTable: Sendable {
    static let figureColumns = ["value", "numerator", "denominator", "ci_lower", "ci_upper"]

    var areaCodes: [String] = []
    var values: [Double?] = []
    var quality: [String] = []
    /// The figure columns of every row as CSV ("12.5,25,200,9.1,16.7"), end to end.
    private var figureText: [UInt8] = []
    /// Where each row's figures end in `figureText`.
    private var figureEnds: [Int] = []

    /// The values by area number, for ranking; areas without a value are left out.
    var valuesByArea: [Int: Double] {
        var byArea: [Int: Double] = [:]
        byArea.reserveCapacity(values.count)
        for (area, value) in values.enumerated() {
            if let value { byArea[area] = value }
        }
        return byArea
    }

    /// Appends the figure columns of area `area` to a row being written.
    func appendFigures(of area: Int, to row: inout TableRow) {
        let start = area == 0 ? 0 : figureEnds[area - 1]
        figureText.withUnsafeBytes { bytes in
            row.append(formatted: UnsafeRawBufferPointer(rebasing: bytes[start..<figureEnds[area]]), count: NormalisedTable.figureColumns.count)
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    static func read(_ path: String) throws(AreaNeedsError) -> NormalisedTable {
        do {
            let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
            let header = reader.header
            let code = try header.column("area_code")
            let columns = try figureColumns.map(header.column)
            let quality = try header.column("quality")
            var table = NormalisedTable()
            try reader.forEachRecord { record in
                table.areaCodes.append(record.text(code))
                table.values.append(try record.number(columns[0]).number)
                table.quality.append(record.text(quality))
                for (index, column) in columns.enumerated() {
                    if index > 0 { table.figureText.append(UInt8(ascii: ",")) }
                    // Numbers (digits, point, sign, exponent) never need quoting, so the fields
                    // join with plain commas; anything else is not what normalise writes.
                    try record.withBytes(column) { bytes in
                        guard bytes.allSatisfy(NormalisedTable.isNumberByte) else {
                            throw record.error(.notANumber, column: column, text: String(decoding: bytes, as: UTF8.self))
                        }
                        table.figureText.append(contentsOf: bytes)
                    }
                }
                table.figureEnds.append(table.figureText.count)
            }
            return table
        } catch {
            throw AreaNeedsError(error, context: "rank: reading \(path)")
        }
    }
}
