import AreaNeedsRelease

/// A coloured quintile badge for tables: the number on its palette colour, with words.
struct QuintileBadge {
    var hasQuintile: Bool
    var number: String
    var fill: String
    var ink: String
    var label: String

    init(_ quintile: Int?) {
        hasQuintile = quintile != nil
        number = quintile.map(String.init) ?? "–"
        fill = NeedPalette.fill(quintile: quintile)
        ink = NeedPalette.ink(quintile: quintile)
        label = quintile.map { NeedPalette.label(quintile: $0) } ?? "not ranked: no data"
    }

    /// The badge of the county's own figure: not ranked, and not for want of data.
    init(county: Void) {
        hasQuintile = false
        number = "C"
        fill = DataFlags.countyFill
        ink = DataFlags.countyInk
        label = DataFlags.countyWords
    }
}
