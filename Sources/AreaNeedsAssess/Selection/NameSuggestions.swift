/// The valid names nearest to a mistyped one, so an error can say "did you mean ...?".
struct NameSuggestions {
    /// The names a term may be; matched without regard to case.
    let names: [String]

    /// Up to three names within a small edit distance of `term` (or starting with it),
    /// nearest first.
    func nearest(to term: String) -> [String] {
        let wanted = NameSuggestions.key(term)
        guard !wanted.isEmpty else { return [] }
        // A typo costs about one edit per four letters; short codes allow two.
        let limit = max(2, wanted.count / 4)
        var scored: [(name: String, distance: Int)] = []
        var seen: Set<String> = []
        for name in names where seen.insert(NameSuggestions.key(name)).inserted {
            let candidate = NameSuggestions.key(name)
            let distance = NameSuggestions.distance(wanted, candidate)
            if distance <= limit {
                scored.append((name, distance))
            } else if wanted.count >= 3, candidate.hasPrefix(wanted) {
                scored.append((name, limit + 1))
            }
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(3).map(\.name)
    }

    /// The form names are compared in: lower case, spaces trimmed and runs of spaces made one.
    static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The Levenshtein distance between two strings, by characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// "; did you mean 'Burnley'?" or "; did you mean 'A' or 'B'?", or nothing.
    func hint(for term: String) -> String {
        let found = nearest(to: term).map { "'\($0)'" }
        switch found.count {
        case 0: return ""
        case 1: return "; did you mean \(found[0])?"
        default: return "; did you mean " + found.dropLast().joined(separator: ", ") + " or " + found.last! + "?"
        }
    }
}
