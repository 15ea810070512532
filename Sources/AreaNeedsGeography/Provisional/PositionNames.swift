/// Names for the areas of a district from their position in the ONS numbering of its
/// MSOAs, which runs roughly from north to south.
enum PositionNames {
    /// "North", "Central", "South" and so on for up to five areas; "1", "2"... for more;
    /// no suffix for a district with one area.
    static func suffixes(count: Int) -> [String] {
        switch count {
        case 1: [""]
        case 2: ["North", "South"]
        case 3: ["North", "Central", "South"]
        case 4: ["North", "North Central", "South Central", "South"]
        case 5: ["North", "North Central", "Central", "South Central", "South"]
        default: (1...max(count, 1)).map(String.init)
        }
    }

    /// The district's name followed by each suffix.
    static func names(district: String, count: Int) -> [String] {
        suffixes(count: count).map { $0.isEmpty ? district : "\(district) \($0)" }
    }
}
