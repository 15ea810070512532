import AreaNeedsCore

/// What a commissioner asks: the areas served, the objectives addressed, the expected
/// impact and, optionally, the contract's value and a threshold to use instead of the
/// release's.
package struct AssessmentRequest: Sendable {
    package let areas: AreaSelection
    package let objectives: ObjectiveSelection
    package let impact: Impact
    /// The contract's value in pounds.
    package let value: Double?
    /// A procurement threshold in pounds that replaces the release's.
    package let threshold: Double?

    /// Checks the amounts: neither may be negative or not a number.
    package init(areas: AreaSelection, objectives: ObjectiveSelection, impact: Impact,
                value: Double? = nil, threshold: Double? = nil) throws(AreaNeedsError) {
        if let value, !(value.isFinite && value >= 0) {
            throw AreaNeedsError(.usage, "contract value \(Pounds.format(value)): must be a sum of pounds, zero or more (--value)")
        }
        if let threshold, !(threshold.isFinite && threshold >= 0) {
            throw AreaNeedsError(.usage, "procurement threshold \(Pounds.format(threshold)): must be a sum of pounds, zero or more (--threshold)")
        }
        self.areas = areas
        self.objectives = objectives
        self.impact = impact
        self.value = value
        self.threshold = threshold
    }
}
