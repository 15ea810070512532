import AreaNeedsRelease
import Foundation

/// How an indicator's figures are written: one number of decimals for the whole indicator,
/// chosen from the size of its values so that neighbouring areas can be told apart, and
/// the unit placed as people write it (`12.3%`, `£25,000`, `78.1 years`). Rank-valued
/// figures (IoD average ranks) read as ranks of the national count: in full, "average rank
/// 25,726 of 32,844 (higher = more deprived)", or in narrow cells "25,726 of 32,844".
struct ValueFormat: Sendable {
    let unit: String
    let decimals: Int
    /// The indicator, when its values are ranks.
    private let rankValued: IndicatorRow?

    init(unit: String, values: [Double]) {
        let largest = values.map(abs).max() ?? 0
        let decimals = switch largest {
        case 1000...: 0
        case 10...: 1
        case 1...: 2
        default: 3
        }
        self.init(unit: unit, decimals: decimals, rankValued: nil)
    }

    /// The format of an indicator's figures: whole ranks for a rank-valued indicator.
    init(indicator: IndicatorRow, values: [Double]) {
        if indicator.isRankValued {
            self.init(unit: indicator.unit, decimals: 0, rankValued: indicator)
        } else {
            self.init(unit: indicator.unit, values: values)
        }
    }

    private init(unit: String, decimals: Int, rankValued: IndicatorRow?) {
        self.unit = unit
        self.decimals = decimals
        self.rankValued = rankValued
    }

    /// The number alone, with thousands separators: for table cells under a unit heading.
    func number(_ value: Double) -> String {
        ValueFormat.grouped(String(format: "%.\(decimals)f", value))
    }

    /// The number with its unit, or a rank in full.
    func text(_ value: Double) -> String {
        if let rank = rankValued?.rankText(value) { return rank }
        return switch unit {
        case "%": number(value) + "%"
        case "£": (value < 0 ? "-£" : "£") + number(abs(value))
        case "": number(value)
        default: number(value) + " " + unit
        }
    }

    /// The number with its unit where the unit is a symbol (`12.3%`, `£25,000`), a rank as
    /// "25,726 of 32,844", else the number alone: for tables that name the unit once.
    func compact(_ value: Double) -> String {
        if let indicator = rankValued {
            return number(value) + (indicator.nationalCount.map { " of " + ValueFormat.grouped(String($0)) } ?? "")
        }
        return hasSymbol ? text(value) : number(value)
    }

    /// Whether the figures are ranks of a national count.
    var isRank: Bool { rankValued != nil }

    /// Whether the numbers carry their unit (a symbol, or "of" a rank's national count).
    var hasSymbol: Bool { rankValued != nil || unit == "%" || unit == "£" || unit.isEmpty }

    /// What the numbers are, where `compact` does not say it: "years", or for ranks
    /// "average rank of 32,844 (higher = more deprived)"; empty when the numbers say it.
    var unitNote: String {
        if let indicator = rankValued {
            let what = indicator.aggregation == .averageRank ? "average rank" : "local concentration rank"
            let of = indicator.nationalCount.map { " of " + ValueFormat.grouped(String($0)) } ?? ""
            return "\(what)\(of) (higher = more deprived)"
        }
        return hasSymbol ? "" : unit
    }

    /// The number, or an en dash for no value.
    func number(_ value: Double?) -> String {
        value.map { number($0) } ?? "–"
    }

    /// A unit for column headings: "%", "£", "years", "average rank of 32,844 (higher = more deprived)".
    var heading: String { rankValued != nil ? unitNote : unit.isEmpty ? "value" : unit }

    /// Inserts commas every three digits of the whole part: "25000.5" → "25,000.5".
    static func grouped(_ text: String) -> String { FigureText.grouped(text) }
}
