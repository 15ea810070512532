/// Where a 2021 LSOA's figures go, and the route that found it.
package struct Lsoa21Resolution: Sendable, Hashable {
    package var route: Lsoa21Route
    /// The areas and weights; empty when unresolved.
    package var shares: [AreaShare]

    package init(route: Lsoa21Route, shares: [AreaShare]) {
        self.route = route
        self.shares = shares
    }

    static let unresolved = Lsoa21Resolution(route: .unresolved, shares: [])
}
