extension NeedRanking {
    /// The need rank and quintile of each area among the areas of its own group (such as
    /// its district), as if the group were the whole set: the same rule as
    /// `rank(_:polarity:)`, with n the areas of the group holding a value.
    ///
    /// An area whose group is nil gets no rank. Inlinable, as `rank(_:polarity:)` is.
    @inlinable
    public static func rank<Key: Hashable, Group: Hashable>(
        _ values: [Key: Double], polarity: Polarity, within group: (Key) -> Group?
    ) -> [Key: NeedRank] {
        var result: [Key: NeedRank] = [:]
        result.reserveCapacity(values.count)
        for members in partition(values, by: group).values {
            result.merge(rank(members, polarity: polarity)) { first, _ in first }
        }
        return result
    }

    /// `values` split by group; keys without a group are left out.
    @inlinable
    static func partition<Key: Hashable, Value, Group: Hashable>(
        _ values: [Key: Value], by group: (Key) -> Group?
    ) -> [Group: [Key: Value]] {
        var groups: [Group: [Key: Value]] = [:]
        for (key, value) in values {
            guard let name = group(key) else { continue }
            groups[name, default: [:]][key] = value
        }
        return groups
    }
}
