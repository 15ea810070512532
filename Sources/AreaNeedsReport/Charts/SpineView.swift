import AreaNeedsRelease

/// The spine chart as `spine.mustache` draws it.
struct SpineView {
    /// No chart: for an indicator without figures, whose row the template fills with the reason.
    static let none = SpineView(description: "", width: "0", height: "0", barX: "0", barWidth: "0", bandX: "0", bandWidth: "0",
                                barY: "0", barHeight: "0", medianX: "0", medianTop: "0", medianBottom: "0",
                                hasCounty: false, countyX: "0", countyPoints: "", countyTop: "0", countyBottom: "0",
                                hasValue: false, hasInterval: false, intervalStart: "0", intervalEnd: "0", intervalY: "0",
                                capTop: "0", capBottom: "0", marker: ComparisonMarker(.notCompared, x: 0, y: 0))

    var description: String
    var width, height: String
    var barX, barWidth: String
    var bandX, bandWidth: String
    var barY, barHeight: String
    var medianX, medianTop, medianBottom: String
    /// The county's own figure: a triangle above the bar and a thin line through it.
    var hasCounty: Bool
    var countyX, countyPoints, countyTop, countyBottom: String
    var hasValue: Bool
    /// The area's 95% confidence interval: a line across the bar with a cap at each end,
    /// under the marker.
    var hasInterval: Bool
    var intervalStart, intervalEnd, intervalY: String
    var capTop, capBottom: String
    var marker: ComparisonMarker
}
