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
    /// Each area's value, by area number, for ranking; NaN when it has none (a value is
    /// always a finite number).
    var values: [Double] = []
    /// Each area's quality, by its place in `qualities`.
    private var qualityCodes: [UInt8] = []
    private var qualities: [String] = []
    /// The figure columns of every row as CSV ("12.5,25,200,9.1,16.7"), end to end.
    private var figureText: [UInt8] = []
    /// Where each row's figures end in `figureText`.
    private var figureEnds: [Int32] = []

    func hasValue(_ area: Int) -> Bool { !values[area].isNaN }

    func quality(_ area: Int) -> String { qualities[Int(qualityCodes[area])] }

    /// Appends the figure columns of area `area` to a row being written.
    func appendFigures(of area: Int, to row: inout TableRow) {
        let start = area == 0 ? 0 : Int(figureEnds[area - 1])
        figureText.withUnsafeBytes { bytes in
            row.append(formatted: UnsafeRawBufferPointer(rebasing: bytes[start..<Int(figureEnds[area])]), count: NormalisedTable.figureColumns.count)
        }
    }

    /// Reads a table; `areaCodes` are kept only when `keepAreaCodes` (every table lists the
    /// same areas, so one copy of them is enough), but always compared with `expected`.
    static func read(_ path: String, expected: [String]? = nil) throws(AreaNeedsError) -> NormalisedTable {
        do {
            let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
            let header = reader.header
            let code = try header.column("area_code")
            let columns = try figureColumns.map(header.column)
            let quality = try header.column("quality")
            // Gathered in plain arrays and put in the table at the end; each row's quality is
            // matched as bytes, without a string made for every row.
            var areaCodes: [String] = []
            var values: [Double] = []
            var qualityCodes: [UInt8] = []
            var qualities: [[UInt8]] = []
            var figureText: [UInt8] = []
            var figureEnds: [Int32] = []
            figureText.reserveCapacity(Int(reader.fileSize))
            var row = 0
            var sameAreas = true
            try reader.forEachRecord { record in
                if let expected {
                    let matches = record.withBytes(code) { bytes in
                        guard row < expected.count else { return false }
                        // Compared as bytes: through the UTF-8 view, 500 instructions a code.
                        var wanted = expected[row]
                        return wanted.withUTF8 { $0.elementsEqual(bytes) }
                    }
                    sameAreas = sameAreas && matches
                } else {
                    areaCodes.append(record.text(code))
                }
                row += 1
                values.append(try record.number(columns[0]).number ?? .nan)
                let known = record.withBytes(quality) { bytes in qualities.firstIndex { $0.elementsEqual(bytes) } }
                if let known {
                    qualityCodes.append(UInt8(known))
                } else {
                    qualityCodes.append(UInt8(qualities.count))
                    qualities.append(record.withBytes(quality) { Array($0) })
                }
                for index in columns.indices {
                    if index > 0 { figureText.append(UInt8(ascii: ",")) }
                    // Numbers (digits, point, sign, exponent) never need quoting, so the fields
                    // join with plain commas; anything else is not what normalise writes.
                    try record.withBytes(columns[index]) { bytes in
                        guard bytes.allSatisfy(NormalisedTable.isNumberByte) else {
                            throw record.error(.notANumber, column: columns[index], text: String(decoding: bytes, as: UTF8.self))
                        }
                        figureText.append(contentsOf: bytes)
                    }
                }
                figureEnds.append(Int32(figureText.count))
            }
            var table = NormalisedTable()
            table.areaCodes = areaCodes
            table.values = values
            table.qualityCodes = qualityCodes
            table.qualities = qualities.map { String(decoding: $0, as: UTF8.self) }
            table.figureEnds = figureEnds
            // Kept to its exact size: reserved for the whole file, it had several times the
            // room, for every indicator at once.
            table.figureText = Array(figureText[...])
            if let expected {
                guard sameAreas, row == expected.count else { throw OtherAreas() }
                table.areaCodes = expected
            }
            return table
        } catch is OtherAreas {
            throw AreaNeedsError(.internal, "\(path): lists other areas than the indicator tables before it; run the normalise stage again")
        } catch {
            throw AreaNeedsError(error, context: "rank: reading \(path)")
        }
    }

    private struct OtherAreas: Error {}

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }
}
