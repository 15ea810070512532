/// A small-area row by age band that cannot be counted. The stage adds the file, line, area and
/// band; the description says what is wrong.
package enum AgeBandRowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A count below zero (deaths, population, disabled, surveyed).
    case negative(figure: String, value: Double)
    /// A count that is not a finite number.
    case notANumber(figure: String)
    /// A lookup weight outside 0 < weight <= 1.
    case weightOutOfRange(Double)
    /// More people with a disability than people counted.
    case disabledAboveSurveyed(disabled: Double, surveyed: Double)

    package var description: String {
        switch self {
        case .negative(let figure, let value): "\(figure) is negative (\(value))"
        case .notANumber(let figure): "\(figure) is not a number"
        case .weightOutOfRange(let weight): "lookup weight \(weight) is outside 0 < weight <= 1"
        case .disabledAboveSurveyed(let disabled, let surveyed):
            "more people are counted with a disability (\(disabled)) than in all (\(surveyed))"
        }
    }
}
