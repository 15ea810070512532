import AreaNeedsSample

/// The synthetic sample's seeded generator (SplitMix64), so random tests repeat exactly.
public typealias SeededGenerator = SeededRandom
