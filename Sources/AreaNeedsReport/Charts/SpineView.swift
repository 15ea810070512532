import AreaNeedsRelease

/// The spine chart as `spine.mustache` draws it.
struct SpineView {
    /// No chart: for an indicator without figures, whose row the template fills with the reason.
    static let none = SpineView(description: "", width: "0", height: "0", barX: "0", barWidth: "0", bandX: "0", bandWidth: "0",
                                medianX: "0", hasValue: false, dotX: "0", dotY: "0", fill: NeedPalette.missingFill)

    var description: String
    var width, height: String
    var barX, barWidth: String
    var bandX, bandWidth: String
    var medianX: String
    var hasValue: Bool
    var dotX, dotY: String
    var fill: String
}
