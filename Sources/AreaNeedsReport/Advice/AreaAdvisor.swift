import AreaNeedsCore

/// Gives the advice for an area. The report asks only this protocol, so the shared
/// `areaneeds advise` logic can take the place of `ReleaseAdvisor` without touching the
/// pages: wrap it in a type that conforms and pass it to `AreaReport`.
public protocol AreaAdvisor: Sendable {
    /// The objectives for the area with the greatest need first; throws for an unknown area.
    func advice(forArea code: String) throws(AreaNeedsError) -> AreaAdvice
}
