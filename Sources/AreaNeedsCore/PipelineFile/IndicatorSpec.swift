import AreaNeedsGeography
import AreaNeedsMethods
import AreaNeedsTables

/// One needs indicator: what it measures, where its data comes from and how it combines.
public struct IndicatorSpec: Codable, Sendable, Equatable {
    /// A stable id, lower case with hyphens: the key in every release table.
    public var id: String
    package var title: String
    /// The social value objective (1-5) it informs.
    package var objective: Int
    package var polarity: Polarity
    /// The unit of the published value: "%", "years", "£", "score", "rank"...
    package var unit: String
    /// Which edition of the data: "Census 2021", "IoD 2019". May be left out of a source
    /// that chooses its period (`period:`, `value: {columns: latest}`): the period chosen is
    /// the vintage then.
    package var vintage: String?
    /// How small-area figures combine; required with a source.
    package var aggregation: AggregationMethod?
    /// Where the data is; absent when there is none this year (then `unavailable` says why).
    package var source: SourceSpec?
    /// Why the indicator has no data this year; it is published with empty values.
    package var unavailable: String?
    /// Multiplies a rate (100 for a percentage, 1000 for a rate per 1,000).
    public var scale: Double?
    /// The population (from `populations`) that weights averages, when the source has none.
    package var weight: String?
    /// For rank methods: how many small areas the national ranking has (default: the
    /// largest rank in the source).
    public var nationalCount: Int?
    /// Small-area values outside this range are reported (`checks: implausible-value`).
    public var plausibleRange: PlausibleRange?
    /// How many target areas should get a value (`checks: area-count`).
    public var expectedAreas: CountRange?
    /// Caveats for the public, shown as written in the release, the report and `assess`.
    package var notes: String?
    /// The framework indicators this one stands in for, having no source of their own: its
    /// own id when its figure is a stand-in for the measure its title names, or the ids of
    /// other (unavailable) indicators. Its figures then carry quality `proxy`.
    package var standsInFor: [String]
    /// The severities of the checks on this indicator's data where they differ from the
    /// pipeline's (`checks: {area-without-data: warning}` for a source known to lack an area).
    package var checks: ChecksSpec?
    /// For `life-expectancy` and `disability-free-life-expectancy`: the age the expectancy is
    /// at, a start age of the age bands (0, at birth, when not given).
    package var atAge: Int?
    /// For the age-band methods: the confidence level of the interval, 0 < confidence < 1
    /// (0.95 when not given).
    package var confidence: Double?
    /// For `standardised-rate`: a file of the standard population by age band, in place of
    /// the built-in 2013 European Standard Population.
    package var standardPopulation: String?

    /// True when the indicator's figures stand in for a measure with no source of its own.
    package var isProxy: Bool { !standsInFor.isEmpty }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, objective, polarity, unit, vintage, aggregation, source, unavailable, scale, weight
        case nationalCount = "national-count", plausibleRange = "plausible-range", expectedAreas = "expected-areas", notes
        case standsInFor = "stands-in-for", checks
        case atAge = "at-age", confidence, standardPopulation = "standard-population"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        objective = try container.decode(Int.self, forKey: .objective)
        polarity = try container.decode(Polarity.self, forKey: .polarity)
        unit = try container.decode(String.self, forKey: .unit)
        vintage = try container.decodeIfPresent(String.self, forKey: .vintage)
        aggregation = try container.decodeIfPresent(AggregationMethod.self, forKey: .aggregation)
        source = try container.decodeIfPresent(SourceSpec.self, forKey: .source)
        unavailable = try container.decodeIfPresent(String.self, forKey: .unavailable)
        scale = try container.decodeIfPresent(Double.self, forKey: .scale)
        weight = try container.decodeIfPresent(String.self, forKey: .weight)
        nationalCount = try container.decodeIfPresent(Int.self, forKey: .nationalCount)
        plausibleRange = try container.decodeIfPresent(PlausibleRange.self, forKey: .plausibleRange)
        expectedAreas = try container.decodeIfPresent(CountRange.self, forKey: .expectedAreas)
        notes = try container.decodeIfPresent(String.self, forKey: .notes)
        checks = try container.decodeIfPresent(ChecksSpec.self, forKey: .checks)
        atAge = try container.decodeIfPresent(Int.self, forKey: .atAge)
        confidence = try container.decodeIfPresent(Double.self, forKey: .confidence)
        standardPopulation = try container.decodeIfPresent(String.self, forKey: .standardPopulation)
        // One id, or a list of them.
        if let one = try? container.decodeIfPresent(String.self, forKey: .standsInFor) {
            standsInFor = [one]
        } else {
            standsInFor = try container.decodeIfPresent([String].self, forKey: .standsInFor) ?? []
        }
    }
}

/// Where an indicator's figures are and which columns hold them.
package struct SourceSpec: Codable, Sendable, Equatable {
    package var file: String
    /// The sheet to read when the file is an Excel workbook: a name or a number from 1.
    package var sheet: SheetChoice?
    /// The text encoding of a CSV file, when it is not UTF-8 (`windows-1252`, `latin-1`).
    package var encoding: TextEncoding?
    /// The geography the figures are published at.
    package var geography: GeographyLevel
    /// The line of the header row; by default the header is the first row that has every
    /// column this source names.
    package var headerLine: Int?
    /// The column of area codes.
    package var areaCode: String
    /// The column of area names (optional; lets 2021 LSOAs resolve by their MSOA name).
    package var areaName: String?
    /// The column of values (scores, ranks, medians, district figures): a column, the sum
    /// of rows (`{column: C, where: ...}`) or the latest period's column (`{columns: latest}`).
    package var value: FieldSpec?
    /// The columns of counts for a rate, each a column or the sum of rows.
    package var numerator: FieldSpec?
    package var denominator: FieldSpec?
    /// A population column in the same file, used as the weight.
    package var population: String?
    /// A national decile column (1 = most deprived 10%), for `share-in-most-deprived-decile`.
    package var decile: String?
    /// Markers read as missing values, besides the standard ones.
    package var missingMarkers: [String]
    /// For national files: the column of district codes (or names). Rows of districts the
    /// geography does not cover are outside it and skipped; unknown codes inside are errors.
    package var district: String?
    /// For national files without a district column: take the district from the area
    /// name, as ONS names areas ("Burnley 001A" is in Burnley).
    package var districtFromName: Bool
    /// How many data rows (rows with an area code that the row filters keep) the file
    /// should have (`checks: row-count`); at least one when not given.
    package var expectedRows: CountRange?
    /// The columns of the lower and upper limits of the 95% confidence interval the source
    /// publishes with each value; carried to the release for values taken as published.
    package var ciLower: String?
    package var ciUpper: String?
    /// The rows that belong (`where:`) and those that do not (`where-not:`); other rows are
    /// skipped before any check.
    package var rows: RowConditions?
    package var exceptRows: RowConditions?
    /// The rows of the level of area the source's geography names, in a file of several.
    package var areaLevel: AreaLevelSpec?
    /// Which period's rows each area takes, in a table of several periods.
    package var period: PeriodSpec?
    /// For the age-band methods (`life-expectancy`, `disability-free-life-expectancy`,
    /// `standardised-rate`): the column of age bands (start ages or labels such as `1-4`, `90+`).
    package var ageBand: String?
    /// The column of deaths by age band (`life-expectancy`, `disability-free-life-expectancy`).
    package var deaths: String?
    /// The column of events by age band (`standardised-rate`).
    package var events: String?
    /// For `disability-free-life-expectancy`: the columns of people with a disability and of
    /// the people counted, by age band.
    package var disabled: String?
    package var surveyed: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case file, sheet, encoding, geography, headerLine = "header-line", areaCode = "area-code", areaName = "area-name"
        case value, numerator, denominator, population, decile, missingMarkers = "missing-markers"
        case district, districtFromName = "district-from-name", expectedRows = "expected-rows"
        case ciLower = "ci-lower", ciUpper = "ci-upper", rows = "where", exceptRows = "where-not", areaLevel = "area-level", period
        case ageBand = "age-band", deaths, events, disabled, surveyed
    }

    package init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        sheet = try container.decodeIfPresent(SheetChoice.self, forKey: .sheet)
        encoding = try container.decodeIfPresent(TextEncoding.self, forKey: .encoding)
        geography = try container.decode(GeographyLevel.self, forKey: .geography)
        headerLine = try container.decodeIfPresent(Int.self, forKey: .headerLine)
        areaCode = try container.decode(String.self, forKey: .areaCode)
        areaName = try container.decodeIfPresent(String.self, forKey: .areaName)
        value = try container.decodeIfPresent(FieldSpec.self, forKey: .value)
        numerator = try container.decodeIfPresent(FieldSpec.self, forKey: .numerator)
        denominator = try container.decodeIfPresent(FieldSpec.self, forKey: .denominator)
        population = try container.decodeIfPresent(String.self, forKey: .population)
        decile = try container.decodeIfPresent(String.self, forKey: .decile)
        missingMarkers = try container.decodeIfPresent([String].self, forKey: .missingMarkers) ?? []
        district = try container.decodeIfPresent(String.self, forKey: .district)
        districtFromName = try container.decodeIfPresent(Bool.self, forKey: .districtFromName) ?? false
        expectedRows = try container.decodeIfPresent(CountRange.self, forKey: .expectedRows)
        ciLower = try container.decodeIfPresent(String.self, forKey: .ciLower)
        ciUpper = try container.decodeIfPresent(String.self, forKey: .ciUpper)
        rows = try container.decodeIfPresent(RowConditions.self, forKey: .rows)
        exceptRows = try container.decodeIfPresent(RowConditions.self, forKey: .exceptRows)
        areaLevel = try container.decodeIfPresent(AreaLevelSpec.self, forKey: .areaLevel)
        period = try container.decodeIfPresent(PeriodSpec.self, forKey: .period)
        ageBand = try container.decodeIfPresent(String.self, forKey: .ageBand)
        deaths = try container.decodeIfPresent(String.self, forKey: .deaths)
        events = try container.decodeIfPresent(String.self, forKey: .events)
        disabled = try container.decodeIfPresent(String.self, forKey: .disabled)
        surveyed = try container.decodeIfPresent(String.self, forKey: .surveyed)
    }

    /// The column of deaths or events, whichever the source names.
    package var eventsColumn: String? { deaths ?? events }

    /// The figures written as sums of rows.
    package var sums: [FieldSpec] {
        [value, numerator, denominator].compactMap { $0 }.filter(\.sumsRows)
    }

    /// Whether the source reads a long table area by area: choosing each area's period, or
    /// summing its rows. Its staged table then holds one row per area.
    package var combinesRows: Bool {
        period != nil || !sums.isEmpty
    }

    /// Whether the source chooses the period of its figures (`period:`, or the latest
    /// period's column), so that the period is staged and is the vintage.
    package var choosesPeriod: Bool {
        period != nil || value?.isLatestPeriodColumn == true
    }

    /// The columns the row filters name: `where:`, `where-not:`, `area-level:` and those of
    /// the figures' sums.
    package var filterColumns: [String] {
        var columns = (rows?.columns ?? []) + (exceptRows?.columns ?? []) + (areaLevel.map { [$0.column] } ?? [])
        for sum in sums { columns += sum.conditionColumns }
        return columns.reduce(into: []) { unique, column in if !unique.contains(column) { unique.append(column) } }
    }
}

/// The range an indicator's small-area values can plausibly take.
public struct PlausibleRange: Codable, Sendable, Equatable {
    public var min: Double?
    public var max: Double?

    enum CodingKeys: String, CodingKey, CaseIterable { case min, max }

    package init(min: Double? = nil, max: Double? = nil) {
        self.min = min
        self.max = max
    }

    /// Whether `value` is in the range (the ends included).
    package func contains(_ value: Double) -> Bool {
        (min.map { value >= $0 } ?? true) && (max.map { value <= $0 } ?? true)
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        min = try container.decodeIfPresent(Double.self, forKey: .min)
        max = try container.decodeIfPresent(Double.self, forKey: .max)
    }
}
