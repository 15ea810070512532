/// One condition of the policy's rules, whether the request meets it, and why.
package struct Criterion: Sendable, Equatable {
    /// The stable identifiers, as the JSON gives them.
    package enum ID: String, Sendable, CaseIterable {
        case significantImpact = "significant_impact"
        case multipleObjectives = "multiple_objectives"
        case highestNeedsCommunities = "highest_needs_communities"
        case aboveThreshold = "above_threshold"

        /// What the criterion asks, and what depends on it.
        package var description: String {
            switch self {
            case .significantImpact:
                "The social value added has the potential for significant additional impact (needed for 10%; some impact is enough for 5%)."
            case .multipleObjectives:
                "The contract addresses at least two of the five social value objectives (needed for 5% and for 10%; with fewer the framework's criteria are not met)."
            case .highestNeedsCommunities:
                "The areas served include communities with the highest needs: objective need quintile 1 or 2 in at least one served area, on at least two of the chosen objectives; a county-wide service reaches them by definition (needed for 10%)."
            case .aboveThreshold:
                "The contract's value is at or above the procurement threshold (below it the policy does not require social value weighting)."
            }
        }
    }

    /// Which criterion.
    package var id: ID
    /// True or false; nil when it cannot be judged: no contract value was given, or the
    /// release does not rank a chosen objective in the served areas.
    package var met: Bool?
    /// The facts behind `met`, for this request.
    package var detail: String
    /// Why `met` is unknown; nil when it is known.
    package var reason: String?

    /// What the criterion asks.
    package var description: String { id.description }

    /// A criterion judged for one request.
    package init(_ id: ID, met: Bool?, detail: String, reason: String? = nil) {
        self.id = id
        self.met = met
        self.detail = detail
        self.reason = reason
    }
}
