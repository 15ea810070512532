import Foundation

/// A grid of need quintiles drawn as SVG: rows in groups (areas by district), columns in
/// groups (indicators by objective, each group under a band with its name), each cell
/// coloured by quintile with its number written in it and the data flags marked.
///
/// Every label is drawn whole: column labels wrapped and angled (`ColumnLabelLayout`),
/// group names wrapped on their bands, with a narrow group's columns widened until its
/// longest word fits. A cell's hover title repeats what the page prints elsewhere; it is
/// never the only place a figure is given.
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
        /// Drawn above the column, wrapped and angled.
        var label: String
        /// The hover title of the label.
        var title: String
    }

    /// A group of rows or columns with its label.
    struct Group<Member> {
        /// Beside the rows, or on the band over the columns; no band when empty.
        var label: String
        /// The hover title of the label.
        var title: String
        var members: [Member]
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
    static let labelFont = 11.0
    static let lineHeight = 12.5
    /// Room around the text on a band.
    static let bandPadding = 8.0

    let view: HeatmapView

    /// - Parameters:
    ///   - id: unique on the page; prefixes the chart's pattern ids.
    ///   - description: the chart's accessible name.
    init(id: String, description: String, rowGroups: [Group<Row>], columnGroups: [Group<Column>],
         cell: (Row, Column) -> Cell) {
        let columns = columnGroups.flatMap(\.members)
        let layout = ColumnLabelLayout(labels: columns.map(\.label), spacing: Heatmap.cellWidth)
        let extents = columns.indices.map(layout.extent)

        // Each group's cell width: the labels' spacing, wider where the band's longest word needs it.
        let bandFont = Heatmap.labelFont
        let widths = columnGroups.map { group -> Double in
            guard !group.label.isEmpty, !group.members.isEmpty else { return layout.spacing }
            let word = TextWidth.longestWord(group.label, fontSize: bandFont) * TextWidth.bold + Heatmap.bandPadding
            return max(layout.spacing, (word / Double(group.members.count)).rounded(.up))
        }
        let bandLines = zip(columnGroups, widths).map { group, width in
            group.label.isEmpty ? [] : TextWidth.wrapped(group.label, width: width * Double(group.members.count) - Heatmap.bandPadding,
                                                         fontSize: bandFont * TextWidth.bold)
        }
        let hasBands = bandLines.contains { !$0.isEmpty }
        let bandHeight = Double(bandLines.map(\.count).max() ?? 0) * Heatmap.lineHeight + 6

        // Rows: the district names, then the area names, as wide as the longest.
        let rowLabelWidth = (rowGroups.flatMap(\.members).map { TextWidth.estimate($0.label, fontSize: Heatmap.labelFont) }.max() ?? 0) + 14
        let groupLabelWidth = (rowGroups.map { TextWidth.estimate($0.label, fontSize: Heatmap.labelFont) * TextWidth.bold }.max() ?? 0) + 14
        // The first labels lean left of their column: the grid starts far enough in for them.
        let firstReach = extents.first.map { -$0.left - (widths.first ?? Heatmap.cellWidth) / 2 } ?? 0
        let left = max(groupLabelWidth + rowLabelWidth, firstReach + 2)

        let labelTop = 4 + (extents.map { -$0.top }.max() ?? 0)
        let labelBottom = labelTop + (extents.map(\.bottom).max() ?? 0)
        let bandTop = labelBottom + 3
        let top = bandTop + (hasBands ? bandHeight + 4 : 0)

        // Columns: x positions with a gap between groups.
        var columnViews: [HeatmapView.ColumnLabel] = []
        var bands: [HeatmapView.Band] = []
        var columnX: [String: (x: Double, width: Double)] = [:]
        var right = 0.0
        var x = left
        var index = 0
        for (groupIndex, group) in columnGroups.enumerated() {
            if groupIndex > 0 { x += Heatmap.gap }
            let start = x
            let width = widths[groupIndex]
            for column in group.members {
                columnX[column.key] = (x, width)
                let centre = x + width / 2
                let lines = zip(layout.lines[index], layout.baselines(index)).map { text, baseline in
                    HeatmapView.TextLine(x: SVGNumber.text(centre), y: SVGNumber.text(labelTop + baseline), text: text)
                }
                columnViews.append(HeatmapView.ColumnLabel(
                    transform: "rotate(-\(SVGNumber.text(layout.angle)) \(SVGNumber.text(centre)) \(SVGNumber.text(labelTop)))",
                    lines: lines, title: column.title))
                right = max(right, centre + extents[index].right)
                x += width
                index += 1
            }
            let lines = bandLines[groupIndex]
            if !lines.isEmpty {
                let bandWidth = x - start
                let centre = start + bandWidth / 2
                // The lines centred in the band, top to bottom.
                let first = bandTop + (bandHeight - Double(lines.count) * Heatmap.lineHeight) / 2 + Heatmap.lineHeight - 3
                bands.append(HeatmapView.Band(
                    x: SVGNumber.text(start), y: SVGNumber.text(bandTop), width: SVGNumber.text(bandWidth),
                    height: SVGNumber.text(bandHeight),
                    lines: lines.enumerated().map { line, text in
                        HeatmapView.TextLine(x: SVGNumber.text(centre), y: SVGNumber.text(first + Double(line) * Heatmap.lineHeight), text: text)
                    },
                    title: group.title))
            }
        }
        let gridRight = x
        right = max(right, gridRight)

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
                    x: SVGNumber.text(left - 6), y: SVGNumber.text(y + Heatmap.cellHeight / 2 + 4), text: row.label))
                for column in columns {
                    let place = columnX[column.key] ?? (left, Heatmap.cellWidth)
                    cells.append(HeatmapView.CellView(cell(row, column), area: row.key, column: column.key, x: place.x, y: y, width: place.width))
                }
                y += Heatmap.cellHeight
            }
        }
        view = HeatmapView(
            id: id, description: description, width: SVGNumber.text((right + 4).rounded(.up)), height: SVGNumber.text(y + 2),
            bands: bands, columns: columnViews, groups: groupLabels, rows: rowLabels, cells: cells)
    }
}
