/// How many 2021 LSOAs went through each route, and which stayed unresolved.
package struct Lsoa21Tally: Sendable, CustomStringConvertible {
    /// Codes counted per route.
    package private(set) var counts: [Lsoa21Route: Int] = [:]
    /// The codes no route resolved, in the order counted.
    package private(set) var unresolved: [String] = []

    package init() {}

    /// Counts one code's resolution.
    package mutating func add(_ code: String, _ resolution: Lsoa21Resolution) {
        counts[resolution.route, default: 0] += 1
        if resolution.route == .unresolved { unresolved.append(code) }
    }

    /// The number of codes counted.
    package var total: Int { counts.values.reduce(0, +) }

    /// "760 LSOAs (2021): 739 unchanged, 21 msoa-name", then the unresolved codes if any.
    package var description: String {
        let routes = Lsoa21Route.allCases.compactMap { route in counts[route].map { "\($0) \(route.rawValue)" } }
        var text = "\(total) LSOAs (2021): " + (routes.isEmpty ? "none" : routes.joined(separator: ", "))
        if !unresolved.isEmpty { text += "; unresolved: " + unresolved.joined(separator: ", ") }
        return text
    }
}
