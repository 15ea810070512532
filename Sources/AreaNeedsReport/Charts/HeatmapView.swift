import AreaNeedsRelease

/// The heatmap as `heatmap.mustache` draws it: every coordinate already worked out and
/// written as text.
struct HeatmapView {
    /// One line of a wrapped label.
    struct TextLine {
        var x, y: String
        var text: String
    }

    /// An objective's band above its columns, with its name wrapped.
    struct Band {
        var x, y, width, height: String
        var lines: [TextLine]
        var title: String
    }

    /// A column label: its lines, turned about the column's anchor.
    struct ColumnLabel {
        var transform: String
        var lines: [TextLine]
        var title: String
    }

    /// A district's label beside its first row, and the rule above the group.
    struct GroupLabel {
        var x, y: String
        var text: String
        var title: String
        var ruleY, ruleEnd: String
        var hasRule: Bool
    }

    /// An area's label.
    struct RowLabel {
        var x, y: String
        var text: String
    }

    /// One cell with its markers.
    struct CellView {
        var x, y, width, height: String
        var fill, ink: String
        var text, textX, textY: String
        var tooltip: String
        /// `data-area` and `data-column`, so tests and scripts can find a cell.
        var area, column: String
        var quintile: String
        var missing, synthetic, inherited, apportioned, approximate, proxy: Bool
        /// The county's own figure: light grey, never the hatch of a missing value.
        var county: Bool
        /// The markers' shapes: a corner triangle (district figure), a dot (apportioned),
        /// a small diamond (approximate), a ring (a stand-in).
        var inheritedPoints, dotX, dotY, approximatePoints, ringX, ringY: String

        init(_ cell: Heatmap.Cell, area: String, column: String, x: Double, y: Double, width w: Double) {
            let h = Heatmap.cellHeight
            self.x = SVGNumber.text(x)
            self.y = SVGNumber.text(y)
            width = SVGNumber.text(w)
            height = SVGNumber.text(h)
            county = !cell.plain && cell.flags.contains(.county)
            fill = cell.plain ? "#FFFFFF" : county ? DataFlags.countyFill : NeedPalette.fill(quintile: cell.quintile)
            ink = cell.plain ? "#000000" : county ? DataFlags.countyInk : NeedPalette.ink(quintile: cell.quintile)
            text = cell.text
            textX = SVGNumber.text(x + w / 2)
            textY = SVGNumber.text(y + h / 2 + 4)
            tooltip = cell.tooltip
            self.area = area
            self.column = column
            quintile = cell.quintile.map(String.init) ?? ""
            missing = !cell.plain && cell.quintile == nil && !county
            synthetic = cell.flags.contains(.synthetic)
            inherited = cell.flags.contains(.inherited)
            apportioned = cell.flags.contains(.apportioned)
            approximate = cell.flags.contains(.approximate)
            proxy = cell.flags.contains(.proxy)
            let t = 7.0
            inheritedPoints = [(x + 1, y + 1), (x + 1 + t, y + 1), (x + 1, y + 1 + t)]
                .map { "\(SVGNumber.text($0.0)),\(SVGNumber.text($0.1))" }.joined(separator: " ")
            dotX = SVGNumber.text(x + w - 4.5)
            dotY = SVGNumber.text(y + 4.5)
            let cx = x + w - 4.5, cy = y + h - 4.5, d = 3.0
            approximatePoints = [(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy)]
                .map { "\(SVGNumber.text($0.0)),\(SVGNumber.text($0.1))" }.joined(separator: " ")
            ringX = SVGNumber.text(x + 4.5)
            ringY = SVGNumber.text(y + h - 4.5)
        }
    }

    var id: String
    var description: String
    var width, height: String
    var bands: [Band]
    var columns: [ColumnLabel]
    var groups: [GroupLabel]
    var rows: [RowLabel]
    var cells: [CellView]
}
