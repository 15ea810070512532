import Foundation

/// Coordinates written for SVG: one decimal at most, no trailing ".0", so the markup is
/// short and the same release always gives the same bytes.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        // A release edited by hand can hold any number: the chart is drawn, not trapped.
        guard rounded.isFinite else { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }
}
