/// A rough width of a text in the report's sans-serif font, for laying out labels; SVG
/// cannot measure text before drawing it, and a slightly generous guess is enough.
enum TextWidth {
    static func estimate(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.56
    }

    /// The text cut at a word boundary to fit `limit` characters, with an ellipsis.
    static func shortened(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit - 1))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        while cut.last == " " || cut.last == "," || cut.last == "(" { cut.removeLast() }
        return cut + "…"
    }
}
