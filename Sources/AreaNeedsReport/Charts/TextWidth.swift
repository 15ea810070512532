/// A rough width of a text in the report's sans-serif font, for laying out labels; SVG
/// cannot measure text before drawing it, and a slightly generous guess is enough.
enum TextWidth {
    /// Bold text is about a tenth wider.
    static let bold = 1.1

    static func estimate(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.56
    }

    /// The text broken at spaces into lines of at most `width` (estimated); a word longer
    /// than that has a line of its own. Nothing is left out.
    static func wrapped(_ text: String, width: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if line.isEmpty || estimate(candidate, fontSize: fontSize) <= width {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The width of the longest word: the narrowest that `wrapped` can keep to.
    static func longestWord(_ text: String, fontSize: Double) -> Double {
        text.split(separator: " ").map { estimate(String($0), fontSize: fontSize) }.max() ?? 0
    }
}
