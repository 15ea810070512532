import AreaNeedsMethods
import AreaNeedsTables

/// One indicator's figures for each target area, in the order of the areas table: what the
/// normalise stage hands the rank stage, in memory in a run of every stage, or as its
/// staged table (`read`) when rank runs alone.
///
/// The numbers are kept as numbers, to rank and to compare with the county; the rank stage
/// formats them for the need table (`formattedFigures`).
package struct NormalisedTable: Sendable {
    /// The figure columns, in the order the need table has them.
    package static let figureColumns = ["value", "numerator", "denominator", "ci_lower", "ci_upper"]

    package var areaCodes: [String] = []
    /// Each area's value, by area number, for ranking; NaN when it has none (a value is
    /// always a finite number).
    package private(set) var values: [Double] = []
    /// Each area's numerator, denominator and interval, by area number, for the county's
    /// figure and the comparison with it; NaN for none.
    package private(set) var numerators: [Double] = []
    package private(set) var denominators: [Double] = []
    package private(set) var lowers: [Double] = []
    package private(set) var uppers: [Double] = []
    /// Each area's quality, by area number; nil where it has no value.
    package private(set) var qualities: [Quality?] = []
    /// Why each area has no value, when its method withholds one (a life expectancy of too
    /// few people, say), by area number; nil otherwise.
    package private(set) var reasons: [String?] = []
    /// The county's own figure, for the methods that compute it from the counts of every
    /// small area pooled (the age-band methods); nil for the others, whose county figure the
    /// rank stage makes from the areas' figures.
    package var county: Double?

    /// A table of the areas with these codes, their figures to be appended in order.
    package init(areaCodes: [String] = [], county: Double? = nil) {
        self.areaCodes = areaCodes
        self.county = county
    }

    /// Adds the next area's figures; nil for none.
    package mutating func append(
        value: Double?, numerator: Double?, denominator: Double?, lower: Double?, upper: Double?, quality: Quality?, reason: String? = nil
    ) {
        reasons.append(reason)
        values.append(value ?? .nan)
        numerators.append(numerator ?? .nan)
        denominators.append(denominator ?? .nan)
        lowers.append(lower ?? .nan)
        uppers.append(upper ?? .nan)
        qualities.append(quality)
    }

    /// A column's number for an area, nil for none.
    package static func optional(_ number: Double) -> Double? { number.isNaN ? nil : number }

    /// Each area's figure columns as the need table writes them ("12.5,25.0,200.0,9.1,16.7"):
    /// the shortest decimal that reads back exactly, empty for none.
    package func formattedFigures() -> FormattedFields {
        var figures = FormattedFields(fieldsPerEntry: NormalisedTable.figureColumns.count)
        for area in values.indices {
            figures.append(decimal: NormalisedTable.optional(values[area]))
            figures.append(decimal: NormalisedTable.optional(numerators[area]))
            figures.append(decimal: NormalisedTable.optional(denominators[area]))
            figures.append(decimal: NormalisedTable.optional(lowers[area]))
            figures.append(decimal: NormalisedTable.optional(uppers[area]))
            figures.endEntry()
        }
        return figures
    }

    /// The area codes every table lists, in order, to compare each table's with.
    package struct AreaOrder: Sendable {
        let codes: [String]
        /// The table they were read from, for messages.
        let file: String
        /// The codes as read, to compare with a row's.
        fileprivate let areaCodes: [AreaCode]

        package init(_ codes: [String], file: String) {
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
    package static func read(_ path: String, expected: AreaOrder? = nil) throws(AreaNeedsError) -> NormalisedTable {
        do {
            let reader = try StagedTableReader(path: path)
            let code = try reader.column("area_code", .text)
            let columns = try figureColumns.map { name throws(TableError) in try reader.column(name, .number) }
            let quality = try reader.column("quality", .text)
            let reason = try reader.column("reason", .text)
            let county = try reader.column("county_value", .number)
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
                table.append(value: record.number(columns[0]), numerator: record.number(columns[1]), denominator: record.number(columns[2]),
                             lower: record.number(columns[3]), upper: record.number(columns[4]),
                             quality: try NormalisedTable.quality(record.text(quality), row: row),
                             reason: record.isEmpty(reason) ? nil : record.text(reason))
                if row == 1 { table.county = record.number(county) }
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
