/// The colours of need quintiles, shared by the report and the workbook edition: five steps
/// of viridis (R's `viridisLite::viridis(5)`), a sequential palette that stays ordered for
/// the common colour vision deficiencies and in greyscale. Quintile 1, the worst fifth, is
/// the darkest.
package enum NeedPalette {
    /// Fill colours, quintile 1 (worst) first.
    package static let fills = ["#440154", "#3B528B", "#21908C", "#5DC863", "#FDE725"]

    /// Text drawn on each fill: white on the two darkest, black on the rest; each pair has
    /// a contrast ratio of at least 5:1.
    package static let inks = ["#FFFFFF", "#FFFFFF", "#000000", "#000000", "#000000"]

    /// A cell with no value: white under a grey hatch.
    package static let missingFill = "#FFFFFF"
    package static let missingInk = "#444444"

    /// The fill for a quintile (1...5), or the missing fill.
    package static func fill(quintile: Int?) -> String {
        guard let quintile, (1...5).contains(quintile) else { return missingFill }
        return fills[quintile - 1]
    }

    /// The text colour for a quintile's fill.
    package static func ink(quintile: Int?) -> String {
        guard let quintile, (1...5).contains(quintile) else { return missingInk }
        return inks[quintile - 1]
    }

    /// What each quintile means, for legends and tooltips.
    package static func label(quintile: Int) -> String {
        switch quintile {
        case 1: "worst fifth"
        case 2: "second worst fifth"
        case 3: "middle fifth"
        case 4: "second best fifth"
        default: "best fifth"
        }
    }
}
