import AreaNeedsCore
import AreaNeedsTables

/// A source's `period:` read against its header: the column of periods and the periods it
/// may take. Which of them each area takes (its latest) is `CombinedRows`' to decide.
struct PeriodChoice {
    let column: TableColumn
    /// The periods `select:` names; nil for any period (`select: latest`).
    let selected: [Period]?

    init?(_ source: SourceSpec, header: TableHeader) throws {
        guard let spec = source.period else { return nil }
        column = try header.column(spec.column)
        selected = spec.selectedPeriods
    }

    /// The row's period; nil when `select:` does not name it (the row is skipped). Throws
    /// when the field is not a period.
    func period(of record: TableRecord) throws -> Period? {
        guard let period = record.period(column) else {
            throw record.error(.notAPeriod, column: column, text: record.text(column))
        }
        if let selected, !selected.contains(period) { return nil }
        return period
    }
}
