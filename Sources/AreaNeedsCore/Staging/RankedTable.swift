/// The tables the rank stage hands the publish stage, which copies them into the release
/// under the same names: one definition for the stage that writes them, the stage that
/// copies them, the release's schema and the tools that read a release.
package enum RankedTable: String, CaseIterable, Sendable {
    /// One row per area and indicator.
    case indicatorNeeds = "indicator_needs"
    /// One row per area and objective.
    case objectiveNeeds = "objective_needs"
    /// One row per indicator: its county figure, and why it is not ranked when it is not.
    case indicatorSummaries = "indicator_summaries"

    /// The table's name in a release (and its schema).
    package var name: String { rawValue }

    /// The table's file, in the rank stage's folder and in a release.
    package var fileName: String { rawValue + ".csv" }
}
