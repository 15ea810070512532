/// An area's need on one objective, from its need ranks on the objective's indicators.
package struct ObjectiveNeed: Sendable, Hashable {
    /// The mean of the area's indicator need ranks within the objective (lower = more need).
    package var meanNeedRank: Double
    /// How many of the objective's indicators have a need rank for the area.
    package var indicatorsRanked: Int
    /// How many of those indicators put the area in the worst two fifths (quintile 1 or 2).
    package var indicatorsInWorstTwoFifths: Int
    /// The area's objective need rank and quintile: the mean need ranks ranked again.
    package var rank: NeedRank

    /// An objective need with the given parts.
    package init(meanNeedRank: Double, indicatorsRanked: Int, indicatorsInWorstTwoFifths: Int, rank: NeedRank) {
        self.meanNeedRank = meanNeedRank
        self.indicatorsRanked = indicatorsRanked
        self.indicatorsInWorstTwoFifths = indicatorsInWorstTwoFifths
        self.rank = rank
    }
}
