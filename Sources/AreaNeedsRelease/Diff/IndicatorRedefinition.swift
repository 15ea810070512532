import AreaNeedsCore

/// An indicator in both releases whose definition changed: how it is computed, from what,
/// or which way is worse. A change of method or source can move every area at once, so it
/// is read before the figures.
package struct IndicatorRedefinition: Sendable, Equatable {
    /// One setting that differs.
    package struct Change: Sendable, Equatable {
        /// The column of `indicators.csv`: `aggregation`, `source`, `polarity`...
        package var field: String
        package var from: String
        package var to: String

        package init(field: String, from: String, to: String) {
            self.field = field
            self.from = from
            self.to = to
        }
    }

    package var indicatorId: String
    package var title: String
    package var changes: [Change]

    package init(indicatorId: String, title: String, changes: [Change]) {
        self.indicatorId = indicatorId
        self.title = title
        self.changes = changes
    }

    /// The settings compared, as the columns of `indicators.csv` name them.
    static let fields: [(name: String, value: @Sendable (IndicatorRow) -> String)] = [
        ("objective_id", { String($0.objectiveId) }),
        ("polarity", { ReleaseText.text($0.polarity) }),
        ("unit", { $0.unit }),
        ("aggregation", { $0.aggregation.map(ReleaseText.text) ?? "" }),
        ("source", { $0.source }),
        ("source_geography", { $0.sourceGeography.map(ReleaseText.text) ?? "" }),
        ("vintage", { $0.vintage }),
        ("available", { String($0.available) }),
        ("stands_in_for", { $0.standsInFor.joined(separator: " | ") }),
    ]

    /// The differences between two rows of one indicator; nil when there are none.
    init?(from old: IndicatorRow, to new: IndicatorRow) {
        let changes = IndicatorRedefinition.fields.compactMap { field -> Change? in
            let (before, after) = (field.value(old), field.value(new))
            return before == after ? nil : Change(field: field.name, from: before, to: after)
        }
        guard !changes.isEmpty else { return nil }
        self.init(indicatorId: new.id, title: new.title, changes: changes)
    }
}
