/// One age band of an `AgeBandScheme`: its position, its first age and its last (none for the
/// open last band, such as 90+).
package struct AgeBand: Hashable, Sendable {
    /// The band's position in its scheme, 0 for the youngest.
    package var index: Int
    /// The first age in the band.
    package var start: Int
    /// The last age in the band; nil for the open last band.
    package var end: Int?

    /// A band with the given position and ages.
    package init(index: Int, start: Int, end: Int?) {
        self.index = index
        self.start = start
        self.end = end
    }

    /// The band as messages and tables write it: "0", "1-4", "90+".
    package var label: String {
        guard let end else { return "\(start)+" }
        return end == start ? "\(start)" : "\(start)-\(end)"
    }
}
