/// An area's marker, shaped and coloured by its comparison with the county, as
/// `marker.mustache` draws it: a circle (worse), a diamond (similar), a square (better) or
/// a hollow circle (not compared), centred on a point.
struct ComparisonMarker {
    var circle: Bool
    var diamond: Bool
    var square: Bool
    var cx, cy, r: String
    /// The diamond's corners.
    var points: String
    /// The square's corner and side.
    var x, y, side: String
    var fill: String
    var stroke: String
    var strokeWidth: String

    /// - Parameter size: the marker's half-width (the circle's radius).
    init(_ comparison: ComparisonMark, x centreX: Double, y centreY: Double, size: Double = 6) {
        circle = comparison == .worse || comparison == .notCompared
        diamond = comparison == .similar
        square = comparison == .better
        cx = SVGNumber.text(centreX)
        cy = SVGNumber.text(centreY)
        r = SVGNumber.text(comparison == .notCompared ? size - 0.5 : size)
        // A diamond and a square look the size of the circle when a little larger and smaller.
        let d = size * 1.25
        points = [(centreX, centreY - d), (centreX + d, centreY), (centreX, centreY + d), (centreX - d, centreY)]
            .map { "\(SVGNumber.text($0.0)),\(SVGNumber.text($0.1))" }.joined(separator: " ")
        let half = size * 0.9
        x = SVGNumber.text(centreX - half)
        y = SVGNumber.text(centreY - half)
        side = SVGNumber.text(2 * half)
        fill = comparison.fill
        stroke = comparison.stroke
        strokeWidth = comparison == .notCompared ? "2" : "1.5"
    }
}

/// A marker on its own, for legends and table cells: a small inline SVG.
struct MarkerIcon {
    var marker: ComparisonMarker
    var words: String

    init(_ comparison: ComparisonMark, words: String) {
        marker = ComparisonMarker(comparison, x: 9, y: 9, size: 5.5)
        self.words = words
    }
}
