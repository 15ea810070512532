/// The look of a workbook cell: its place in `styles.xml`'s list of cell formats (`s="N"`).
///
/// Every style the workbook uses is in `all`, so `styles.xml` is written from this list
/// alone and a cell's style is one small number: the fixed styles first, then a figure
/// style for each need quintile (or none) and number of decimals.
struct CellStyle: Hashable {
    let rawValue: Int

    static let plain = CellStyle(rawValue: 0)
    /// A column header: bold on grey, wrapped.
    static let header = CellStyle(rawValue: 1)
    /// Text, wrapped within its column.
    static let text = CellStyle(rawValue: 2)
    /// Text that a spreadsheet could take for a formula (it begins with `=`, `+`, `-`, `@`,
    /// a tab or a carriage return): a string cell, marked to stay text when edited.
    static let literalText = CellStyle(rawValue: 3)
    /// A whole number: `0`.
    static let integer = CellStyle(rawValue: 4)
    /// A number with up to three decimals: `#,##0.0##`.
    static let decimal = CellStyle(rawValue: 5)
    /// A count of people: `#,##0`.
    static let thousands = CellStyle(rawValue: 6)
    /// A mean rank: `0.0`.
    static let oneDecimal = CellStyle(rawValue: 7)
    /// The workbook's title, large.
    static let title = CellStyle(rawValue: 8)
    /// The warning that every figure is made up, large and red.
    static let warning = CellStyle(rawValue: 9)
    /// A label in the About sheet: bold.
    static let label = CellStyle(rawValue: 10)
    /// An objective over its indicators (profile sheet): bold, centred, on grey.
    static let groupHeader = CellStyle(rawValue: 11)
    /// An indicator's title over its column (profile sheet): bold, wrapped, at the bottom.
    static let columnHeader = CellStyle(rawValue: 12)

    /// Need quintiles 1 to 5, each on its palette colour, follow the fixed styles.
    private static let firstQuintile = 13
    /// Then the figures: for 0 to 3 decimals, one without a quintile and one per quintile.
    private static let firstFigure = firstQuintile + 5
    static let maxDecimals = 3

    /// Every style, in `styles.xml`'s order.
    static let all = (0..<(firstFigure + (maxDecimals + 1) * 6)).map(CellStyle.init)

    /// The style of need quintile `quintile`, or nil outside 1...5.
    static func quintile(_ quintile: Int) -> CellStyle? {
        (1...5).contains(quintile) ? CellStyle(rawValue: firstQuintile + quintile - 1) : nil
    }

    /// A figure with `decimals` decimals (`#,##0.00`), on the colour of its need quintile
    /// when it has one.
    static func figure(quintile: Int?, decimals: Int) -> CellStyle {
        let shade = quintile.flatMap { (1...5).contains($0) ? $0 : nil } ?? 0
        return CellStyle(rawValue: firstFigure + min(max(decimals, 0), maxDecimals) * 6 + shade)
    }

    /// The need quintile whose colour the style has, if any.
    var quintile: Int? {
        if (Self.firstQuintile..<Self.firstFigure).contains(rawValue) { return rawValue - Self.firstQuintile + 1 }
        guard rawValue >= Self.firstFigure else { return nil }
        let shade = (rawValue - Self.firstFigure) % 6
        return shade == 0 ? nil : shade
    }

    /// True for a need quintile's own cell (centred), not a figure on its colour.
    var isQuintile: Bool { (Self.firstQuintile..<Self.firstFigure).contains(rawValue) }

    /// The number format's id: Excel's built-in ones (0 General, 1 `0`, 3 `#,##0`,
    /// 4 `#,##0.00`) or one of `WorkbookStyles.customFormats`.
    var numberFormat: Int {
        if rawValue >= Self.firstFigure {
            return [3, 166, 4, 167][(rawValue - Self.firstFigure) / 6]
        }
        switch self {
        case .integer: return 1
        case .thousands: return 3
        case .decimal: return 164
        case .oneDecimal: return 165
        default: return isQuintile ? 1 : 0
        }
    }
}
