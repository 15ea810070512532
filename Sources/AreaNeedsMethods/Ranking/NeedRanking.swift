/// Ranks areas by need on one measure and puts them in need quintiles.
///
/// The rule (DESIGN.md, "Ranking"; PHEindicatormethods `phe_quantile`): need rank 1 is the
/// greatest need; ties share the lowest rank number (competition ranking, "1224"); with n
/// areas holding a value and r an area's need rank,
///
///     need_quintile = max(1, 6 - ⌈(n + 1 - r) × 5 / n⌉)
///
/// in integers. Quintile q holds ⌊(6 - q) n / 5⌋ - ⌊(5 - q) n / 5⌋ areas when values are
/// distinct, so sizes differ by at most one; quintile 1 holds ⌈n/5⌉ and quintile 5 ⌊n/5⌋
/// (n = 32: 7, 6, 7, 6, 6; n = 34: 7, 7, 7, 7, 6).
///
/// No ranking without variation: a set of fewer than five values (fewer than the quintiles,
/// where `phe_quantile` gives no quantiles either), or one whose values are all equal (a
/// county figure inherited by every area), gets no ranks at all. Ranking it would put every
/// area at rank 1, in the highest-need fifths, on nothing.
package enum NeedRanking {
    /// The fewest values that can be ranked into quintiles.
    package static let minimumValues = 5

    /// Why a set of values is not ranked.
    package enum Unranked: Sendable, Equatable {
        /// Fewer values than quintiles.
        case tooFew(count: Int)
        /// Every value the same: nothing to tell the areas apart.
        case noVariation

        /// For people: what `not_ranked_reason` says.
        package var description: String {
            switch self {
            case .tooFew(let count):
                "figures for \(count) area\(count == 1 ? "" : "s"), fewer than the \(NeedRanking.minimumValues) need quintiles: not ranked"
            case .noVariation:
                "every area has the same figure (such as a county figure inherited by every area): published, not ranked"
            }
        }
    }

    /// Why `values` (the finite ones) cannot be ranked; nil when they can.
    package static func unranked(_ values: [Double]) -> Unranked? {
        let finite = values.filter(\.isFinite)
        guard finite.count >= minimumValues else { return finite.isEmpty ? nil : .tooFew(count: finite.count) }
        return finite.allSatisfy { $0 == finite[0] } ? .noVariation : nil
    }

    /// The need rank and quintile of each area that has a value.
    ///
    /// A missing value (no entry, or a value that is not a finite number) gets no rank and is
    /// not counted in n. Values are compared as doubles, exactly, never as rounded text: two
    /// areas tie only when their values are equal doubles (and 0.0 equals -0.0); values that
    /// differ in the last bit rank apart. For `higher-is-worse` the highest value ranks 1; for
    /// `higher-is-better` the lowest does.
    @inlinable
    package static func rank<Key: Hashable>(_ values: [Key: Double], polarity: Polarity) -> [Key: NeedRank] {
        let keys = Array(values.keys)
        return keyed(keys, rank(positions: keys.map { values[$0]! }, polarity: polarity))
    }

    /// `values` by their keys, the nils left out: a positional result as a dictionary.
    @inlinable
    static func keyed<Key: Hashable, Value>(_ keys: [Key], _ values: [Value?]) -> [Key: Value] {
        var result: [Key: Value] = [:]
        result.reserveCapacity(keys.count)
        for (key, value) in zip(keys, values) { result[key] = value }
        return result
    }

    /// The same rule for values by position, such as areas by number: `ranks[i]` is the need
    /// rank of `values[i]`, nil where it is not a finite number. Arrays in place of
    /// dictionaries: hashing 7,142 areas for each of 26 indicators, twice, was a third of the
    /// rank stage on the national benchmark.
    package static func rank(positions values: [Double], polarity: Polarity) -> [NeedRank?] {
        var ranks = [NeedRank?](repeating: nil, count: values.count)
        rank(values.indices.filter { values[$0].isFinite }, of: values, polarity: polarity, into: &ranks)
        return ranks
    }

    /// Ranks `members` (positions of finite values) among themselves, into `ranks`.
    @usableFromInline
    static func rank(_ members: [Int], of values: [Double], polarity: Polarity, into ranks: inout [NeedRank?]) {
        guard unranked(members.map { values[$0] }) == nil else { return }
        // Greatest need first; the order among equal values does not matter, as they share a rank.
        let byNeed = members.sorted { first, second in
            switch polarity {
            case .higherIsWorse: values[first] > values[second]
            case .higherIsBetter: values[first] < values[second]
            }
        }
        let count = byNeed.count
        var rank = 0
        var previous: Double?
        for (index, position) in byNeed.enumerated() {
            // A new value starts at its position; an equal one keeps the rank of its first holder.
            if values[position] != previous { rank = index + 1 }
            previous = values[position]
            ranks[position] = NeedRank(rank: rank, quintile: quintile(rank: rank, count: count))
        }
    }

    /// The need quintile of need rank `rank` among `count` ranked areas:
    /// max(1, 6 - ⌈(count + 1 - rank) × 5 / count⌉), in integers.
    ///
    /// - Precondition: 1 <= rank <= count.
    @inlinable
    package static func quintile(rank: Int, count: Int) -> Int {
        precondition(count >= 1 && (1...count).contains(rank), "a need rank lies in 1...count (rank \(rank), count \(count))")
        let scaled = (count + 1 - rank) * 5
        let ceiling = (scaled + count - 1) / count
        return max(1, 6 - ceiling)
    }
}
