import Foundation

/// How a heatmap's column labels are drawn whole: each wrapped into lines and angled up
/// to the right from its column, steep enough (or, when upright is not enough, with the
/// columns far enough apart) that no label's lines touch its neighbour's.
///
/// Neighbouring labels are the same shape moved one column across; angled at θ from the
/// horizontal, that moves them `spacing × sin θ` apart across their lines, which must hold
/// a label's lines and a little room: `(lines - 1) × lineHeight + ascent and descent`.
struct ColumnLabelLayout {
    static let font = 11.0
    static let lineHeight = 12.0
    /// The shallowest angle, in degrees: flatter labels read more easily but need more room.
    static let shallowest = 60.0
    /// Clear space between neighbouring labels: wider than between a label's own lines, so
    /// that each label reads as one.
    static let padding = 6.0
    /// The widths a label's lines may be wrapped to, narrowest first.
    static let wrapWidths = Array(stride(from: 120.0, through: 320.0, by: 10.0))

    /// Each label's lines, in order.
    let lines: [[String]]
    /// The angle from the horizontal, in degrees.
    let angle: Double
    /// The least distance between neighbouring columns' centres.
    let spacing: Double

    /// - Parameters:
    ///   - labels: the column labels, whole.
    ///   - spacing: the columns' width when the labels need no more.
    init(labels: [String], spacing minimum: Double) {
        // The narrowest wrap that keeps every label to two lines, else to three, else the widest.
        let wrap = { (width: Double) in labels.map { TextWidth.wrapped($0, width: width, fontSize: ColumnLabelLayout.font) } }
        var chosen = wrap(ColumnLabelLayout.wrapWidths.last!)
        search: for limit in [2, 3] {
            for width in ColumnLabelLayout.wrapWidths {
                let candidate = wrap(width)
                if candidate.allSatisfy({ $0.count <= limit }) {
                    chosen = candidate
                    break search
                }
            }
        }
        lines = chosen
        let count = Double(chosen.map(\.count).max() ?? 1)
        let thickness = ColumnLabelLayout.thickness(lines: count)
        let shallowest = ColumnLabelLayout.shallowest * .pi / 180
        if minimum * sin(shallowest) >= thickness {
            angle = ColumnLabelLayout.shallowest
            spacing = minimum
        } else if thickness <= minimum {
            // Whole degrees, rounded up, keep the markup short and the room sufficient.
            angle = (asin(thickness / minimum) * 180 / .pi).rounded(.up)
            spacing = minimum
        } else {
            angle = 90
            spacing = thickness.rounded(.up)
        }
    }

    /// Across a label's lines: from the first line's ascent to the last line's descent, with
    /// the padding.
    static func thickness(lines: Double) -> Double {
        (lines - 1) * lineHeight + font * 1.2 + padding
    }

    /// Where a label's lines go, across the text from its column's centre line: each line's
    /// baseline, so that the lines sit centred on the column.
    func baselines(_ label: Int) -> [Double] {
        let count = lines[label].count
        return (0..<count).map { (Double($0) - Double(count - 1) / 2) * ColumnLabelLayout.lineHeight + 0.35 * ColumnLabelLayout.font }
    }

    /// How far a label reaches from its anchor, on the page: left, right, up (negative) and
    /// down, after turning.
    func extent(_ label: Int) -> (left: Double, right: Double, top: Double, bottom: Double) {
        let font = ColumnLabelLayout.font
        let length = lines[label].map { TextWidth.estimate($0, fontSize: font) }.max() ?? 0
        let baselines = baselines(label)
        let across = [(baselines.first ?? 0) - 0.8 * font, (baselines.last ?? 0) + 0.25 * font]
        let radians = angle * .pi / 180
        var xs: [Double] = [], ys: [Double] = []
        for along in [0, length] {
            for offset in across {
                // rotate(-angle): along the text is up and to the right, across it down and to the right.
                xs.append(along * cos(radians) + offset * sin(radians))
                ys.append(-along * sin(radians) + offset * cos(radians))
            }
        }
        return (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
    }
}
