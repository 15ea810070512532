import AreaNeedsRelease
import Foundation

/// How an indicator's figures are written: one number of decimals for the whole indicator,
/// chosen from the size of its values so that neighbouring areas can be told apart, and
/// the unit placed as people write it (`12.3%`, `£25,000`, `78.1 years`).
struct ValueFormat: Sendable {
    let unit: String
    let decimals: Int

    init(unit: String, values: [Double]) {
        self.unit = unit
        let largest = values.map(abs).max() ?? 0
        decimals = switch largest {
        case 1000...: 0
        case 10...: 1
        case 1...: 2
        default: 3
        }
    }

    /// The number alone, with thousands separators: for table cells under a unit heading.
    func number(_ value: Double) -> String {
        ValueFormat.grouped(String(format: "%.\(decimals)f", value))
    }

    /// The number with its unit.
    func text(_ value: Double) -> String {
        switch unit {
        case "%": number(value) + "%"
        case "£": (value < 0 ? "-£" : "£") + number(abs(value))
        case "": number(value)
        default: number(value) + " " + unit
        }
    }

    /// The number with its unit where the unit is a symbol (`12.3%`, `£25,000`), else the
    /// number alone: for tables that name the unit once, beside the indicator.
    func compact(_ value: Double) -> String {
        hasSymbol ? text(value) : number(value)
    }

    /// Whether the unit is written as a symbol on the number.
    var hasSymbol: Bool { unit == "%" || unit == "£" || unit.isEmpty }

    /// The number, or an en dash for no value.
    func number(_ value: Double?) -> String {
        value.map { number($0) } ?? "–"
    }

    /// A unit for column headings: "%", "£", "years".
    var heading: String { unit.isEmpty ? "value" : unit }

    /// Inserts commas every three digits of the whole part: "25000.5" → "25,000.5".
    static func grouped(_ text: String) -> String { FigureText.grouped(text) }
}
