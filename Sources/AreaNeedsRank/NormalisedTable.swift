import AreaNeedsCore
import AreaNeedsTables

/// A normalise-stage table: one indicator's figure for each target area, in the order the
/// normalise stage wrote the areas.
///
/// The values are kept as numbers, to rank; the figures (value, numerator, denominator and
/// interval) as the text the need table has for them, the shortest that reads back exactly,
/// packed end to end, made as the table is read (each indicator's on its own core) and
/// copied out unchanged when the need table is written.
struct NormalisedTable: Sendable {
    static let figureColumns = ["value", "numerator", "denominator", "ci_lower", "ci_upper"]

    var areaCodes: [String] = []
    /// Each area's value, by area number, for ranking; NaN when it has none (a value is
    /// always a finite number).
    var values: [Double] = []
    /// Each area's numerator, denominator and interval, by area number, for the county's
    /// figure and the comparison with it; NaN for none.
    var numerators: [Double] = []
    var denominators: [Double] = []
    var lowers: [Double] = []
    var uppers: [Double] = []
    /// Each area's quality, by its place in `qualities`: the few there are.
    private var qualityCodes: [UInt8] = []
    private(set) var qualities: [String] = []
    /// The figure columns of every row as CSV ("12.5,25,200,9.1,16.7"), end to end.
    private var figureText: [UInt8] = []
    /// Where each row's figures end in `figureText`.
    private var figureEnds: [Int32] = []

    func hasValue(_ area: Int) -> Bool { !values[area].isNaN }

    /// A column's number for an area, nil for none.
    static func optional(_ number: Double) -> Double? { number.isNaN ? nil : number }

    /// The place of area `area`'s quality in `qualities`.
    func qualityCode(_ area: Int) -> Int { Int(qualityCodes[area]) }

    /// The bytes of every area's figure columns together.
    var figureByteCount: Int { figureText.count }

    /// Every area's figure columns as CSV, end to end, and where each area's end; moved out,
    /// leaving the table without them.
    mutating func takeFigures() -> (text: [UInt8], ends: [Int32]) {
        defer { (figureText, figureEnds) = ([], []) }
        return (figureText, figureEnds)
    }

    /// The area codes every table lists, in order, to compare each table's with.
    struct AreaOrder: Sendable {
        let codes: [String]
        /// The table they were read from, for messages.
        let file: String
        /// The codes' UTF-8.
        fileprivate let bytes: [[UInt8]]

        init(_ codes: [String], file: String) {
            self.codes = codes
            self.file = file
            bytes = codes.map { Array($0.utf8) }
        }

        /// Whether the code at `position` has these bytes.
        fileprivate func code(at position: Int, is code: UnsafeRawBufferPointer) -> Bool {
            position < bytes.count && bytes[position].withUnsafeBytes { CodeBytes.equal($0, code) }
        }
    }

    /// Reads a table; its area codes are kept when `expected` is nil (every table lists the
    /// same areas, so one copy of them is enough), and otherwise compared with those.
    static func read(_ path: String, expected: AreaOrder? = nil) throws(AreaNeedsError) -> NormalisedTable {
        do {
            let reader = try StagedTableReader(path: path)
            let code = try reader.column("area_code", .text)
            let columns = try figureColumns.map { name throws(TableError) in try reader.column(name, .number) }
            let quality = try reader.column("quality", .text)
            var table = NormalisedTable()
            var qualities: [[UInt8]] = []
            var row = 0
            var firstDifference: (row: Int, code: String)?
            try reader.forEachRow { record in
                if let expected {
                    if firstDifference == nil && !expected.code(at: row, is: record.bytes(code)) {
                        firstDifference = (row, record.text(code))
                    }
                } else {
                    table.areaCodes.append(record.text(code))
                }
                row += 1
                table.values.append(record.number(columns[0]) ?? .nan)
                table.numerators.append(record.number(columns[1]) ?? .nan)
                table.denominators.append(record.number(columns[2]) ?? .nan)
                table.lowers.append(record.number(columns[3]) ?? .nan)
                table.uppers.append(record.number(columns[4]) ?? .nan)
                let bytes = record.bytes(quality)
                if let known = qualities.firstIndex(where: { known in known.withUnsafeBytes { CodeBytes.equal($0, bytes) } }) {
                    table.qualityCodes.append(UInt8(known))
                } else {
                    table.qualityCodes.append(UInt8(qualities.count))
                    qualities.append(Array(bytes))
                }
                for index in columns.indices {
                    if index > 0 { table.figureText.append(UInt8(ascii: ",")) }
                    if let number = record.number(columns[index]) { NumberText.appendDecimal(number, to: &table.figureText) }
                }
                table.figureEnds.append(Int32(table.figureText.count))
            }
            table.qualities = qualities.map { String(decoding: $0, as: UTF8.self) }
            if let expected {
                if let (row, code) = firstDifference {
                    let wanted = row < expected.codes.count ? expected.codes[row] : "no area"
                    throw OtherAreas(what: "row \(row + 1) is \(code), where \(expected.file) has \(wanted)")
                }
                guard row == expected.codes.count else {
                    throw OtherAreas(what: "it has \(row) areas, \(expected.file) has \(expected.codes.count)")
                }
                table.areaCodes = expected.codes
            }
            return table
        } catch let other as OtherAreas {
            throw AreaNeedsError(.internal, "\(path): lists other areas than the first indicator table: \(other.what); run the normalise stage again")
        } catch {
            throw AreaNeedsError(error, context: "rank: reading \(path)")
        }
    }

    private struct OtherAreas: Error {
        let what: String
    }
}
