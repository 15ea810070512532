/// What an area's needs suggest a contract could address: the social value objectives in
/// order of the area's need, each with the framework's outcomes and example supplier
/// measures. The per-area page shows it.
public struct AreaAdvice: Sendable, Equatable {
    /// One objective, with the area's need on it.
    public struct Objective: Sendable, Equatable {
        public var id: Int
        public var shortName: String
        public var title: String
        /// 1 = the worst fifth of areas; nil when the area has no ranked indicator here.
        public var needQuintile: Int?
        public var needRank: Int?
        /// How many areas the objective ranks: the `n` of "rank r of n".
        public var rankedAreas: Int
        public var meanNeedRank: Double?
        /// Quintile 1 or 2: a community with the highest needs.
        public var highestNeed: Bool
        public var indicatorsRanked: Int
        public var indicatorsInWorstTwoFifths: Int
        public var outcomes: [Outcome]

        public init(id: Int, shortName: String, title: String, needQuintile: Int?, needRank: Int?, rankedAreas: Int,
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
    public struct Outcome: Sendable, Equatable {
        public var id: Int
        public var outcome: String
        public var exampleMeasures: [String]

        public init(id: Int, outcome: String, exampleMeasures: [String]) {
            self.id = id
            self.outcome = outcome
            self.exampleMeasures = exampleMeasures
        }
    }

    public var areaCode: String
    /// The greatest need first.
    public var objectives: [Objective]

    public init(areaCode: String, objectives: [Objective]) {
        self.areaCode = areaCode
        self.objectives = objectives
    }
}
