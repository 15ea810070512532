import AreaNeedsAssess
import AreaNeedsCore
import AreaNeedsRelease

/// The advice on each area page, from the same logic as `areaneeds advise`: objectives in
/// order of the area's need, each with the framework's outcomes and example measures.
package struct FrameworkAdvisor: AreaAdvisor {
    private let release: NeedsRelease
    private let rankedAreas: [Int: Int]
    private let areas: [String: AreaRow]

    /// Reads the release's tables.
    package init(release: Release) throws(AreaNeedsError) {
        self.release = try NeedsRelease(release)
        var ranked: [Int: Int] = [:]
        for area in self.release.areas {
            for objective in self.release.objectives where self.release.objectiveNeed(area: area.code, objective: objective.id)?.needRank != nil {
                ranked[objective.id, default: 0] += 1
            }
        }
        rankedAreas = ranked
        areas = Dictionary(self.release.areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The objectives for an area, greatest need first; a configuration error for an area
    /// the release does not have.
    package func advice(forArea code: String) throws(AreaNeedsError) -> AreaAdvice {
        guard let area = areas[code] else {
            throw AreaNeedsError(.configuration, "\(code): no such area in the release")
        }
        let advice = Advice(for: AreaSelection.single(area, in: release), in: release)
        return AreaAdvice(areaCode: code, objectives: advice.objectives.map { ranked in
            let need = release.objectiveNeed(area: code, objective: ranked.objective.id)
            return AreaAdvice.Objective(
                id: ranked.objective.id, shortName: ranked.objective.shortName, title: ranked.objective.title,
                needQuintile: need?.needQuintile, needRank: need?.needRank, rankedAreas: rankedAreas[ranked.objective.id] ?? 0,
                meanNeedRank: need?.meanNeedRank, highestNeed: need?.highestNeed ?? false,
                indicatorsRanked: need?.indicatorsRanked ?? 0, indicatorsInWorstTwoFifths: need?.indicatorsInWorstTwoFifths ?? 0,
                outcomes: ranked.outcomes.map { outcome in
                    AreaAdvice.Outcome(id: outcome.outcome.id, outcome: outcome.outcome.outcome, exampleMeasures: outcome.exampleMeasures)
                })
        })
    }
}
