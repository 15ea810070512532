import AreaNeedsRelease

/// One chosen objective across the served areas: which of them have the highest needs, and
/// which the release cannot tell about.
package struct ObjectiveSummary: Sendable, Equatable {
    package var objective: ObjectiveRow
    /// The served areas with a need quintile on the objective.
    package var areasRanked: Int
    /// The served areas in need quintile 1 or 2, in the release's order.
    package var highestNeedAreas: [AreaRow]
    /// The served areas without a need quintile on the objective: no indicator of it has a
    /// figure there.
    package var unrankedAreas: [AreaRow]
    /// The lowest (worst) quintile among the served areas; nil when none is ranked.
    package var bestQuintile: Int?

    /// Whether the served areas include communities with the highest needs on the objective.
    package enum Reach: String, Sendable, Equatable {
        /// At least one served area is in quintile 1 or 2.
        case reached
        /// Every served area is ranked, and none is in quintile 1 or 2.
        case notReached = "not_reached"
        /// None of the ranked served areas is in quintile 1 or 2, but some are not ranked:
        /// the release cannot tell.
        case unknown
    }

    /// Reached, not reached, or unknown: an unranked area is never read as "no need".
    package var reach: Reach {
        if !highestNeedAreas.isEmpty { return .reached }
        return unrankedAreas.isEmpty ? .notReached : .unknown
    }

    init(objective: ObjectiveRow, evidence: [NeedEvidence]) {
        let mine = evidence.filter { $0.objective.id == objective.id }
        self.objective = objective
        areasRanked = mine.count { $0.quintile != nil }
        highestNeedAreas = mine.filter { $0.highestNeed == true }.map(\.area)
        unrankedAreas = mine.filter { $0.quintile == nil }.map(\.area)
        bestQuintile = mine.compactMap(\.quintile).min()
    }
}
