import AreaNeedsTables

/// Where the areas table is, and which of its columns hold what.
///
/// Column names default to the release's own: `<areaKey>_code`, `<areaKey>_name`,
/// `district_code`, `district_name` and `population`.
package struct AreasFile: Sendable, Hashable {
    package var path: String
    package var codeColumn: String
    package var nameColumn: String
    package var districtCodeColumn: String
    package var districtNameColumn: String
    /// The population column. When nil, a column named `population` is read if the table
    /// has one; a column named here must exist.
    package var populationColumn: String?
    /// The sheet, when the file is an Excel workbook.
    package var sheet: SheetChoice?
    /// The text encoding of a CSV file.
    package var encoding: TextEncoding

    /// How to read the file: its sheet, when it is a workbook, and its encoding.
    package var readOptions: ReadOptions { ReadOptions(sheet: sheet, encoding: encoding) }

    package init(
        path: String, areaKey: String = "spa", code: String? = nil, name: String? = nil,
        districtCode: String? = nil, districtName: String? = nil, population: String? = nil,
        sheet: SheetChoice? = nil, encoding: TextEncoding = .utf8
    ) {
        self.path = path
        self.sheet = sheet
        self.encoding = encoding
        codeColumn = code ?? "\(areaKey)_code"
        nameColumn = name ?? "\(areaKey)_name"
        districtCodeColumn = districtCode ?? "district_code"
        districtNameColumn = districtName ?? "district_name"
        populationColumn = population
    }

    /// The population column read when none is named.
    static let defaultPopulationColumn = "population"
}
