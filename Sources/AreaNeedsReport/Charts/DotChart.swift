import AreaNeedsRelease

/// Every area's value on one indicator as a dot, with its 95% confidence interval as a
/// line where the release has one, one row per area in the order given (the greatest need
/// first), the median of the areas as a dashed line and the county's own figure as a solid
/// one. Area names are written whole; the label column is as wide as the longest.
///
/// This type only lays the chart out; `dots.mustache` draws it.
struct DotChart {
    /// One area's row.
    struct Row {
        var label: String
        var value: Double?
        var lower: Double?
        var upper: Double?
        var quintile: Int?
        var tooltip: String
        /// What stands for a missing value: "no value (suppressed: ...)".
        var missing = "no value"
    }

    static let labelFont = 11.0
    static let plotWidth = 560.0
    static let rightMargin = 24.0
    static let rowHeight = 18.0
    static let axisHeight = 26.0

    let view: DotChartView

    init(id: String, description: String, rows: [Row], median: Double?, county: Double?) {
        let values = rows.flatMap { [$0.value, $0.lower, $0.upper].compactMap { $0 } } + (county.map { [$0] } ?? [])
        let left = max(120, (rows.map { TextWidth.estimate($0.label, fontSize: DotChart.labelFont) }.max() ?? 0) + 16)
        let scale = AxisScale(covering: values, from: left, to: left + DotChart.plotWidth)
        let top = DotChart.axisHeight
        let bottom = top + Double(rows.count) * DotChart.rowHeight
        let ticks = scale.ticks.map { tick in
            DotChartView.Tick(x: SVGNumber.text(scale.x(tick)), top: SVGNumber.text(top - 4), bottom: SVGNumber.text(bottom + 4),
                              labelTop: SVGNumber.text(top - 9), labelBottom: SVGNumber.text(bottom + 17), text: scale.label(tick))
        }
        let rowViews = rows.enumerated().map { index, row in
            let y = top + (Double(index) + 0.5) * DotChart.rowHeight
            return DotChartView.RowView(
                labelX: SVGNumber.text(left - 8), labelY: SVGNumber.text(y + 4),
                text: row.label, tooltip: row.tooltip,
                stripe: index % 2 == 0, stripeY: SVGNumber.text(y - DotChart.rowHeight / 2),
                hasValue: row.value != nil, missing: row.missing, x: SVGNumber.text(row.value.map(scale.x) ?? left), y: SVGNumber.text(y),
                fill: NeedPalette.fill(quintile: row.quintile),
                hasInterval: row.lower != nil && row.upper != nil,
                lowerX: SVGNumber.text(row.lower.map(scale.x) ?? left), upperX: SVGNumber.text(row.upper.map(scale.x) ?? left),
                capTop: SVGNumber.text(y - 4), capBottom: SVGNumber.text(y + 4))
        }
        view = DotChartView(
            id: id, description: description,
            width: SVGNumber.text(left + DotChart.plotWidth + DotChart.rightMargin),
            height: SVGNumber.text(bottom + DotChart.axisHeight),
            plotX: SVGNumber.text(left), plotWidth: SVGNumber.text(DotChart.plotWidth),
            top: SVGNumber.text(top), bottom: SVGNumber.text(bottom),
            ticks: ticks, rows: rowViews,
            hasMedian: median != nil, medianX: SVGNumber.text(median.map(scale.x) ?? left),
            hasCounty: county != nil, countyX: SVGNumber.text(county.map(scale.x) ?? left))
    }
}
