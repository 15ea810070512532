extension ObjectiveRanking {
    /// Each area's objective need among the areas of its own group (such as its district),
    /// as if the group were the whole set: pass the areas' need ranks within the group
    /// (from `NeedRanking.rank(_:polarity:within:)`); their means are ranked again within
    /// the group, by the same rule as `rank(_:)`.
    ///
    /// An area whose group is nil gets no entry. Inlinable, as `NeedRanking.rank` is.
    @inlinable
    public static func rank<Area: Hashable, Group: Hashable>(
        _ indicatorRanks: [Area: [NeedRank]], within group: (Area) -> Group?
    ) -> [Area: ObjectiveNeed] {
        var result: [Area: ObjectiveNeed] = [:]
        for members in NeedRanking.partition(indicatorRanks, by: group).values {
            result.merge(rank(members)) { first, _ in first }
        }
        return result
    }
}
