import AreaNeedsCore
import AreaNeedsTables

/// The rows of a long table combined area by area as they are read, for a source that
/// chooses a period (`period:`) or sums rows (`numerator: {column: ..., where: ...}`): each
/// area keeps the rows of its chosen period, and a figure written as a sum adds up those
/// of its rows that match the sum's conditions. The staged table then has one row per area,
/// the shape normalise reads.
///
/// Only each area's sums are kept, not its rows: memory in proportion to the areas.
///
/// A second row of one area and period is a duplicate when its figures are not summed; of
/// summed figures, when it holds the same text as an earlier one in every column the
/// source's conditions name (the same breakdown, given twice). A duplicate is left out and
/// reported (`checks: duplicate-area`).
struct CombinedRows {
    /// A figure column and, for a sum, the rows it adds up.
    struct Figure {
        let field: IngestedField
        let column: TableColumn
        let sums: Bool
        /// A sum's own conditions (`where:`, `where-not:` inside the figure's mapping).
        let tests: [RowFilter.Test]
    }

    /// One area's combined row.
    struct Row {
        let code: AreaCode
        /// The line of its first row.
        let line: Int
        /// The period as the source writes it; empty without `period:`.
        let period: String
        /// The area name and district, from its first row, in staged order.
        let texts: [String]
        /// The figures in staged order; nil when missing.
        let figures: [Double?]
        /// The missing-value markers met ("numerator: x").
        let missing: [String]
    }

    private let figures: [Figure]
    private let texts: [TableColumn]
    private let periods: PeriodChoice?
    /// The columns that tell breakdowns apart, for sums; empty when no condition names one.
    private let breakdownColumns: [TableColumn]
    private let sums: Bool

    /// Each area's state, by its position in order of first appearance.
    private var positions = CodeMap<Int>()
    private var areas: [AreaState] = []
    private var breakdownIDs: [[AreaCode]: Int] = [:]
    /// Rows added, and of them those left out as duplicates.
    private var rowsAdded = 0
    private var duplicateRows = 0

    private struct AreaState {
        let code: AreaCode
        var period: Period?
        var periodText = ""
        var line = 0
        var rows = 0
        var texts: [String] = []
        var totals: [Double]
        var counts: [Int]
        var missingFigure: [Bool]
        var markers: [String] = []
        var breakdowns: [Int] = []

        init(code: AreaCode, figures: Int) {
            self.code = code
            totals = Array(repeating: 0, count: figures)
            counts = Array(repeating: 0, count: figures)
            missingFigure = Array(repeating: false, count: figures)
        }

        /// Starts again at a newer period: what came before is not the area's.
        mutating func restart(at period: Period, text: String) {
            self.period = period
            periodText = text
            rows = 0
            texts = []
            for index in totals.indices { (totals[index], counts[index], missingFigure[index]) = (0, 0, false) }
            markers = []
            breakdowns = []
        }
    }

    /// Reads `source` as a long table; nil when it neither chooses a period nor sums rows.
    init?(_ source: SourceSpec, header: TableHeader) throws {
        guard source.combinesRows else { return nil }
        var figures: [Figure] = []
        var texts: [TableColumn] = []
        for (field, spec) in IngestedField.named(in: source) {
            guard let name = spec.column else { continue }
            let column = try header.column(name)
            if field.isText {
                texts.append(column)
                continue
            }
            var tests: [RowFilter.Test] = []
            for (conditions, keeps, key) in [(spec.rows, true, "where"), (spec.exceptRows, false, "where-not")] {
                for condition in conditions?.conditions ?? [] {
                    tests.append(RowFilter.Test(column: try header.column(condition.column), values: TextSet(condition.values),
                                                keeps: keeps, key: key, texts: condition.values))
                }
            }
            figures.append(Figure(field: field, column: column, sums: spec.sumsRows, tests: tests))
        }
        self.figures = figures
        self.texts = texts
        periods = try PeriodChoice(source, header: header)
        sums = !source.sums.isEmpty
        let conditionColumns = source.sums.contains { !$0.conditionColumns.isEmpty } ? source.filterColumns : []
        breakdownColumns = try conditionColumns.map { try header.column($0) }
    }

    /// The source columns it reads.
    var columnsRead: [TableColumn] {
        figures.flatMap { [$0.column] + $0.tests.map(\.column) } + texts + (periods.map { [$0.column] } ?? []) + breakdownColumns
    }

    /// Adds a row that belongs to the source (its area code not empty, its row filters
    /// passed); a duplicate goes to `checks`.
    mutating func add(_ record: TableRecord, code: AreaCode, checks: inout SourceChecks) throws {
        rowsAdded += 1
        let period = try periods?.period(of: record)
        if periods != nil && period == nil { return }
        let position: Int
        if let found = positions[code] {
            position = found
        } else {
            position = areas.count
            positions[code] = position
            areas.append(AreaState(code: code, figures: figures.count))
        }
        if let period, let periods {
            if let current = areas[position].period, period < current { return }
            if areas[position].period != period {
                areas[position].restart(at: period, text: record.text(periods.column))
            }
        }
        if sums {
            // Sums of every row of an area (no condition) have no breakdown to tell a row given twice.
            if !breakdownColumns.isEmpty {
                let breakdown = breakdownID(of: record)
                if areas[position].breakdowns.contains(breakdown) {
                    checks.duplicate(areas[position].code, first: areas[position].line, line: record.line)
                    duplicateRows += 1
                    return
                }
                areas[position].breakdowns.append(breakdown)
            }
        } else if areas[position].rows > 0 {
            checks.duplicate(areas[position].code, first: areas[position].line, line: record.line)
            duplicateRows += 1
            return
        }
        try take(record, into: position)
    }

    /// Rows of a period not chosen, or of another than their area's latest: neither used
    /// nor duplicates.
    var rowsOfOtherPeriods: Int {
        rowsAdded - duplicateRows - areas.reduce(0) { $0 + $1.rows }
    }

    /// Calls `body` with each area's combined row, in order of their first rows.
    func forEachRow(_ body: (Row) throws -> Void) rethrows {
        for area in areas {
            var figures: [Double?] = []
            var missing = area.markers
            for (index, figure) in self.figures.enumerated() {
                if area.missingFigure[index] {
                    figures.append(nil)
                } else if area.counts[index] == 0 {
                    figures.append(nil)
                    missing.append("\(figure.field.pipelineKey): no row of the area matches")
                } else {
                    figures.append(area.totals[index])
                }
            }
            try body(Row(code: area.code, line: area.line, period: area.periodText, texts: area.texts, figures: figures, missing: missing))
        }
    }

    /// Adds the row's figures to the area's.
    private mutating func take(_ record: TableRecord, into position: Int) throws {
        if areas[position].rows == 0 {
            areas[position].line = record.line
            areas[position].texts = texts.map(record.text)
        }
        areas[position].rows += 1
        for index in figures.indices {
            let figure = figures[index]
            if figure.sums, !figure.tests.allSatisfy({ $0.passes(record) }) { continue }
            switch try record.number(figure.column) {
            case .number(let number):
                areas[position].totals[index] += number
                areas[position].counts[index] += 1
            case .missing(let marker):
                areas[position].missingFigure[index] = true
                areas[position].markers.append("\(figure.field.pipelineKey): \(marker)")
            }
        }
    }

    /// A number for the row's texts in the breakdown columns, the same for the same texts.
    private mutating func breakdownID(of record: TableRecord) -> Int {
        let key = breakdownColumns.map(record.areaCode)
        if let id = breakdownIDs[key] { return id }
        let id = breakdownIDs.count
        breakdownIDs[key] = id
        return id
    }
}
