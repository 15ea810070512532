/// The rules of section 5 of the council's Social Value Policy, as a pure function of the
/// facts of a request.
///
/// - 10% where the impact is significant, on multiple (two or more) objectives, in
///   communities with the highest needs: need quintile 1 or 2 on at least two of the chosen
///   objectives in the areas served; a county-wide service reaches them by definition.
/// - 5% where there is some (or significant) impact on at least two objectives.
/// - Fewer than two objectives: the framework's criteria are not met; 5% stands as the
///   minimum and the contract goes to the Procurement Board.
/// - A contract below the procurement threshold needs no social value weighting.
///
/// Missing data is never read as "not met": an objective the release does not rank in some
/// served area may still reach the highest needs there. When the weighting turns on such
/// objectives, the rules give no weighting, only the ones still possible.
package enum SocialValueRules {
    /// What the rules look at.
    package struct Facts: Sendable, Equatable {
        package var impact: Impact
        /// How many distinct objectives the contract addresses.
        package var objectives: Int
        /// How many of them have at least one served area in need quintile 1 or 2.
        package var objectivesWithHighestNeeds: Int
        /// How many others could still have one: no served area is known to be in quintile
        /// 1 or 2, but at least one served area is not ranked on the objective.
        package var objectivesUnknown: Int
        package var countyWide: Bool
        /// The contract's value in pounds, when given.
        package var value: Double?
        /// The procurement threshold in pounds.
        package var threshold: Double

        /// The facts of one request.
        package init(impact: Impact, objectives: Int, objectivesWithHighestNeeds: Int, objectivesUnknown: Int = 0,
                    countyWide: Bool, value: Double?, threshold: Double) {
            self.impact = impact
            self.objectives = objectives
            self.objectivesWithHighestNeeds = objectivesWithHighestNeeds
            self.objectivesUnknown = objectivesUnknown
            self.countyWide = countyWide
            self.value = value
            self.threshold = threshold
        }
    }

    /// What the rules give.
    package struct Outcome: Sendable, Equatable {
        /// 10 or 5; 0 when no weighting is required (below the threshold); nil when it
        /// depends on objectives the release does not rank in the served areas.
        package var weightingPercent: Int?
        /// What the rules give regardless of the value: 10 or 5; nil when undetermined.
        package var rulesWeightingPercent: Int?
        /// The weightings still possible: the one weighting when decided, 5 and 10 when not.
        package var possibleWeightingPercents: [Int]
        /// False only when a value below the threshold was given.
        package var weightingRequired: Bool
        /// Fewer than two objectives on a contract that needs weighting.
        package var referToProcurementBoard: Bool
        /// Whether each criterion is met.
        package var significantImpact: Bool
        package var multipleObjectives: Bool
        /// Nil when the release cannot tell: it turns on objectives it does not rank.
        package var highestNeeds: Bool?
        /// Nil when no value was given.
        package var aboveThreshold: Bool?
        /// For an undetermined answer: how many of the unranked objectives would have to
        /// reach the highest needs for 10%.
        package var objectivesStillNeeded: Int

        /// True when the release decides the weighting.
        package var isDecided: Bool { weightingPercent != nil }
    }

    /// Applies the rules.
    package static func apply(_ facts: Facts) -> Outcome {
        let significant = facts.impact == .significant
        let multiple = facts.objectives >= 2
        // Reaching one objective's highest-needs communities is not enough: the 10% row asks
        // for significant impact on multiple objectives in those communities.
        let highestNeeds: Bool?
        if facts.countyWide || facts.objectivesWithHighestNeeds >= 2 {
            highestNeeds = true
        } else if facts.objectivesWithHighestNeeds + facts.objectivesUnknown < 2 {
            highestNeeds = false
        } else {
            highestNeeds = nil
        }
        let rules: Int? = if !(multiple && significant) {
            5
        } else {
            highestNeeds.map { $0 ? 10 : 5 }
        }
        // The policy covers contracts above the threshold; one at the threshold is covered,
        // as in the Public Contracts Regulations ("equal to or greater than").
        let above = facts.value.map { $0 >= facts.threshold }
        let required = above ?? true
        let weighting = required ? rules : 0
        return Outcome(
            weightingPercent: weighting, rulesWeightingPercent: rules,
            possibleWeightingPercents: weighting.map { [$0] } ?? [5, 10],
            weightingRequired: required, referToProcurementBoard: required && !multiple,
            significantImpact: significant, multipleObjectives: multiple, highestNeeds: highestNeeds, aboveThreshold: above,
            objectivesStillNeeded: highestNeeds == nil ? 2 - facts.objectivesWithHighestNeeds : 0)
    }
}
