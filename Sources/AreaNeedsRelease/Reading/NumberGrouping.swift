/// Thousands separators for figures shown to people, the same in every tool that shows a
/// release: the report, `assess` and `advise`.
public enum NumberGrouping {
    /// Inserts commas every three digits of the whole part: "25000.5" → "25,000.5".
    public static func grouped(_ text: String) -> String {
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
}
