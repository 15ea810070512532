import AreaNeedsSample

/// The synthetic sample's seeded generator (SplitMix64), so random tests repeat exactly.
package typealias SeededGenerator = SeededRandom
