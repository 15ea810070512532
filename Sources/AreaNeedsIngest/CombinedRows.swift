import AreaNeedsCore
import AreaNeedsTables

/// The rows of a long table combined area by area as they are read, for a source that
/// chooses a period (`period:`) or sums rows (`numerator: {column: ..., where: ...}`): each
/// area keeps the rows of its chosen period, and a figure written as a sum adds up those
/// of its rows that match the sum's conditions. The staged table then has one row per area,
/// the shape normalise reads.
///
/// Only each area's sums are kept, not its rows: memory in proportion to the areas, in flat
/// arrays indexed by the area's position (an array of arrays per area had cost more than
/// reading the rows).
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
        let conditions: TextConditions
        /// The conditions' columns.
        let conditionColumns: [TableColumn]
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
    /// How the reader reads numbers, and where from, to read a kept figure's text later.
    private let numbers: NumberParser
    private let header: TableHeader
    /// The column of periods, when the source chooses one (`choosesPeriod`), and the periods
    /// `select:` names (empty for any): held as they are, not as optionals, which a row's
    /// reading of them would copy.
    private var periods: PeriodReader
    private let choosesPeriod: Bool
    private let selected: [Period]
    /// The columns that tell breakdowns apart, for sums; empty when no condition names one.
    private let breakdownColumns: [TableColumn]
    private let sums: Bool

    /// Each area's position, in order of first appearance, and by position its code and state.
    private var positions = CodeMap<Int>()
    private var codes: [AreaCode] = []
    private var states: [AreaState] = []
    private var lastPosition = -1
    /// Figure `f` of the area at position `p` is at `p * figures.count + f`: the sum so far,
    /// and how many rows it has added (-1 once one was missing); for a figure that is not a
    /// sum, the text of its row instead, read as a number only once the area's period is
    /// final (a row of each year of an area read as numbers, when one is used, had been a
    /// third of the time of choosing the period).
    private var totals: [Double] = []
    private var counts: [Int] = []
    private var figureTexts: [AreaCode] = []
    /// Kept only for the areas that need them: the texts of the first row, the markers met,
    /// the breakdowns summed.
    private var areaTexts: [Int: [String]] = [:]
    private var markers: [Int: [String]] = [:]
    private var breakdowns: [[Int]] = []

    /// The periods met, and each one's text as the source first writes it.
    private var periodList: [Period] = []
    private var periodTexts: [String] = []
    private var periodIndex: [Period: Int] = [:]
    private var lastPeriod = -1
    /// The breakdowns met: each breakdown column's texts numbered, and the combinations of
    /// two or more columns' numbers numbered in turn.
    private var breakdownTexts: [TextIndex]
    private var breakdownPairs: [BreakdownPair: Int] = [:]

    /// An area's period (an index into `periodTexts`; -1 for none yet), the line of its first
    /// row of that period and the rows of it taken: one array of plain values, written in
    /// place for every row.
    private struct AreaState {
        var period = -1
        var line = 0
        var rows = 0
    }

    private struct BreakdownPair: Hashable {
        let column: Int
        let before: Int
        let text: Int
    }

    /// Rows added, and of them those left out as duplicates.
    private var rowsAdded = 0
    private var duplicateRows = 0

    /// Reads `source` as a long table; nil when it neither chooses a period nor sums rows.
    init?(_ source: SourceSpec, header: TableHeader, numbers: NumberParser) throws {
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
                    tests.append(RowFilter.Test(column: try header.column(condition.column), keeps: keeps, key: key, texts: condition.values))
                }
            }
            figures.append(Figure(field: field, column: column, sums: spec.sumsRows, conditions: RowFilter.conditions(tests),
                                  conditionColumns: tests.map(\.column)))
        }
        self.figures = figures
        self.texts = texts
        self.numbers = numbers
        self.header = header
        periods = PeriodReader(column: try source.period.map { try header.column($0.column) } ?? TableColumn(index: 0, name: ""))
        choosesPeriod = source.period != nil
        selected = source.period?.selectedPeriods ?? []
        sums = !source.sums.isEmpty
        let conditionColumns = source.sums.contains { !$0.conditionColumns.isEmpty } ? source.filterColumns : []
        breakdownColumns = try conditionColumns.map { try header.column($0) }
        breakdownTexts = Array(repeating: TextIndex(), count: breakdownColumns.count)
    }

    /// The source columns it reads.
    var columnsRead: [TableColumn] {
        figures.flatMap { [$0.column] + $0.conditionColumns } + texts + (choosesPeriod ? [periods.column] : []) + breakdownColumns
    }

    /// Adds a row that belongs to the source (its area code not empty, its row filters
    /// passed); a duplicate goes to `checks`.
    mutating func add(_ record: TableRecord, code: AreaCode, checks: inout SourceChecks) throws {
        rowsAdded += 1
        var period = -1
        if choosesPeriod {
            guard let found = periods.period(of: record) else {
                throw record.error(.notAPeriod, column: periods.column, text: record.text(periods.column))
            }
            if !selected.isEmpty && !selected.contains(found) { return }
            // Rows come in runs of one period: the last one met is the likeliest.
            period = lastPeriod >= 0 && periodList[lastPeriod] == found ? lastPeriod : index(of: found, record)
        }
        let position: Int
        // Long tables list an area's rows together, and areas in order: the last row's
        // area, or the one after it, saves looking the code up.
        if lastPosition >= 0 && positions.code(at: lastPosition, is: code) {
            position = lastPosition
        } else if lastPosition + 1 < codes.count && positions.code(at: lastPosition + 1, is: code) {
            position = lastPosition + 1
        } else if let found = positions[code] {
            position = found
        } else {
            position = codes.count
            positions[code] = position
            codes.append(code)
            states.append(AreaState())
            if sums {
                totals.append(contentsOf: repeatElement(0, count: figures.count))
                counts.append(contentsOf: repeatElement(0, count: figures.count))
            } else {
                figureTexts.append(contentsOf: repeatElement(AreaCode(""), count: figures.count))
            }
            if !breakdownColumns.isEmpty { breakdowns.append([]) }
        }
        lastPosition = position
        let current = states[position].period
        if period != current {
            // A row of an older period than the area's is not the area's; of a newer one,
            // it starts the area again.
            if current >= 0 && periodList[period] < periodList[current] { return }
            restart(position, at: period)
        }
        if sums {
            // Sums of every row of an area (no condition) have no breakdown to tell a row given twice.
            if !breakdownColumns.isEmpty {
                let breakdown = breakdownID(of: record)
                if breakdowns[position].contains(breakdown) {
                    return duplicate(position, record.line, checks: &checks)
                }
                breakdowns[position].append(breakdown)
            }
        } else if states[position].rows > 0 {
            return duplicate(position, record.line, checks: &checks)
        }
        try take(record, into: position)
    }

    /// Rows of a period not chosen, or of another than their area's latest: neither used
    /// nor duplicates.
    var rowsOfOtherPeriods: Int {
        rowsAdded - duplicateRows - states.reduce(0) { $0 + $1.rows }
    }

    /// Calls `body` with each area's combined row, in order of their first rows; throws when
    /// a figure kept as text is not a number.
    func forEachRow(_ body: (Row) throws -> Void) throws {
        for position in codes.indices {
            var values: [Double?] = []
            var missing = markers[position] ?? []
            for (index, figure) in figures.enumerated() {
                let slot = position * figures.count + index
                if !figure.sums {
                    let text = figureTexts[slot].text
                    guard let cell = numbers.parse(text) else {
                        throw TableError(.notANumber, file: header.file, sheet: header.sheet, line: states[position].line,
                                         column: figure.column.index + 1, columnName: figure.column.name, text: text)
                    }
                    switch cell {
                    case .number(let number): values.append(number)
                    case .missing(let marker):
                        values.append(nil)
                        missing.append("\(figure.field.pipelineKey): \(marker)")
                    }
                } else if counts[slot] < 0 {
                    values.append(nil)
                } else if counts[slot] == 0 {
                    values.append(nil)
                    missing.append("\(figure.field.pipelineKey): no row of the area matches")
                } else {
                    values.append(totals[slot])
                }
            }
            let state = states[position]
            let period = state.period >= 0 ? periodTexts[state.period] : ""
            try body(Row(code: codes[position], line: state.line, period: period, texts: areaTexts[position] ?? [],
                         figures: values, missing: missing))
        }
    }

    /// The number of a period, its text kept the first time it is met.
    private mutating func index(of period: Period, _ record: TableRecord) -> Int {
        if let found = periodIndex[period] {
            lastPeriod = found
        } else {
            lastPeriod = periodList.count
            periodIndex[period] = lastPeriod
            periodList.append(period)
            periodTexts.append(record.text(periods.column))
        }
        return lastPeriod
    }

    /// Starts an area again at a newer period: what came before is not the area's.
    private mutating func restart(_ position: Int, at period: Int) {
        states[position] = AreaState(period: period)
        if sums {
            for slot in (position * figures.count)..<((position + 1) * figures.count) { (totals[slot], counts[slot]) = (0, 0) }
        }
        if !markers.isEmpty { markers[position] = nil }
        if !breakdowns.isEmpty { breakdowns[position].removeAll(keepingCapacity: true) }
    }

    /// Adds the row's figures to the area's.
    private mutating func take(_ record: TableRecord, into position: Int) throws {
        states[position].rows += 1
        if states[position].rows == 1 {
            states[position].line = record.line
            if !texts.isEmpty { areaTexts[position] = texts.map(record.text) }
        }
        // Kept apart: a loop that could write the sums' arrays made them unique for every
        // row, copying their empty storage each time, where no figure is a sum.
        if sums {
            try addSums(record, into: position)
        } else {
            keepTexts(record, into: position)
        }
    }

    /// Keeps the bytes of each figure's field as read, to be read as a number once the
    /// area's period is final: no text is made, as none is for an area code.
    private mutating func keepTexts(_ record: TableRecord, into position: Int) {
        for index in figures.indices {
            figureTexts[position * figures.count + index] = record.areaCode(figures[index].column)
        }
    }

    /// Adds the row's figure to each sum whose conditions it meets. (A source that sums one
    /// figure sums them all.)
    private mutating func addSums(_ record: TableRecord, into position: Int) throws {
        for index in figures.indices where figures[index].conditions.firstFailed(record) == nil {
            let slot = position * figures.count + index
            switch try record.number(figures[index].column) {
            case .number(let number):
                totals[slot] += number
                if counts[slot] >= 0 { counts[slot] += 1 }
            case .missing(let marker):
                counts[slot] = -1
                markers[position, default: []].append("\(figures[index].field.pipelineKey): \(marker)")
            }
        }
    }

    private mutating func duplicate(_ position: Int, _ line: Int, checks: inout SourceChecks) {
        checks.duplicate(codes[position], first: states[position].line, line: line)
        duplicateRows += 1
    }

    /// A number for the row's texts in the breakdown columns, the same for the same texts.
    private mutating func breakdownID(of record: TableRecord) -> Int {
        var id = record.field(breakdownColumns[0], in: &breakdownTexts[0])
        for column in breakdownColumns.indices.dropFirst() {
            let pair = BreakdownPair(column: column, before: id, text: record.field(breakdownColumns[column], in: &breakdownTexts[column]))
            if let found = breakdownPairs[pair] {
                id = found
            } else {
                id = breakdownPairs.count
                breakdownPairs[pair] = id
            }
        }
        return id
    }
}
