import AreaNeedsGeography
import AreaNeedsTables

/// The target geography: its areas table and the lookups from small areas to it.
public struct GeographySpec: Codable, Sendable, Equatable {
    /// The prefix of the area columns in the release tables: `spa` gives `spa_code`, `spa_name`.
    public var areaKey: String
    /// What one area is called, for people: "Service Planning Area".
    public var areaLabel: String
    public var areas: AreasFileSpec
    public var lookups: [LookupFileSpec]
    /// How 2021 LSOAs reach the 2011 lookup: a best-fit file, then the MSOA in their name.
    public var lsoa21: Lsoa21Spec?
    /// When given, every small area of these districts must be mapped.
    public var districts: [String]?
    /// The code of the county the areas make up (`E10000017`), whose row a source published
    /// for counties only (`geography: county`) gives every area.
    public var county: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case areaKey = "area-key", areaLabel = "area-label", areas, lookups, lsoa21, districts, county
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        areaKey = try container.decodeIfPresent(String.self, forKey: .areaKey) ?? "spa"
        areaLabel = try container.decodeIfPresent(String.self, forKey: .areaLabel) ?? "Service Planning Area"
        areas = try container.decode(AreasFileSpec.self, forKey: .areas)
        lookups = try container.decodeIfPresent([LookupFileSpec].self, forKey: .lookups) ?? []
        lsoa21 = try container.decodeIfPresent(Lsoa21Spec.self, forKey: .lsoa21)
        districts = try container.decodeIfPresent([String].self, forKey: .districts)
        county = try container.decodeIfPresent(String.self, forKey: .county)
    }
}

/// The areas table: one row per target area. Column names default to the release's own
/// (`spa_code`, `spa_name`, `district_code`, `district_name`, `population`).
public struct AreasFileSpec: Codable, Sendable, Equatable {
    public var file: String
    /// The sheet, when the file is an Excel workbook.
    public var sheet: SheetChoice?
    /// The text encoding, when it is not UTF-8.
    public var encoding: TextEncoding?
    public var code: String?
    public var name: String?
    public var districtCode: String?
    public var districtName: String?
    public var population: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case file, sheet, encoding, code, name, districtCode = "district-code", districtName = "district-name", population
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        sheet = try container.decodeIfPresent(SheetChoice.self, forKey: .sheet)
        encoding = try container.decodeIfPresent(TextEncoding.self, forKey: .encoding)
        code = try container.decodeIfPresent(String.self, forKey: .code)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        districtCode = try container.decodeIfPresent(String.self, forKey: .districtCode)
        districtName = try container.decodeIfPresent(String.self, forKey: .districtName)
        population = try container.decodeIfPresent(String.self, forKey: .population)
    }
}

/// A lookup from one small-area geography to the target areas, with optional weights
/// for small areas split between areas.
public struct LookupFileSpec: Codable, Sendable, Equatable {
    public var geography: GeographyLevel
    public var file: String
    /// The sheet, when the file is an Excel workbook.
    public var sheet: SheetChoice?
    /// The text encoding, when it is not UTF-8.
    public var encoding: TextEncoding?
    /// The small-area code column; defaults to `<geography>_code`.
    public var smallArea: String?
    /// The small-area name column (optional; used to resolve 2021 LSOAs by MSOA name).
    public var smallAreaName: String?
    /// The target-area code column; defaults to `<area-key>_code`.
    public var area: String?
    /// The weight column; without one every weight is 1.
    public var weight: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case geography, file, sheet, encoding, smallArea = "small-area", smallAreaName = "small-area-name", area, weight
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        geography = try container.decode(GeographyLevel.self, forKey: .geography)
        file = try container.decode(String.self, forKey: .file)
        sheet = try container.decodeIfPresent(SheetChoice.self, forKey: .sheet)
        encoding = try container.decodeIfPresent(TextEncoding.self, forKey: .encoding)
        smallArea = try container.decodeIfPresent(String.self, forKey: .smallArea)
        smallAreaName = try container.decodeIfPresent(String.self, forKey: .smallAreaName)
        area = try container.decodeIfPresent(String.self, forKey: .area)
        weight = try container.decodeIfPresent(String.self, forKey: .weight)
    }
}

/// How 2021 LSOAs are resolved to target areas.
public struct Lsoa21Spec: Codable, Sendable, Equatable {
    /// An ONS LSOA (2011) to LSOA (2021) best-fit lookup (LSOA11CD, LSOA21CD, CHGIND).
    public var bestFit: String?
    /// Whether codes still unresolved go through the MSOA part of their name.
    public var byName: Bool

    enum CodingKeys: String, CodingKey, CaseIterable { case bestFit = "best-fit", byName = "by-name" }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        bestFit = try container.decodeIfPresent(String.self, forKey: .bestFit)
        byName = try container.decodeIfPresent(Bool.self, forKey: .byName) ?? true
    }
}

/// A population table at a small-area geography, used to weight averages.
public struct PopulationSpec: Codable, Sendable, Equatable {
    public var file: String
    /// The sheet, when the file is an Excel workbook (the IoD's File 6 is one).
    public var sheet: SheetChoice?
    /// The text encoding, when it is not UTF-8.
    public var encoding: TextEncoding?
    public var geography: GeographyLevel
    public var areaCode: String
    public var column: String
    public var headerLine: Int?
    /// How many data rows the file should have (`checks: row-count`); at least one when not given.
    public var expectedRows: CountRange?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case file, sheet, encoding, geography, areaCode = "area-code", column, headerLine = "header-line", expectedRows = "expected-rows"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        sheet = try container.decodeIfPresent(SheetChoice.self, forKey: .sheet)
        encoding = try container.decodeIfPresent(TextEncoding.self, forKey: .encoding)
        geography = try container.decode(GeographyLevel.self, forKey: .geography)
        areaCode = try container.decode(String.self, forKey: .areaCode)
        column = try container.decode(String.self, forKey: .column)
        headerLine = try container.decodeIfPresent(Int.self, forKey: .headerLine)
        expectedRows = try container.decodeIfPresent(CountRange.self, forKey: .expectedRows)
    }
}
