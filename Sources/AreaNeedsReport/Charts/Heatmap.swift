import Foundation

/// A grid of need quintiles drawn as SVG: rows in groups (areas by district), columns in
/// groups (indicators by objective), each cell coloured by quintile with its number
/// written in it, the data flags marked, and the full figure in a hover title.
///
/// This type only lays the grid out; `heatmap.mustache` draws it.
struct Heatmap {
    /// A row: one area.
    struct Row {
        var key: String
        var label: String
    }

    /// A column: one indicator or objective.
    struct Column {
        var key: String
        /// Drawn above the column, rotated.
        var label: String
        /// The hover title of the label.
        var title: String
    }

    /// A group of rows or columns with its label.
    struct Group<Member> {
        var label: String
        /// Drawn instead of `label` where that does not fit (column groups only).
        var shortLabel: String = ""
        /// The hover title of the label.
        var title: String
        var members: [Member]

        init(label: String, shortLabel: String = "", title: String, members: [Member]) {
            self.label = label
            self.shortLabel = shortLabel.isEmpty ? label : shortLabel
            self.title = title
            self.members = members
        }
    }

    /// What a cell shows.
    struct Cell {
        /// Colours the cell; nil with `plain` false is a missing value.
        var quintile: Int?
        /// Written in the cell: the quintile, a count, or a dash.
        var text: String
        /// The hover title: the area, the figure and what it means.
        var tooltip: String
        var flags: DataFlags = []
        /// A cell that holds a count, not a quintile: no colour, no hatch.
        var plain = false
    }

    // Layout, in SVG user units (CSS pixels at 100%).
    static let cellWidth = 28.0
    static let cellHeight = 20.0
    static let gap = 8.0
    static let groupLabelWidth = 118.0
    static let rowLabelWidth = 178.0
    static let bandHeight = 18.0
    static let labelFont = 11.0
    static let labelAngle = 60.0
    static let maxLabelCharacters = 44

    let view: HeatmapView

    /// - Parameters:
    ///   - id: unique on the page; prefixes the chart's pattern ids.
    ///   - description: the chart's accessible name.
    init(id: String, description: String, rowGroups: [Group<Row>], columnGroups: [Group<Column>],
         cell: (Row, Column) -> Cell) {
        let labels = columnGroups.flatMap(\.members).map { TextWidth.shortened($0.label, limit: Heatmap.maxLabelCharacters) }
        let longest = labels.map { TextWidth.estimate($0, fontSize: Heatmap.labelFont) }.max() ?? 0
        let radians = Heatmap.labelAngle * Double.pi / 180
        let labelHeight = (longest * sin(radians) + 12).rounded(.up)
        let hasBands = columnGroups.contains { !$0.label.isEmpty }
        let top = labelHeight + (hasBands ? Heatmap.bandHeight + 4 : 0)
        let left = Heatmap.groupLabelWidth + Heatmap.rowLabelWidth

        // Columns: x positions with a gap between groups.
        var columnViews: [HeatmapView.ColumnLabel] = []
        var bands: [HeatmapView.Band] = []
        var columnX: [String: Double] = [:]
        var x = left
        for (groupIndex, group) in columnGroups.enumerated() {
            if groupIndex > 0 { x += Heatmap.gap }
            let start = x
            for column in group.members {
                columnX[column.key] = x
                let centre = x + Heatmap.cellWidth / 2
                let y = labelHeight - 4
                columnViews.append(HeatmapView.ColumnLabel(
                    x: SVGNumber.text(centre), y: SVGNumber.text(y),
                    transform: "rotate(-\(SVGNumber.text(Heatmap.labelAngle)) \(SVGNumber.text(centre)) \(SVGNumber.text(y)))",
                    text: TextWidth.shortened(column.label, limit: Heatmap.maxLabelCharacters), title: column.title))
                x += Heatmap.cellWidth
            }
            if !group.label.isEmpty {
                let width = x - start
                // The long label ("3. community-sector") where it fits, else the short one ("3").
                let text = TextWidth.estimate(group.label, fontSize: Heatmap.labelFont) + 10 <= width ? group.label : group.shortLabel
                bands.append(HeatmapView.Band(
                    x: SVGNumber.text(start), y: SVGNumber.text(labelHeight + 2), width: SVGNumber.text(width),
                    height: SVGNumber.text(Heatmap.bandHeight), textX: SVGNumber.text(start + width / 2),
                    textY: SVGNumber.text(labelHeight + 2 + Heatmap.bandHeight / 2 + 4), text: text, title: group.title))
            }
        }
        // Rotated labels lean right, past the last column: leave them room.
        var overhang = 0.0
        if let last = columnGroups.last?.members.last {
            let width = TextWidth.estimate(TextWidth.shortened(last.label, limit: Heatmap.maxLabelCharacters), fontSize: Heatmap.labelFont)
            overhang = max(width * cos(radians) - Heatmap.cellWidth / 2, 0)
        }
        let right = x + overhang
        let gridRight = x

        // Rows: y positions with a gap between groups, and the cells.
        var groupLabels: [HeatmapView.GroupLabel] = []
        var rowLabels: [HeatmapView.RowLabel] = []
        var cells: [HeatmapView.CellView] = []
        var y = top
        for (groupIndex, group) in rowGroups.enumerated() {
            if groupIndex > 0 { y += Heatmap.gap }
            groupLabels.append(HeatmapView.GroupLabel(
                x: "0", y: SVGNumber.text(y + Heatmap.cellHeight / 2 + 4), text: group.label, title: group.title,
                ruleY: SVGNumber.text(y - Heatmap.gap / 2), ruleEnd: SVGNumber.text(gridRight), hasRule: groupIndex > 0))
            for row in group.members {
                rowLabels.append(HeatmapView.RowLabel(
                    x: SVGNumber.text(left - 6), y: SVGNumber.text(y + Heatmap.cellHeight / 2 + 4),
                    text: TextWidth.shortened(row.label, limit: 30)))
                for column in columnGroups.flatMap(\.members) {
                    let content = cell(row, column)
                    cells.append(HeatmapView.CellView(
                        content, area: row.key, column: column.key, x: columnX[column.key] ?? left, y: y))
                }
                y += Heatmap.cellHeight
            }
        }
        view = HeatmapView(
            id: id, description: description, width: SVGNumber.text(right + 2), height: SVGNumber.text(y + 2),
            bands: bands, columns: columnViews, groups: groupLabels, rows: rowLabels, cells: cells)
    }
}
