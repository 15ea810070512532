/// The dot chart as `dots.mustache` draws it.
struct DotChartView {
    struct Tick {
        var x, top, bottom, labelTop, labelBottom: String
        var text: String
    }

    struct RowView {
        var labelX, labelY: String
        var text: String
        var tooltip: String
        /// Alternate rows are shaded, to follow a row across.
        var stripe: Bool
        var stripeY: String
        var hasValue: Bool
        /// Written where the dot would be when there is no value: "no value", and why.
        var missing: String
        var x, y: String
        var fill: String
        var hasInterval: Bool
        var lowerX, upperX, capTop, capBottom: String
    }

    var id: String
    var description: String
    var width, height: String
    var plotX, plotWidth: String
    var top, bottom: String
    var ticks: [Tick]
    var rows: [RowView]
    var hasMedian: Bool
    var medianX: String
    /// The county's own figure.
    var hasCounty: Bool
    var countyX: String
}
