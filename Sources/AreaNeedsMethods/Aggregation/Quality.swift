/// How closely an area's figure follows from its sources.
package enum Quality: String, Codable, Sendable, CaseIterable, Hashable {
    /// Built from whole small areas, by a method that combines them exactly.
    case exact
    /// At least one small area that contributed is split between areas (lookup weight below 1),
    /// so part of its figure is shared out by weight.
    case apportioned
    /// A district figure copied to the area (`inherit`).
    case inherited
    /// A population-weighted mean of medians, which only approximates the area's median.
    /// It wins over `apportioned`: the method's approximation is the larger caveat.
    case approximate
    /// A stand-in: the indicator measures something else in place of a measure that has no
    /// source of its own (`stands-in-for:` in the pipeline file). It wins over every other
    /// flag: whatever its precision, the figure is not the named measure.
    case proxy
}
