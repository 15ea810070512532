import AreaNeedsCore
import AreaNeedsTables

/// The periods of the rows an indicator used, for a source that chooses its period
/// (`period:`, `value: {columns: latest}`): the latest is the indicator's vintage, unless the
/// pipeline sets one, and an area whose latest period is older than the others' is
/// reported (`checks: older-period`).
///
/// Counted by period, with the first few codes of each: a source has few periods.
struct PeriodsUsed {
    private var byText: [String: (rows: Int, codes: [String])] = [:]

    /// Notes the period of a row used, with its area's code.
    mutating func add(_ text: String, code: AreaCode) {
        var entry = byText[text] ?? (0, [])
        entry.rows += 1
        if entry.codes.count < CheckFindings.shownExamples { entry.codes.append(code.text) }
        byText[text] = entry
    }

    /// The periods, latest first, as the source writes them.
    var texts: [String] {
        // Every staged period was read as one by ingest; the text breaks ties.
        byText.keys.map { (text: $0, period: Period($0)) }.sorted { a, b in
            guard let first = a.period, let second = b.period, first != second else { return a.text < b.text }
            return first > second
        }.map(\.text)
    }

    /// Reports the areas whose period is older than the latest.
    func report(into report: inout CheckReport, indicator: String, file: String) {
        let periods = texts
        guard let latest = periods.first.flatMap(Period.init), periods.count > 1 else { return }
        var rows = 0
        var examples: [String] = []
        for text in periods.dropFirst() where Period(text).map({ $0 < latest }) ?? true {
            let entry = byText[text]!
            rows += entry.rows
            examples += entry.codes.map { "\($0) (\(text))" }
        }
        guard rows > 0 else { return }
        let shown = examples.prefix(CheckFindings.shownExamples).joined(separator: ", ")
            + (rows > CheckFindings.shownExamples ? ", and \(rows - min(rows, CheckFindings.shownExamples)) more" : "")
        report.add(.olderPeriod, "indicator \(indicator): \(rows) area\(rows == 1 ? "'s" : "s'") latest period in \(file) is older than \(periods[0]), the others' latest: \(shown)")
    }
}
