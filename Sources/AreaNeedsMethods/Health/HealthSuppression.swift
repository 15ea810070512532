import Foundation

/// Why an area has no life expectancy, disability-free life expectancy or standardised rate:
/// PHEindicatormethods' validation and suppression rules, reported per area.
///
/// `isBadInput` marks the reasons that are errors in the input (the stage stops and names the
/// file, area and band); the others are published as a suppressed figure with the reason.
package enum HealthSuppression: Hashable, Sendable, CustomStringConvertible {
    /// No deaths and population row reached this band.
    case bandMissing(AgeBand)
    /// No prevalence row reached this band (disability-free life expectancy).
    case prevalenceMissing(AgeBand)
    /// More deaths than person-years in this band (`phe_life_expectancy`: "some age bands have
    /// more deaths than population").
    case deathsAbovePopulation(AgeBand)
    /// The band's person-years sum to zero (`phe_life_expectancy`: "some age bands have a zero
    /// or less population"; `calculate_dsr`: "denominators must all be greater than zero").
    case populationNotPositive(AgeBand)
    /// Nobody was counted for the prevalence of disability in this band.
    case nobodySurveyed(AgeBand)
    /// 5,000 person-years or fewer in all (`phe_life_expectancy` suppresses a total of 5,000 or
    /// less: "some groups have a total population of less than 5,000").
    case populationTooSmall(Double)
    /// No deaths in the open last band, whose mean survival 1/M is then unbounded
    /// (`phe_life_expectancy` gives no value: "there must be at least one death in the 90+ interval").
    case noDeathsInLastBand(AgeBand)
    /// The 95% interval is wider than 20 years (`phe_life_expectancy`: "some life expectancy
    /// values have a 95% confidence interval > 20 years"); the interval is still given.
    case intervalWiderThan20Years(Double)
    /// Fewer than 10 events in all (`calculate_dsr`: "dsr NA for total count < 10").
    case fewerThan10Events(Double)

    /// Whether the reason is an error in the input rather than a figure too uncertain to publish.
    package var isBadInput: Bool {
        switch self {
        case .bandMissing, .prevalenceMissing, .deathsAbovePopulation: true
        default: false
        }
    }

    package var description: String {
        switch self {
        case .bandMissing(let band): "age band \(band.label) has no deaths and population"
        case .prevalenceMissing(let band): "age band \(band.label) has no disability counts"
        case .deathsAbovePopulation(let band): "age band \(band.label) has more deaths than population"
        case .populationNotPositive(let band): "age band \(band.label) has no population"
        case .nobodySurveyed(let band): "age band \(band.label) has nobody counted for disability"
        case .populationTooSmall(let total): "total population \(HealthSuppression.count(total)) is 5,000 or less"
        case .noDeathsInLastBand(let band): "the last age band, \(band.label), has no deaths"
        case .intervalWiderThan20Years(let width): "the 95% confidence interval is \(String(format: "%.1f", width)) years wide, more than 20"
        case .fewerThan10Events(let total): "fewer than 10 events (\(HealthSuppression.count(total)))"
        }
    }

    /// A count as people read it: 4,000; 9.5 when apportioned.
    static func count(_ value: Double) -> String {
        let whole = value.rounded() == value && abs(value) < 1e15
        let text = whole ? String(Int(value)) : String(format: "%.1f", value)
        guard whole else { return text }
        var grouped = ""
        for (position, digit) in text.reversed().enumerated() {
            if position > 0 && position % 3 == 0 && digit != "-" { grouped.append(",") }
            grouped.append(digit)
        }
        return String(grouped.reversed())
    }
}
