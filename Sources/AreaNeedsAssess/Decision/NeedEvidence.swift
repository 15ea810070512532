import AreaNeedsRelease

/// One served area's need on one chosen objective, with the indicators behind it.
package struct NeedEvidence: Sendable, Equatable {
    package var area: AreaRow
    package var objective: ObjectiveRow
    /// The area's row of `objective_needs.csv`; nil when the release has none.
    package var need: ObjectiveNeedRow?
    /// The objective's indicators, in the release's order.
    package var indicators: [IndicatorEvidence]

    /// 1 = the worst fifth of areas; nil when the objective is not ranked for the area.
    package var quintile: Int? { need?.needQuintile }

    /// Quintile 1 or 2: a community with the highest needs on this objective; nil when the
    /// objective is not ranked for the area (unknown, never "no").
    package var highestNeed: Bool? {
        guard let quintile else { return nil }
        return need?.highestNeed ?? (quintile <= 2)
    }

    /// One indicator's need in the area.
    package struct IndicatorEvidence: Sendable, Equatable {
        package var indicator: IndicatorRow
        /// The area's row of `indicator_needs.csv`; nil when the release has none.
        package var need: IndicatorNeedRow?

        /// True when the area has no figure for the indicator.
        package var missing: Bool { need?.value == nil }
    }

    init(area: AreaRow, objective: ObjectiveRow, in release: NeedsRelease) {
        self.area = area
        self.objective = objective
        need = release.objectiveNeed(area: area.code, objective: objective.id)
        indicators = release.indicators(of: objective.id).map { indicator in
            IndicatorEvidence(indicator: indicator, need: release.indicatorNeed(area: area.code, indicator: indicator.id))
        }
    }
}
