/// Where an area stands among the areas with a value: its need rank and need quintile.
public struct NeedRank: Sendable, Hashable {
    /// 1 = greatest need; tied areas share the lowest rank number ("1224").
    public var rank: Int
    /// 1 = the fifth of areas in greatest need, 5 = the fifth in least.
    public var quintile: Int

    /// A rank and its quintile.
    public init(rank: Int, quintile: Int) {
        self.rank = rank
        self.quintile = quintile
    }

    /// In the worst two fifths (quintile 1 or 2): the framework's "communities with the highest needs".
    public var highestNeed: Bool { quintile <= 2 }
}
