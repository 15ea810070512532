/// A check of the input data, named by its key in the pipeline file's `checks:`.
public enum DataCheck: String, Sendable, CaseIterable {
    case unknownSmallArea = "unknown-small-area"
    case areaWithoutData = "area-without-data"
    case duplicateArea = "duplicate-area"
    case rowCount = "row-count"
    case areaCount = "area-count"
    case implausibleValue = "implausible-value"
    case numeratorAboveDenominator = "numerator-above-denominator"
    case negativeCount = "negative-count"
    case areaChanges = "area-changes"

    /// What happens to the data when the check is only a warning, for messages.
    public var whenWarning: String {
        switch self {
        case .unknownSmallArea: "those rows are left out"
        case .areaWithoutData: "those areas are published without a value"
        case .duplicateArea: "the first row of each code is used, the others are left out"
        case .rowCount, .areaCount: "the data is used as it is"
        case .implausibleValue, .numeratorAboveDenominator: "those figures are used as published"
        case .negativeCount: "those figures are left out"
        case .areaChanges: "the new codes are accepted, and later runs are compared with them"
        }
    }
}
