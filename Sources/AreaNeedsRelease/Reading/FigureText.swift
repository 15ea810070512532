import Foundation

/// Figures as people read them, the same in every tool that shows a release: the report,
/// `assess`, `advise` and `diff`.
package enum FigureText {
    /// Inserts commas every three digits of the whole part: "25000.5" → "25,000.5".
    package static func grouped(_ text: String) -> String {
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = String(parts[0])
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole.removeLast(3)
        }
        groups.insert(whole, at: 0)
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        // "-0.0" reads as a negative number; a zero has no sign.
        let isZero = body.allSatisfy { $0 == "0" || $0 == "." }
        return (isZero ? "" : sign) + groups.joined(separator: ",") + fraction
    }

    /// A figure for reading, not for computing: whole numbers as they are, four significant
    /// digits below 100 ("67.92", "0.0957"), one decimal above ("29512.3"); no trailing zeros.
    package static func readable(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = abs(value) >= 100 ? String(format: "%.1f", value) : String(format: "%.4g", value)
        guard text.contains("."), !text.contains("e") else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed.removeLast() }
        if trimmed.last == "." { trimmed.removeLast() }
        return String(trimmed)
    }

    /// A figure with its indicator's unit: "12.5%", "£25,000", "7.61 score out of 10", or
    /// for a rank-valued indicator "average rank 25,726 of 32,844 (higher = more deprived)".
    package static func value(_ value: Double, of indicator: IndicatorRow) -> String {
        if let rank = indicator.rankText(value) { return rank }
        switch indicator.unit {
        case "£": return (value < 0 ? "-£" : "£") + grouped(readable(abs(value)))
        case "%": return readable(value) + "%"
        case "": return readable(value)
        default: return readable(value) + " " + indicator.unit
        }
    }
}
