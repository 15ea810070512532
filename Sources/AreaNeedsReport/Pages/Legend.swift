import AreaNeedsRelease

/// The key to a heatmap: the five quintile colours, what a hatched cell means, and for
/// the indicator heatmap the data markers. Everything is printed: no part of it needs a
/// pointer.
struct Legend {
    struct Swatch {
        var number: String
        var fill: String
        var ink: String
        var label: String
    }

    /// Unique on the page; prefixes the legend's pattern ids.
    var id: String
    var swatches: [Swatch]
    /// What a hatched cell with a dash means: "no value", or "not ranked: no data".
    var missing: String
    /// Whether to explain the data markers (the indicator heatmap only).
    var markers: Bool
    /// Whether to explain the stand-in ring (only when some indicator is a stand-in).
    var proxy: Bool
    /// Whether to explain the synthetic hatch (only when some data is synthetic).
    var synthetic: Bool
    /// Whether to explain the county figure's grey cell (only when some indicator is
    /// published for the county only).
    var county: Bool
    var countyFill = DataFlags.countyFill
    var countyInk = DataFlags.countyInk
    var countyWords = DataFlags.countyWords
    /// "SPA": what the areas are called.
    var areaLabel: String

    init(id: String, missing: String, markers: Bool, proxy: Bool = false, synthetic: Bool = false, county: Bool = false,
         areaLabel: String = "area") {
        self.id = id
        swatches = (1...5).map { quintile in
            Swatch(number: String(quintile), fill: NeedPalette.fill(quintile: quintile), ink: NeedPalette.ink(quintile: quintile),
                   label: quintile == 1 ? "1: worst fifth (greatest need)" : quintile == 5 ? "5: best fifth" : "\(quintile): \(NeedPalette.label(quintile: quintile))")
        }
        self.missing = missing
        self.markers = markers
        self.proxy = proxy
        self.synthetic = synthetic
        self.county = county
        self.areaLabel = areaLabel
    }
}
