/// The look of a workbook cell: its place in `styles.xml`'s list of cell formats (`s="N"`).
///
/// Every style the workbook uses is here, so `styles.xml` is written from this list alone
/// and a cell's style is one small number.
enum CellStyle: Int, CaseIterable {
    case plain = 0
    /// A column header: bold on grey, wrapped.
    case header
    /// Text, wrapped within its column, at the top of its row.
    case text
    /// Text that a spreadsheet could take for a formula (it begins with `=`, `+`, `-`, `@`,
    /// a tab or a carriage return): a string cell, marked to stay text when edited.
    case literalText
    /// A whole number: `0`.
    case integer
    /// A number with up to three decimals: `#,##0.0##`.
    case decimal
    /// A count of people: `#,##0`.
    case thousands
    /// A mean rank: `0.0`.
    case oneDecimal
    /// A need quintile, on its palette colour.
    case quintile1, quintile2, quintile3, quintile4, quintile5
    /// A figure on the colour of its need quintile (the profile sheet).
    case value1, value2, value3, value4, value5
    /// The workbook's title, large.
    case title
    /// The warning that every figure is made up, large and red.
    case warning
    /// A label in the About sheet: bold, at the top.
    case label
    /// An objective over its indicators (profile sheet): bold, centred, on grey.
    case groupHeader
    /// An indicator's title over its column (profile sheet): bold, wrapped, at the bottom.
    case columnHeader

    /// The style of a need quintile, or nil outside 1...5.
    static func quintile(_ quintile: Int) -> CellStyle? {
        (1...5).contains(quintile) ? CellStyle(rawValue: CellStyle.quintile1.rawValue + quintile - 1) : nil
    }

    /// The style of a figure in need quintile `quintile`, or `decimal` without one.
    static func value(quintile: Int?) -> CellStyle {
        guard let quintile, (1...5).contains(quintile) else { return .decimal }
        return CellStyle(rawValue: CellStyle.value1.rawValue + quintile - 1)!
    }

    /// The quintile whose colour the style has, if any.
    var quintile: Int? {
        switch self {
        case .quintile1, .quintile2, .quintile3, .quintile4, .quintile5: rawValue - CellStyle.quintile1.rawValue + 1
        case .value1, .value2, .value3, .value4, .value5: rawValue - CellStyle.value1.rawValue + 1
        default: nil
        }
    }

    /// The number format's id: Excel's built-in ones (0 General, 1 `0`, 3 `#,##0`) or
    /// one of `WorkbookStyles.customFormats`.
    var numberFormat: Int {
        switch self {
        case .integer, .quintile1, .quintile2, .quintile3, .quintile4, .quintile5: 1
        case .thousands: 3
        case .decimal, .value1, .value2, .value3, .value4, .value5: 164
        case .oneDecimal: 165
        default: 0
        }
    }
}
