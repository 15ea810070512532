import AreaNeedsGeography
import AreaNeedsTables

/// The target geography: its areas table and the lookups from small areas to it.
package struct GeographySpec: Codable, Sendable, Equatable {
    /// The prefix of the area columns in the release tables: `spa` gives `spa_code`, `spa_name`.
    package var areaKey: String
    /// What one area is called, for people: "Service Planning Area".
    package var areaLabel: String
    package var areas: AreasFileSpec
    package var lookups: [LookupFileSpec]
    /// How 2021 LSOAs reach the 2011 lookup: a best-fit file, then the MSOA in their name.
    package var lsoa21: Lsoa21Spec?
    /// When given, every small area of these districts must be mapped.
    package var districts: [String]?
    /// The code of the county the areas make up (`E10000017`), whose row a source published
    /// for counties only (`geography: county`) gives every area.
    package var county: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case areaKey = "area-key", areaLabel = "area-label", areas, lookups, lsoa21, districts, county
    }

    package init(from decoder: Decoder) throws {
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
package struct AreasFileSpec: Codable, Sendable, Equatable {
    package var file: String
    /// The sheet, when the file is an Excel workbook.
    package var sheet: SheetChoice?
    /// The text encoding, when it is not UTF-8.
    package var encoding: TextEncoding?
    package var code: String?
    package var name: String?
    package var districtCode: String?
    package var districtName: String?
    package var population: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case file, sheet, encoding, code, name, districtCode = "district-code", districtName = "district-name", population
    }

    package init(from decoder: Decoder) throws {
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
package struct LookupFileSpec: Codable, Sendable, Equatable {
    package var geography: GeographyLevel
    package var file: String
    /// The sheet, when the file is an Excel workbook.
    package var sheet: SheetChoice?
    /// The text encoding, when it is not UTF-8.
    package var encoding: TextEncoding?
    /// The small-area code column; defaults to `<geography>_code`.
    package var smallArea: String?
    /// The small-area name column (optional; used to resolve 2021 LSOAs by MSOA name).
    package var smallAreaName: String?
    /// The target-area code column; defaults to `<area-key>_code`.
    package var area: String?
    /// The weight column; without one every weight is 1.
    package var weight: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case geography, file, sheet, encoding, smallArea = "small-area", smallAreaName = "small-area-name", area, weight
    }

    package init(from decoder: Decoder) throws {
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
package struct Lsoa21Spec: Codable, Sendable, Equatable {
    /// An ONS LSOA (2011) to LSOA (2021) best-fit lookup (LSOA11CD, LSOA21CD, CHGIND).
    package var bestFit: String?
    /// Whether codes still unresolved go through the MSOA part of their name.
    package var byName: Bool

    enum CodingKeys: String, CodingKey, CaseIterable { case bestFit = "best-fit", byName = "by-name" }

    package init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        bestFit = try container.decodeIfPresent(String.self, forKey: .bestFit)
        byName = try container.decodeIfPresent(Bool.self, forKey: .byName) ?? true
    }
}

/// A population table at a small-area geography, used to weight averages.
package struct PopulationSpec: Codable, Sendable, Equatable {
    package var file: String
    /// The sheet, when the file is an Excel workbook (the IoD's File 6 is one).
    package var sheet: SheetChoice?
    /// The text encoding, when it is not UTF-8.
    package var encoding: TextEncoding?
    package var geography: GeographyLevel
    package var areaCode: String
    package var column: String
    package var headerLine: Int?
    /// How many data rows the file should have (`checks: row-count`); at least one when not given.
    package var expectedRows: CountRange?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case file, sheet, encoding, geography, areaCode = "area-code", column, headerLine = "header-line", expectedRows = "expected-rows"
    }

    package init(from decoder: Decoder) throws {
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
