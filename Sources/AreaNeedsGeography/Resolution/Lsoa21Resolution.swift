/// Where a 2021 LSOA's figures go, and the route that found it.
public struct Lsoa21Resolution: Sendable, Hashable {
    public var route: Lsoa21Route
    /// The areas and weights; empty when unresolved.
    public var shares: [AreaShare]

    public init(route: Lsoa21Route, shares: [AreaShare]) {
        self.route = route
        self.shares = shares
    }

    static let unresolved = Lsoa21Resolution(route: .unresolved, shares: [])
}
