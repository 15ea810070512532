import AreaNeedsGeography
import AreaNeedsMethods
import AreaNeedsRelease

/// What a reader should know about a figure beyond its value: that it is missing, made up,
/// split from small areas shared with other areas, a district figure, an approximation, or
/// a stand-in for a measure with no source of its own, or the county's own figure carried
/// by every area (published for the county only, so not ranked).
/// The report shows these in the cells and says them in words; it never hides them.
struct DataFlags: OptionSet, Sendable, Hashable {
    let rawValue: Int

    static let missing = DataFlags(rawValue: 1 << 0)
    static let synthetic = DataFlags(rawValue: 1 << 1)
    static let apportioned = DataFlags(rawValue: 1 << 2)
    static let inherited = DataFlags(rawValue: 1 << 3)
    static let approximate = DataFlags(rawValue: 1 << 4)
    static let proxy = DataFlags(rawValue: 1 << 5)
    /// The county's figure, the same for every area: not ranked, and neither missing nor a
    /// district's figure.
    static let county = DataFlags(rawValue: 1 << 6)

    /// What a county figure is called, in tooltips, legends and tables.
    static let countyWords = "not ranked: county figure"
    /// The light grey of a county figure's cell, with dark ink: no quintile colour, no hatch.
    static let countyFill = "#E3E3E3"
    static let countyInk = "#1B1B1B"

    /// Whether an indicator is published for the county only (its source's geography is
    /// the county): every area carries the county's one figure, which is not ranked.
    static func isCountyOnly(_ indicator: IndicatorRow) -> Bool {
        indicator.sourceGeography == .county
    }

    /// The flags of an area's figure on an indicator.
    init(need: IndicatorNeedRow?, indicator: IndicatorRow) {
        var flags: DataFlags = []
        if need?.value == nil { flags.insert(.missing) }
        if indicator.synthetic { flags.insert(.synthetic) }
        // A stand-in's figures are all `proxy`; the indicator says so even where a figure is missing.
        if indicator.isProxy || need?.quality == .proxy { flags.insert(.proxy) }
        // Only a figure without a quintile: a county figure is never ranked, and a page that
        // meets one with a quintile draws the quintile.
        let county = need?.value != nil && need?.needQuintile == nil && DataFlags.isCountyOnly(indicator)
        if county { flags.insert(.county) }
        switch need?.quality {
        case .apportioned: flags.insert(.apportioned)
        case .inherited: if !county { flags.insert(.inherited) }
        case .approximate: flags.insert(.approximate)
        case .exact, .proxy, nil: break
        }
        self = flags
    }

    init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The flags in words, in a fixed order: "apportioned, synthetic".
    var words: [String] {
        var words: [String] = []
        if contains(.missing) { words.append("no value") }
        if contains(.county) { words.append(DataFlags.countyWords) }
        if contains(.inherited) { words.append("district figure (inherited)") }
        if contains(.apportioned) { words.append("apportioned") }
        if contains(.approximate) { words.append("approximate") }
        if contains(.proxy) { words.append("stand-in (proxy)") }
        if contains(.synthetic) { words.append("synthetic") }
        return words
    }

    /// Short marks for table cells, matching the chart markers and the legend.
    var marks: String {
        var marks: [String] = []
        if contains(.county) { marks.append("C") }
        if contains(.inherited) { marks.append("D") }
        if contains(.apportioned) { marks.append("A") }
        if contains(.approximate) { marks.append("≈") }
        if contains(.proxy) { marks.append("P") }
        if contains(.synthetic) { marks.append("S") }
        return marks.joined(separator: " ")
    }
}
