/// What a check that finds a problem does: stop the run, or say so and go on.
public enum CheckSeverity: String, Codable, Sendable, Equatable, CaseIterable {
    case error
    case warning
}

/// Which data problems stop a run and which are warnings (the pipeline file's `checks:`).
///
/// Every check runs in `run` and `validate`, before anything is published; `DataCheck`
/// says what each one looks for and what a warning lets through.
public struct ChecksSpec: Codable, Sendable, Equatable {
    /// A small-area code in an extract that the lookup does not know.
    public var unknownSmallArea: CheckSeverity
    /// A target area left with no data for an indicator.
    public var areaWithoutData: CheckSeverity
    /// An area code on two rows of one source.
    public var duplicateArea: CheckSeverity
    /// A source with fewer or more rows than its `expected-rows` (at least one by default).
    public var rowCount: CheckSeverity
    /// An indicator with data for fewer or more target areas than its `expected-areas`.
    public var areaCount: CheckSeverity
    /// A small-area value outside the indicator's `plausible-range`.
    public var implausibleValue: CheckSeverity
    /// A proportion or percentage whose numerator exceeds its denominator.
    public var numeratorAboveDenominator: CheckSeverity
    /// A negative numerator, denominator or population.
    public var negativeCount: CheckSeverity
    /// A source whose area codes changed a lot since its previous ingest.
    public var areaChanges: CheckSeverity
    /// The share of area codes (new plus gone, in percent of the previous ingest's codes)
    /// above which `area-changes` reports a source.
    public var areaChangeLimit: Double

    enum CodingKeys: String, CodingKey, CaseIterable {
        case unknownSmallArea = "unknown-small-area"
        case areaWithoutData = "area-without-data"
        case duplicateArea = "duplicate-area"
        case rowCount = "row-count"
        case areaCount = "area-count"
        case implausibleValue = "implausible-value"
        case numeratorAboveDenominator = "numerator-above-denominator"
        case negativeCount = "negative-count"
        case areaChanges = "area-changes"
        case areaChangeLimit = "area-change-limit"
    }

    /// The defaults: everything that cannot be right is an error; an area without data
    /// (a suppressed figure, a district the source skips) is a warning.
    public init(
        unknownSmallArea: CheckSeverity = .error, areaWithoutData: CheckSeverity = .warning,
        duplicateArea: CheckSeverity = .error, rowCount: CheckSeverity = .error, areaCount: CheckSeverity = .error,
        implausibleValue: CheckSeverity = .error, numeratorAboveDenominator: CheckSeverity = .error,
        negativeCount: CheckSeverity = .error, areaChanges: CheckSeverity = .error, areaChangeLimit: Double = 5
    ) {
        self.unknownSmallArea = unknownSmallArea
        self.areaWithoutData = areaWithoutData
        self.duplicateArea = duplicateArea
        self.rowCount = rowCount
        self.areaCount = areaCount
        self.implausibleValue = implausibleValue
        self.numeratorAboveDenominator = numeratorAboveDenominator
        self.negativeCount = negativeCount
        self.areaChanges = areaChanges
        self.areaChangeLimit = areaChangeLimit
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ChecksSpec()
        func severity(_ key: CodingKeys, _ fallback: CheckSeverity) throws -> CheckSeverity {
            try container.decodeIfPresent(CheckSeverity.self, forKey: key) ?? fallback
        }
        unknownSmallArea = try severity(.unknownSmallArea, defaults.unknownSmallArea)
        areaWithoutData = try severity(.areaWithoutData, defaults.areaWithoutData)
        duplicateArea = try severity(.duplicateArea, defaults.duplicateArea)
        rowCount = try severity(.rowCount, defaults.rowCount)
        areaCount = try severity(.areaCount, defaults.areaCount)
        implausibleValue = try severity(.implausibleValue, defaults.implausibleValue)
        numeratorAboveDenominator = try severity(.numeratorAboveDenominator, defaults.numeratorAboveDenominator)
        negativeCount = try severity(.negativeCount, defaults.negativeCount)
        areaChanges = try severity(.areaChanges, defaults.areaChanges)
        areaChangeLimit = try container.decodeIfPresent(Double.self, forKey: .areaChangeLimit) ?? defaults.areaChangeLimit
    }

    /// The severity the pipeline gives `check`.
    public func severity(_ check: DataCheck) -> CheckSeverity {
        switch check {
        case .unknownSmallArea: unknownSmallArea
        case .areaWithoutData: areaWithoutData
        case .duplicateArea: duplicateArea
        case .rowCount: rowCount
        case .areaCount: areaCount
        case .implausibleValue: implausibleValue
        case .numeratorAboveDenominator: numeratorAboveDenominator
        case .negativeCount: negativeCount
        case .areaChanges: areaChanges
        }
    }
}
