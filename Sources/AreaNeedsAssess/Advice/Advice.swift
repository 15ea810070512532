import AreaNeedsRelease

/// For a set of areas, the five objectives ranked by need, worst first, each with its
/// outcomes, linked corporate priorities and the framework's example supplier measures:
/// what a commissioner could ask suppliers for.
package struct Advice: Sendable {
    package let areas: AreaSelection
    /// The release the needs come from.
    package let source: ReleaseSource
    /// All five objectives, the greatest need first.
    package let objectives: [RankedObjective]
    /// Remarks on the request.
    package let notes: [String]
    /// How many areas the release has.
    package let releaseAreaCount: Int

    /// One objective, its need in the areas and what suppliers could deliver.
    package struct RankedObjective: Sendable, Equatable {
        /// 1 = the greatest need in these areas.
        package var position: Int
        package var objective: ObjectiveRow
        /// The lowest (worst) need quintile among the areas; nil when none is ranked.
        package var bestQuintile: Int?
        /// The mean of the areas' objective need ranks (1 = greatest need); nil when none is ranked.
        package var meanNeedRank: Double?
        /// The areas in need quintile 1 or 2, in the release's order.
        package var highestNeedAreas: [AreaRow]
        /// Each area's quintile on the objective, in the release's order (nil: not ranked).
        package var quintiles: [AreaQuintile]
        /// The objective's indicators, for reading the need.
        package var indicators: [IndicatorRow]
        package var outcomes: [OutcomeAdvice]
    }

    /// An area's need quintile on one objective.
    package struct AreaQuintile: Sendable, Equatable {
        package var area: AreaRow
        package var quintile: Int?
    }

    /// An outcome with its corporate priorities and example measures.
    package struct OutcomeAdvice: Sendable, Equatable {
        package var outcome: OutcomeRow
        /// Examples only, as the framework says: not an exhaustive list.
        package var exampleMeasures: [String]
    }

    /// Ranks the objectives for the areas: by the worst quintile among them, then by the
    /// mean of their objective need ranks, then by objective number.
    package init(for areas: AreaSelection, in release: NeedsRelease) {
        self.areas = areas
        source = release.source
        releaseAreaCount = release.areas.count
        let ranked = release.objectives.map { objective -> RankedObjective in
            let quintiles = areas.areas.map { area in
                AreaQuintile(area: area, quintile: release.objectiveNeed(area: area.code, objective: objective.id)?.needQuintile)
            }
            let ranks = areas.areas.compactMap { release.objectiveNeed(area: $0.code, objective: objective.id)?.needRank }
            let highest = areas.areas.filter { area in
                let need = release.objectiveNeed(area: area.code, objective: objective.id)
                return need?.highestNeed ?? need?.needQuintile.map { $0 <= 2 } ?? false
            }
            let outcomes = release.outcomes.filter { $0.objectiveId == objective.id }.map { outcome in
                OutcomeAdvice(outcome: outcome,
                              exampleMeasures: release.measures.filter { $0.outcomeId == outcome.id }.map(\.exampleMeasure))
            }
            return RankedObjective(
                position: 0, objective: objective, bestQuintile: quintiles.compactMap(\.quintile).min(),
                meanNeedRank: ranks.isEmpty ? nil : Double(ranks.reduce(0, +)) / Double(ranks.count),
                highestNeedAreas: highest, quintiles: quintiles, indicators: release.indicators(of: objective.id),
                outcomes: outcomes)
        }
        // Unranked objectives sort last: no evidence of need is not evidence of low need,
        // but nothing can be said for them.
        let order = ranked.sorted { a, b in
            (a.bestQuintile ?? Int.max, a.meanNeedRank ?? .infinity, a.objective.id)
                < (b.bestQuintile ?? Int.max, b.meanNeedRank ?? .infinity, b.objective.id)
        }
        objectives = order.enumerated().map { index, objective in
            var objective = objective
            objective.position = index + 1
            return objective
        }
        var notes = areas.notes
        if areas.countyWide {
            notes.append("county-wide: every objective has areas in every quintile, so the order follows the mean need rank, which differs little")
        }
        if release.source.synthetic {
            notes.append("the release's figures are SYNTHETIC (made up to show the product): do not base a real decision on them")
        }
        self.notes = notes
    }
}
