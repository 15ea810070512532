import AreaNeedsRelease

/// One chosen objective across the served areas: which of them have the highest needs.
public struct ObjectiveSummary: Sendable, Equatable {
    public var objective: ObjectiveRow
    /// The served areas with a need quintile on the objective.
    public var areasRanked: Int
    /// The served areas in need quintile 1 or 2, in the release's order.
    public var highestNeedAreas: [AreaRow]
    /// The lowest (worst) quintile among the served areas; nil when none is ranked.
    public var bestQuintile: Int?

    init(objective: ObjectiveRow, evidence: [NeedEvidence]) {
        let mine = evidence.filter { $0.objective.id == objective.id }
        self.objective = objective
        areasRanked = mine.count { $0.quintile != nil }
        highestNeedAreas = mine.filter(\.highestNeed).map(\.area)
        bestQuintile = mine.compactMap(\.quintile).min()
    }
}
