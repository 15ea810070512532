import Foundation

/// Coordinates written for SVG: one decimal at most, no trailing ".0", so the markup is
/// short and the same release always gives the same bytes.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        // A release edited by hand can hold any number: the chart is drawn, not trapped.
        guard rounded.isFinite else { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        // Tenths by integers: String(format:) was an eighth of a national report's time.
        if abs(rounded) < 1e14 {
            let tenths = Int((abs(rounded) * 10).rounded())
            return (rounded < 0 ? "-" : "") + String(tenths / 10) + "." + String(tenths % 10)
        }
        return String(format: "%.1f", rounded)
    }
}
