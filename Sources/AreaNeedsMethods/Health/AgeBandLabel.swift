/// An age band as a publisher labels it, read without its scheme: "0", "1-4", "5 – 9",
/// "Aged 5 to 9 years", "85-89", "90+", "90 +", "90 and over", "<1", "Under 1",
/// "Aged 4 years and under". `AgeBandScheme.band(for:)` finds the band it names.
///
/// A plain number is a start age ("5" is the band that starts at 5, whatever its width);
/// a range must also end where the scheme's band ends.
package struct AgeBandLabel: Hashable, Sendable {
    /// What the label says of the band's last age.
    package enum Upper: Hashable, Sendable {
        /// A plain number: only the start age is given.
        case unstated
        /// A closed range that ends at this age ("5-9", "Under 1" ends at 0).
        case through(Int)
        /// An open last band ("90+").
        case open
    }

    /// The first age in the band.
    package var start: Int
    /// What the label says of the band's last age.
    package var upper: Upper

    /// A label with the given ages.
    package init(start: Int, upper: Upper) {
        self.start = start
        self.upper = upper
    }

    /// Reads a label as publishers write it; nil when it is not one (see the type's summary).
    package init?(_ text: some StringProtocol) {
        guard let (start, upper) = Self.read(Self.normalised(text)) else { return nil }
        self.init(start: start, upper: upper)
    }

    /// Lower case, dashes and "to" as "-", open and under-age phrases as one mark each
    /// ("+", "<" and "≤" after the age), the words "aged" and "years" dropped, no spaces.
    private static func normalised(_ text: some StringProtocol) -> String {
        var words = text.lowercased()
        for dash in ["\u{2013}", "\u{2014}", "\u{2012}", "\u{2212}", "\u{2010}", "\u{2011}"] {
            words = words.replacing(dash, with: "-")
        }
        words = " " + words.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }).joined(separator: " ") + " "
        // Longer phrases first: "and under" before "under".
        let phrases: [(String, String)] = [
            (" and over ", "+"), (" or over ", "+"), (" and above ", "+"), (" or above ", "+"),
            (" or more ", "+"), (" or older ", "+"), (" plus ", "+"),
            (" and under ", "≤"), (" or under ", "≤"), (" and below ", "≤"), (" or below ", "≤"),
            (" or younger ", "≤"), (" or less ", "≤"),
            (" under ", "<"), (" less than ", "<"), (" below ", "<"),
            (" to ", "-"), (" aged ", " "), (" age ", " "), (" ages ", " "),
            (" years ", " "), (" year ", " "), (" yrs ", " "), (" yr ", " "),
        ]
        // Each phrase may sit beside another ("aged 90 years and over"), so spaces are kept
        // until every phrase has been replaced.
        var changed = true
        while changed {
            changed = false
            for (phrase, mark) in phrases where words.contains(phrase) {
                words = words.replacing(phrase, with: " \(mark) ")
                changed = true
            }
        }
        return String(words.filter { $0 != " " })
    }

    /// Reads "N", "N-M", "N+", "<N" and "N≤" (N and under), with N and M whole ages.
    private static func read(_ text: String) -> (Int, Upper)? {
        if text.hasPrefix("<") {
            guard let below = age(text.dropFirst()), below >= 1 else { return nil }
            return (0, .through(below - 1))
        }
        if text.hasSuffix("+") {
            return age(text.dropLast()).map { ($0, .open) }
        }
        if text.hasSuffix("≤") {
            return age(text.dropLast()).map { (0, .through($0)) }
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            return age(parts[0]).map { ($0, .unstated) }
        case 2:
            guard let first = age(parts[0]), let last = age(parts[1]), last >= first else { return nil }
            return (first, .through(last))
        default:
            return nil
        }
    }

    /// A whole age of at most three digits.
    private static func age(_ digits: Substring) -> Int? {
        guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}
