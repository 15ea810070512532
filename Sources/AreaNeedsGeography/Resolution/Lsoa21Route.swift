/// How a 2021 LSOA code reached the target areas.
package enum Lsoa21Route: String, Sendable, CaseIterable, Hashable {
    /// Through a lookup from 2021 LSOAs given directly.
    case lookup
    /// The code is a 2011 code too (the LSOA did not change): through the 2011 LSOA lookup.
    case unchanged
    /// A new code: through its 2011 parts in the best-fit lookup.
    case bestFit = "best-fit"
    /// A new code: through the MSOA its name gives ("Burnley 001A" is in "Burnley 001").
    case msoaName = "msoa-name"
    /// None of the above: the code is reported, never dropped silently.
    case unresolved
}
