/// The additional impact a contract's social value has the potential to make, as the
/// commissioner judges it (section 5 of the policy).
package enum Impact: String, Sendable, CaseIterable {
    /// Significant additional impact: a condition for 10%.
    case significant
    /// Some additional impact: enough for 5%.
    case some
}
