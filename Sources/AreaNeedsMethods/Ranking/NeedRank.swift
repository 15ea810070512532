/// Where an area stands among the areas with a value: its need rank and need quintile.
package struct NeedRank: Sendable, Hashable {
    /// 1 = greatest need; tied areas share the lowest rank number ("1224").
    package var rank: Int
    /// 1 = the fifth of areas in greatest need, 5 = the fifth in least.
    package var quintile: Int

    /// A rank and its quintile.
    package init(rank: Int, quintile: Int) {
        self.rank = rank
        self.quintile = quintile
    }

    /// In the worst two fifths (quintile 1 or 2): the framework's "communities with the highest needs".
    package var highestNeed: Bool { quintile <= 2 }
}
