import AreaNeedsCore

/// Gives the advice for an area. The report asks only this protocol; `FrameworkAdvisor`
/// gives the same advice as `areaneeds advise`, and tests can give their own.
package protocol AreaAdvisor: Sendable {
    /// The objectives for the area with the greatest need first; throws for an unknown area.
    func advice(forArea code: String) throws(AreaNeedsError) -> AreaAdvice
}
