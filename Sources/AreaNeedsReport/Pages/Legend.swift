import AreaNeedsRelease

/// The key to the heatmaps: the five quintile colours and the data markers.
struct Legend {
    struct Swatch {
        var number: String
        var fill: String
        var ink: String
        var label: String
    }

    var swatches: [Swatch]
    /// Whether to explain the synthetic hatch (only when some data is synthetic).
    var synthetic: Bool

    init(synthetic: Bool) {
        swatches = (1...5).map { quintile in
            Swatch(number: String(quintile), fill: NeedPalette.fill(quintile: quintile), ink: NeedPalette.ink(quintile: quintile),
                   label: quintile == 1 ? "1: worst fifth (greatest need)" : quintile == 5 ? "5: best fifth" : "\(quintile): \(NeedPalette.label(quintile: quintile))")
        }
        self.synthetic = synthetic
    }
}
