import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsTables

/// A normalise-stage table: one indicator's figure for each target area, in the order the
/// normalise stage wrote the areas.
///
/// The values are kept as numbers, to rank; the figures (value, numerator, denominator and
/// interval) also as the text the need table has for them, the shortest that reads back
/// exactly (`FormattedFields`), made as the table is read (each indicator's on its own core)
/// and copied out unchanged when the need table is written.
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
    /// Each area's quality, by area number; nil where it has no value.
    var qualities: [Quality?] = []
    /// Each area's figure columns as CSV ("12.5,25,200,9.1,16.7"), by area number.
    var figures = FormattedFields(fieldsPerEntry: NormalisedTable.figureColumns.count)

    /// A column's number for an area, nil for none.
    static func optional(_ number: Double) -> Double? { number.isNaN ? nil : number }

    /// The area codes every table lists, in order, to compare each table's with.
    struct AreaOrder: Sendable {
        let codes: [String]
        /// The table they were read from, for messages.
        let file: String
        /// The codes as read, to compare with a row's.
        fileprivate let areaCodes: [AreaCode]

        init(_ codes: [String], file: String) {
            self.codes = codes
            self.file = file
            areaCodes = codes.map { AreaCode($0) }
        }

        /// Whether the code at `position` is `code`.
        fileprivate func code(at position: Int, is code: AreaCode) -> Bool {
            position < areaCodes.count && areaCodes[position] == code
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
            var row = 0
            var firstDifference: (row: Int, code: String)?
            try reader.forEachRow { record in
                if let expected {
                    if firstDifference == nil && !expected.code(at: row, is: record.areaCode(code)) {
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
                table.qualities.append(try NormalisedTable.quality(record.text(quality), row: row))
                for column in columns { table.figures.append(decimal: record.number(column)) }
                table.figures.endEntry()
            }
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
        } catch let damaged as Damaged {
            throw AreaNeedsError(.internal, "\(path): \(damaged.what); run the normalise stage again")
        } catch {
            throw AreaNeedsError(error, context: "rank: reading \(path)")
        }
    }

    /// A row's quality, from its text; nil when empty (no value).
    private static func quality(_ text: String, row: Int) throws -> Quality? {
        if text.isEmpty { return nil }
        guard let quality = ReleaseText.value(text, as: Quality.self) else {
            throw Damaged(what: "row \(row) has the quality \"\(text)\", which is none of \(ReleaseText.texts(of: Quality.self).joined(separator: ", "))")
        }
        return quality
    }

    private struct OtherAreas: Error {
        let what: String
    }

    private struct Damaged: Error {
        let what: String
    }
}
