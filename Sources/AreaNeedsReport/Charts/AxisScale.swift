import Foundation

/// A linear scale from values to x positions, with round tick values ("nice numbers":
/// steps of 1, 2 or 5 times a power of ten) that cover the data.
struct AxisScale {
    let lower: Double
    let upper: Double
    let step: Double
    let start: Double
    let end: Double

    /// - Parameters: the data's extent and the pixel range to map it onto.
    init(covering values: [Double], from start: Double, to end: Double, ticks: Int = 5) {
        // Only finite values, whose spread is itself finite, can be drawn to scale; a
        // release edited by hand may hold others.
        let drawable = values.filter(\.isFinite)
        var low = drawable.min() ?? 0
        var high = drawable.max() ?? 1
        if !(high - low).isFinite {
            (low, high) = (0, 1)
        }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let rough = (high - low) / Double(ticks)
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let normalised = rough / magnitude
        let nice: Double = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10
        step = nice * magnitude
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
        self.start = start
        self.end = end
    }

    /// The x position of a value.
    func x(_ value: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// The tick values, lowest first.
    var ticks: [Double] {
        let count = min(100, max(0, Int(exactly: ((upper - lower) / step).rounded()) ?? 0))
        // Multiplying, not adding, keeps the values free of accumulated rounding.
        return (0...count).map { lower + Double($0) * step }
    }

    /// A tick's label, with as many decimals as the step needs.
    func label(_ value: Double) -> String {
        let decimals = min(20, max(0, -(Int(exactly: log10(step).rounded(.down)) ?? 0)))
        return ValueFormat.grouped(String(format: "%.\(decimals)f", value))
    }
}
