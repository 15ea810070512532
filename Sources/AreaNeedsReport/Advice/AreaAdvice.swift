/// What an area's needs suggest a contract could address: the social value objectives in
/// order of the area's need, each with the framework's outcomes and example supplier
/// measures. The per-area page shows it.
package struct AreaAdvice: Sendable, Equatable {
    /// One objective, with the area's need on it.
    package struct Objective: Sendable, Equatable {
        package var id: Int
        package var shortName: String
        package var title: String
        /// 1 = the worst fifth of areas; nil when the area has no ranked indicator here.
        package var needQuintile: Int?
        package var needRank: Int?
        /// How many areas the objective ranks: the `n` of "rank r of n".
        package var rankedAreas: Int
        package var meanNeedRank: Double?
        /// Quintile 1 or 2: a community with the highest needs.
        package var highestNeed: Bool
        package var indicatorsRanked: Int
        package var indicatorsInWorstTwoFifths: Int
        package var outcomes: [Outcome]

        package init(id: Int, shortName: String, title: String, needQuintile: Int?, needRank: Int?, rankedAreas: Int,
                    meanNeedRank: Double?, highestNeed: Bool, indicatorsRanked: Int, indicatorsInWorstTwoFifths: Int,
                    outcomes: [Outcome]) {
            self.id = id
            self.shortName = shortName
            self.title = title
            self.needQuintile = needQuintile
            self.needRank = needRank
            self.rankedAreas = rankedAreas
            self.meanNeedRank = meanNeedRank
            self.highestNeed = highestNeed
            self.indicatorsRanked = indicatorsRanked
            self.indicatorsInWorstTwoFifths = indicatorsInWorstTwoFifths
            self.outcomes = outcomes
        }
    }

    /// One of the framework's outcomes under an objective, with its example measures.
    package struct Outcome: Sendable, Equatable {
        package var id: Int
        package var outcome: String
        package var exampleMeasures: [String]

        package init(id: Int, outcome: String, exampleMeasures: [String]) {
            self.id = id
            self.outcome = outcome
            self.exampleMeasures = exampleMeasures
        }
    }

    package var areaCode: String
    /// The greatest need first.
    package var objectives: [Objective]

    package init(areaCode: String, objectives: [Objective]) {
        self.areaCode = areaCode
        self.objectives = objectives
    }
}
