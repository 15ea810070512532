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
public enum NeedRanking {
    /// The need rank and quintile of each area that has a value.
    ///
    /// A missing value (no entry, or a value that is not a finite number) gets no rank and is
    /// not counted in n. Values are compared as doubles, exactly, never as rounded text: two
    /// areas tie only when their values are equal doubles (and 0.0 equals -0.0); values that
    /// differ in the last bit rank apart. For `higher-is-worse` the highest value ranks 1; for
    /// `higher-is-better` the lowest does.
    ///
    /// Inlinable so that each caller gets a copy specialised for its key type: unspecialised,
    /// the generic sort looked up tuple metadata at every comparison, and ranking took 3.6 s
    /// of the rank stage's 4 s on the national benchmark (7,142 areas, 26 indicators; perf).
    @inlinable
    public static func rank<Key: Hashable>(_ values: [Key: Double], polarity: Polarity) -> [Key: NeedRank] {
        let ranked = values.filter { $0.value.isFinite }
        // Greatest need first; the order among equal values does not matter, as they share a rank.
        let byNeed = ranked.sorted { first, second in
            switch polarity {
            case .higherIsWorse: first.value > second.value
            case .higherIsBetter: first.value < second.value
            }
        }
        let count = byNeed.count
        var result: [Key: NeedRank] = [:]
        result.reserveCapacity(count)
        var rank = 0
        var previous: Double?
        for (index, entry) in byNeed.enumerated() {
            // A new value starts at its position; an equal one keeps the rank of its first holder.
            if entry.value != previous { rank = index + 1 }
            previous = entry.value
            result[entry.key] = NeedRank(rank: rank, quintile: quintile(rank: rank, count: count))
        }
        return result
    }

    /// The need quintile of need rank `rank` among `count` ranked areas:
    /// max(1, 6 - ⌈(count + 1 - rank) × 5 / count⌉), in integers.
    ///
    /// - Precondition: 1 <= rank <= count.
    @inlinable
    public static func quintile(rank: Int, count: Int) -> Int {
        precondition(count >= 1 && (1...count).contains(rank), "a need rank lies in 1...count (rank \(rank), count \(count))")
        let scaled = (count + 1 - rank) * 5
        let ceiling = (scaled + count - 1) / count
        return max(1, 6 - ceiling)
    }
}
