extension NeedRanking {
    /// The need rank and quintile of each area among the areas of its own group (such as
    /// its district), as if the group were the whole set: the same rule as
    /// `rank(_:polarity:)`, with n the areas of the group holding a value.
    ///
    /// An area whose group is nil gets no rank.
    @inlinable
    package static func rank<Key: Hashable, Group: Hashable>(
        _ values: [Key: Double], polarity: Polarity, within group: (Key) -> Group?
    ) -> [Key: NeedRank] {
        let keys = Array(values.keys)
        return keyed(keys, rank(positions: keys.map { values[$0]! }, polarity: polarity, groups: numbered(keys.map(group))))
    }

    /// The same rule for values by position: `groups[i]` numbers the group of `values[i]`
    /// (0 or more; nil for none).
    package static func rank(positions values: [Double], polarity: Polarity, groups: [Int?]) -> [NeedRank?] {
        var ranks = [NeedRank?](repeating: nil, count: values.count)
        for members in members(of: groups, where: { values[$0].isFinite }) {
            rank(members, of: values, polarity: polarity, into: &ranks)
        }
        return ranks
    }

    /// The positions in each group, in order, that pass `include`; groups with none left out.
    @usableFromInline
    static func members(of groups: [Int?], where include: (Int) -> Bool) -> [[Int]] {
        precondition(groups.allSatisfy { ($0 ?? 0) >= 0 }, "groups are numbered from 0")
        var members = [[Int]](repeating: [], count: (groups.compactMap { $0 }.max() ?? -1) + 1)
        for (position, group) in groups.enumerated() where include(position) {
            if let group { members[group].append(position) }
        }
        return members.filter { !$0.isEmpty }
    }

    /// Each group numbered from 0 in order of first appearance; nil stays nil.
    @inlinable
    static func numbered<Group: Hashable>(_ groups: [Group?]) -> [Int?] {
        var numbers: [Group: Int] = [:]
        return groups.map { group in
            group.map { group in
                if let number = numbers[group] { return number }
                numbers[group] = numbers.count
                return numbers.count - 1
            }
        }
    }
}
