import AreaNeedsCore
import AreaNeedsRelease

/// The report's own advice, made from the release's tables alone: objectives ordered by
/// the area's objective need quintile, then by its mean need rank (the finer measure the
/// quintile is cut from), then by objective number; objectives the area has no rank on
/// come last. Each carries its outcomes and the framework's example measures in order.
public struct ReleaseAdvisor: AreaAdvisor {
    private let objectives: [ObjectiveRow]
    private let outcomes: [OutcomeRow]
    private let measures: [MeasureRow]
    private let needs: [String: [Int: ObjectiveNeedRow]]
    private let rankedAreas: [Int: Int]
    private let areaCodes: Set<String>

    /// Reads the objectives, outcomes, framework and objective needs of a release.
    public init(release: Release) throws(AreaNeedsError) {
        objectives = try release.objectives().sorted { $0.id < $1.id }
        outcomes = try release.outcomes().sorted { $0.id < $1.id }
        measures = try release.framework().sorted { ($0.outcomeId, $0.measureNumber) < ($1.outcomeId, $1.measureNumber) }
        var needs: [String: [Int: ObjectiveNeedRow]] = [:]
        var ranked: [Int: Int] = [:]
        for need in try release.objectiveNeeds() {
            needs[need.areaCode, default: [:]][need.objectiveId] = need
            if need.needRank != nil { ranked[need.objectiveId, default: 0] += 1 }
        }
        self.needs = needs
        rankedAreas = ranked
        areaCodes = Set(try release.areas().map(\.code))
    }

    /// The objectives for an area, greatest need first; a configuration error for an area
    /// the release does not have.
    public func advice(forArea code: String) throws(AreaNeedsError) -> AreaAdvice {
        guard areaCodes.contains(code) else {
            throw AreaNeedsError(.configuration, "\(code): no such area in the release")
        }
        let list = objectives.map { objective in
            let need = needs[code]?[objective.id]
            let outcomes = self.outcomes.filter { $0.objectiveId == objective.id }.map { outcome in
                AreaAdvice.Outcome(
                    id: outcome.id, outcome: outcome.outcome,
                    exampleMeasures: measures.filter { $0.outcomeId == outcome.id }.map(\.exampleMeasure))
            }
            return AreaAdvice.Objective(
                id: objective.id, shortName: objective.shortName, title: objective.title,
                needQuintile: need?.needQuintile, needRank: need?.needRank, rankedAreas: rankedAreas[objective.id] ?? 0,
                meanNeedRank: need?.meanNeedRank, highestNeed: need?.highestNeed ?? false,
                indicatorsRanked: need?.indicatorsRanked ?? 0,
                indicatorsInWorstTwoFifths: need?.indicatorsInWorstTwoFifths ?? 0, outcomes: outcomes)
        }
        return AreaAdvice(areaCode: code, objectives: list.sorted(by: ReleaseAdvisor.greaterNeedFirst))
    }

    /// Quintile, then mean need rank, then objective number; no rank sorts last.
    static func greaterNeedFirst(_ a: AreaAdvice.Objective, _ b: AreaAdvice.Objective) -> Bool {
        let aq = a.needQuintile ?? Int.max, bq = b.needQuintile ?? Int.max
        if aq != bq { return aq < bq }
        let am = a.meanNeedRank ?? .infinity, bm = b.meanNeedRank ?? .infinity
        if am != bm { return am < bm }
        return a.id < b.id
    }
}
