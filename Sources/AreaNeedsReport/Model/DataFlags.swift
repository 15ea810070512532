import AreaNeedsMethods
import AreaNeedsRelease

/// What a reader should know about a figure beyond its value: that it is missing, made up,
/// split from small areas shared with other areas, a district figure, an approximation, or
/// a stand-in for a measure with no source of its own.
/// The report shows these in the cells and says them in words; it never hides them.
struct DataFlags: OptionSet, Sendable, Hashable {
    let rawValue: Int

    static let missing = DataFlags(rawValue: 1 << 0)
    static let synthetic = DataFlags(rawValue: 1 << 1)
    static let apportioned = DataFlags(rawValue: 1 << 2)
    static let inherited = DataFlags(rawValue: 1 << 3)
    static let approximate = DataFlags(rawValue: 1 << 4)
    static let proxy = DataFlags(rawValue: 1 << 5)

    /// The flags of an area's figure on an indicator.
    init(need: IndicatorNeedRow?, indicator: IndicatorRow) {
        var flags: DataFlags = []
        if need?.value == nil { flags.insert(.missing) }
        if indicator.synthetic { flags.insert(.synthetic) }
        // A stand-in's figures are all `proxy`; the indicator says so even where a figure is missing.
        if indicator.isProxy || need?.quality == .proxy { flags.insert(.proxy) }
        switch need?.quality {
        case .apportioned: flags.insert(.apportioned)
        case .inherited: flags.insert(.inherited)
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
        if contains(.inherited) { marks.append("D") }
        if contains(.apportioned) { marks.append("A") }
        if contains(.approximate) { marks.append("≈") }
        if contains(.proxy) { marks.append("P") }
        if contains(.synthetic) { marks.append("S") }
        return marks.joined(separator: " ")
    }
}
