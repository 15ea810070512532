extension ObjectiveRanking {
    /// Each area's objective need among the areas of its own group (such as its district),
    /// as if the group were the whole set: pass the areas' need ranks within the group
    /// (from `NeedRanking.rank(_:polarity:within:)`); their means are ranked again within
    /// the group, by the same rule as `rank(_:)`.
    ///
    /// An area whose group is nil gets no entry.
    @inlinable
    package static func rank<Area: Hashable, Group: Hashable>(
        _ indicatorRanks: [Area: [NeedRank]], within group: (Area) -> Group?
    ) -> [Area: ObjectiveNeed] {
        let areas = Array(indicatorRanks.keys)
        return NeedRanking.keyed(areas, rank(positions: areas.map { indicatorRanks[$0]! }, groups: NeedRanking.numbered(areas.map(group))))
    }

    /// The same for areas by position, `groups[i]` numbering area i's group (nil for none).
    package static func rank(positions indicatorRanks: [[NeedRank]], groups: [Int?]) -> [ObjectiveNeed?] {
        needs(indicatorRanks) { means in NeedRanking.rank(positions: means, polarity: .higherIsBetter, groups: groups) }
    }
}
