import AreaNeedsTables

/// Text from a configuration file that a release publishes (titles, notes, units, labels,
/// the framework's outcomes and measures): refused when a terminal or a spreadsheet would
/// act on it, so that a release never holds a live cell (see `SafeText`).
enum PublishedText {
    /// What is wrong with `text` as published text, for the file's author; nil when
    /// nothing is. Line feeds are allowed only in `multiline` text (notes, descriptions).
    static func problem(_ text: String, multiline: Bool = false) -> String? {
        guard let reason = SafeText.problem(in: text, multiline: multiline) else { return nil }
        return "\"\(SafeText.excerpt(text, limit: 40))\": \(reason); published text may not hold control characters"
            + (multiline ? " (line breaks aside)" : " or line breaks")
            + " nor begin with =, +, - or @ (reword it, or start with a word)"
    }
}
