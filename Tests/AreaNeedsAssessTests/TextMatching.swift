extension String {
    /// The text with every run of spaces and line breaks made one space, so tests can look
    /// for a sentence wherever the answer wrapped it.
    var flattened: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
