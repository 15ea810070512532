/// A check of the input data, named by its key in the pipeline file's `checks:`.
package enum DataCheck: String, Sendable, CaseIterable {
    /// A small-area code in an extract that the lookup does not know.
    case unknownSmallArea = "unknown-small-area"
    /// A target area left with no data for an indicator.
    case areaWithoutData = "area-without-data"
    /// An area code on two rows of one source.
    case duplicateArea = "duplicate-area"
    /// A source with fewer or more rows than its `expected-rows` (at least one by default).
    case rowCount = "row-count"
    /// An indicator with data for fewer or more target areas than its `expected-areas`.
    case areaCount = "area-count"
    /// A small-area value outside the indicator's `plausible-range`.
    case implausibleValue = "implausible-value"
    /// A proportion or percentage whose numerator exceeds its denominator.
    case numeratorAboveDenominator = "numerator-above-denominator"
    /// A negative numerator, denominator or population.
    case negativeCount = "negative-count"
    /// A source whose area codes changed a lot since its previous ingest.
    case areaChanges = "area-changes"
    /// An area whose latest period in a source (`period:`) is older than the other areas'.
    case olderPeriod = "older-period"
    /// An area figure that moved a lot since the newest release, or an indicator whose areas
    /// all changed order: a refresh that may have read the wrong column or file.
    case changeSinceLastRelease = "change-since-last-release"

    /// What the check does unless the pipeline says otherwise: everything that cannot be
    /// right is an error; an area without data (a suppressed figure, a district the source
    /// skips), an area whose latest figure is older than the others' (a late return) and a
    /// large change since the last release (new data may really move) are warnings.
    package var defaultSeverity: CheckSeverity {
        switch self {
        case .areaWithoutData, .changeSinceLastRelease, .olderPeriod: .warning
        default: .error
        }
    }

    /// What happens to the data when the check is only a warning, for messages.
    package var whenWarning: String {
        switch self {
        case .unknownSmallArea: "those rows are left out"
        case .areaWithoutData: "those areas are published without a value"
        case .duplicateArea: "the first row of each code is used, the others are left out"
        case .rowCount, .areaCount: "the data is used as it is"
        case .implausibleValue, .numeratorAboveDenominator: "those figures are used as published"
        case .negativeCount: "those figures are left out"
        case .areaChanges: "the new codes are accepted, and later runs are compared with them"
        case .changeSinceLastRelease: "the new figures are used; check them against the source before publishing"
        case .olderPeriod: "those areas take the figures of their own latest period"
        }
    }
}
