import AreaNeedsTables

/// Where a lookup from one small-area geography to the target areas is, and which of its
/// columns hold what.
///
/// Column names default to `<geography>_code` (`lsoa11_code`, `ward_code`...),
/// `<geography>_name`, `<areaKey>_code` and `weight`.
package struct LookupFile: Sendable, Hashable {
    /// The geography the lookup maps from.
    package var level: GeographyLevel
    package var path: String
    package var codeColumn: String
    /// The small-area name column. When nil, `<geography>_name` is read if the table has
    /// one; a column named here must exist. Names let 2021 LSOAs resolve by MSOA name.
    package var nameColumn: String?
    package var areaColumn: String
    /// The weight column, for small areas split between areas. When nil, `weight` is read
    /// if the table has one, and otherwise every weight is 1; a column named here must exist.
    package var weightColumn: String?
    /// The sheet, when the file is an Excel workbook.
    package var sheet: SheetChoice?
    /// The text encoding of a CSV file.
    package var encoding: TextEncoding

    /// How to read the file: its sheet, when it is a workbook, and its encoding.
    package var readOptions: ReadOptions { ReadOptions(sheet: sheet, encoding: encoding) }

    package init(
        level: GeographyLevel, path: String, areaKey: String = "spa",
        code: String? = nil, name: String? = nil, area: String? = nil, weight: String? = nil,
        sheet: SheetChoice? = nil, encoding: TextEncoding = .utf8
    ) {
        self.level = level
        self.sheet = sheet
        self.encoding = encoding
        self.path = path
        codeColumn = code ?? "\(level.rawValue)_code"
        nameColumn = name
        areaColumn = area ?? "\(areaKey)_code"
        weightColumn = weight
    }

    /// The name column read when none is named.
    var defaultNameColumn: String { "\(level.rawValue)_name" }
    /// The weight column read when none is named.
    static let defaultWeightColumn = "weight"
}
