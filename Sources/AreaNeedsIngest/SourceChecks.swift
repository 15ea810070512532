import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsTables

/// The checks of one source's rows, made as the rows are read (of a long table, once its
/// rows are combined area by area, `CombinedRows`): repeated area codes,
/// negative counts, proportions above one, values outside the plausible range; and, at
/// the end, the number of rows and how far the area codes moved since the previous ingest.
///
/// Each check keeps a count and its first few problems (`CheckFindings`). The codes seen
/// are kept, with their lines, to find repeats and changes: memory in proportion to the
/// file's rows, as for any table keyed by area.
struct SourceChecks {
    let unit: IngestUnit
    let pipeline: Pipeline
    /// The source file, for messages.
    let file: String

    /// Every area code read, with the line it was first read on.
    private(set) var seen = SeenCodes()
    /// Rows with an area code that the row filters keep, repeats included.
    private(set) var rows = 0
    private var duplicates = CheckFindings(.duplicateArea)
    private var negatives = CheckFindings(.negativeCount)
    private var aboveDenominator = CheckFindings(.numeratorAboveDenominator)
    private var implausible = CheckFindings(.implausibleValue)

    /// What the checks of each row need of an indicator's definition, taken out of it once:
    /// matching the unit's case for every row copied the whole definition each time.
    private let isRate: Bool
    private let isProportion: Bool
    private let scale: Double
    private let plausibleRange: PlausibleRange?

    init(unit: IngestUnit, pipeline: Pipeline) {
        self.unit = unit
        self.pipeline = pipeline
        file = pipeline.resolve(unit.file)
        if case .indicator(let indicator, _) = unit {
            isRate = indicator.aggregation == .rate
            isProportion = indicator.isProportion
            scale = indicator.scale ?? 1
            plausibleRange = indicator.plausibleRange
        } else {
            (isRate, isProportion, scale, plausibleRange) = (false, false, 1, nil)
        }
    }

    /// Counts a row with an area code; false when the code was read before, and the row is
    /// to be left out (the first row of a code is the one used).
    mutating func admit(_ code: AreaCode, line: Int) -> Bool {
        rows += 1
        if let first = seen.updateValue(line, forKey: code) {
            duplicates.add("\(code) (lines \(first) and \(line))")
            return false
        }
        return true
    }

    /// Counts a row of a long table, whose areas `CombinedRows` combines (and reports the
    /// repeats of, through `duplicate`).
    mutating func count() {
        rows += 1
    }

    /// Notes an area of a long table's combined rows, with the line of its first row.
    mutating func note(_ code: AreaCode, line: Int) {
        seen.updateValue(line, forKey: code)
    }

    /// Reports a row of a long table that repeats its area's row (of the same period and breakdown).
    mutating func duplicate(_ code: AreaCode, first: Int, line: Int) {
        duplicates.add("\(code) (lines \(first) and \(line))")
    }

    /// Checks the figures of an indicator's row; its area code is made text only for a message.
    mutating func check(_ code: AreaCode, line: Int, value: Double?, numerator: Double?, denominator: Double?, population: Double?) {
        // Checked one by one: this runs for every row of every source.
        checkCount(numerator, "numerator", code, line)
        checkCount(denominator, "denominator", code, line)
        checkCount(population, "population", code, line)
        if isRate, isProportion, let numerator, let denominator, numerator > denominator, numerator >= 0 {
            aboveDenominator.add("\(code) (line \(line): \(NumberText.format(numerator)) > \(NumberText.format(denominator)))")
        }
        guard let range = plausibleRange else { return }
        let figure: Double?
        if isRate {
            figure = numerator.flatMap { numerator in
                denominator.flatMap { $0 > 0 ? numerator / $0 * scale : nil }
            }
        } else {
            figure = value
        }
        if let figure, figure.isFinite, !range.contains(figure) {
            implausible.add("\(code) (line \(line): \(NumberText.format(figure)))")
        }
    }

    /// Checks a population table's row.
    mutating func check(_ code: AreaCode, line: Int, population: Double?) {
        checkCount(population, "population", code, line)
    }

    private mutating func checkCount(_ count: Double?, _ label: String, _ code: AreaCode, _ line: Int) {
        if let count, count < 0 { negatives.add("\(code) (line \(line): \(label) \(NumberText.format(count)))") }
    }

    /// Every problem found, with the row count and the `changes` since the previous
    /// ingest, as warnings or errors as the pipeline's `checks:` say.
    func report(changes: AreaBaseline.Changes?, header: (line: Int, codeColumn: String)) -> CheckReport {
        var report = CheckReport(checks: unit.checks(in: pipeline))
        let label = unit.label
        report.add(duplicates) { "\(label): \($0) area code\($0 == 1 ? " appears" : "s appear") more than once in \(file)" }
        report.add(negatives) { "\(label): \($0) negative count\($0 == 1 ? "" : "s") in \(file)" }
        report.add(aboveDenominator) { "\(label): \($0) row\($0 == 1 ? " has its" : "s have their") numerator above the denominator (a proportion above 100%) in \(file)" }
        if case .indicator(let indicator, _) = unit, let range = indicator.plausibleRange {
            let setting = pipeline.locate(pipeline.keyPath(ofIndicator: indicator.id, "plausible-range"))
            report.add(implausible) {
                "\(label): \($0) value\($0 == 1 ? " is" : "s are") outside the plausible range \(range.text) (set in \(setting)) in \(file)"
            }
        }
        let expected = unit.expectedRows ?? CountRange(min: 1)
        if !expected.contains(rows) {
            let setting = unit.expectedRows == nil ? "at least 1 unless `expected-rows:` says otherwise"
                : "\(expected.description), set in \(pipeline.locate(unit.keyPath("expected-rows", in: pipeline)))"
            var kept = ""
            if case .indicator(_, let source) = unit, source.rows != nil || source.exceptRows != nil || source.areaLevel != nil {
                kept = " that `where:`, `where-not:` and `area-level:` keep"
            }
            let found = rows == 0 ? "no data rows (rows with an area code in column \"\(header.codeColumn)\"\(kept)) below its header on line \(header.line)"
                : "\(rows) data row\(rows == 1 ? "" : "s") (rows with an area code\(kept))"
            report.add(.rowCount, "\(label): \(file) has \(found); expected \(setting)")
        }
        // A source with no rows at all is reported by the row count alone.
        if rows > 0, let changes, changes.percent > pipeline.file.checks.areaChangeLimit {
            report.add(.areaChanges, "\(label): the area codes of \(file) changed since its previous ingest by more than \(NumberText.format(pipeline.file.checks.areaChangeLimit))% (`checks: area-change-limit`): \(changes.summary)")
        }
        return report
    }
}

extension IndicatorSpec {
    /// Whether the indicator is a proportion or a percentage, which cannot exceed one
    /// (100%); rates per thousand and the like can.
    var isProportion: Bool {
        scale == nil || scale == 1 || scale == 100
    }
}

extension PlausibleRange {
    /// "from 0 to 100", "at least 0", "at most 100".
    var text: String {
        switch (min, max) {
        case let (low?, high?): "from \(NumberText.format(low)) to \(NumberText.format(high))"
        case let (low?, nil): "at least \(NumberText.format(low))"
        case let (nil, high?): "at most \(NumberText.format(high))"
        case (nil, nil): "(any value)"
        }
    }
}
