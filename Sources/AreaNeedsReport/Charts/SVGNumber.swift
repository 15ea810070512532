import Foundation

/// Coordinates written for SVG: one decimal at most, no trailing ".0", so the markup is
/// short and the same release always gives the same bytes.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }
}
