import AreaNeedsCore

/// The "profile" sheet, the report's heatmap as a worksheet: one row per area (code, name,
/// district), one column per indicator, the indicators grouped under their objectives, each
/// figure on the colour of its need quintile. Areas and indicators keep the release's order.
///
/// Filled from the need table's rows as its own sheet is written (`add`), into a grid of
/// one number and one quintile per area and indicator: 7,142 areas by 26 indicators, the
/// national benchmark, hold 1.7 MB. A release without the tables or columns it needs, or
/// with more indicators than a sheet has columns, has no profile sheet.
final class ProfileSheet {
    static let name = "profile"

    private let schema: ReleaseSchema
    private let areas: [(code: String, name: String, district: String)]
    private let objectives: [(id: Int, shortName: String, title: String)]
    /// Indicators in the sheet's order: by objective, then as the release lists them.
    private let indicators: [(id: String, title: String, unit: String, objective: Int)]
    private let areaIndex: [String: Int]
    private let indicatorIndex: [String: Int]
    private var values: [Double]
    private var quintiles: [UInt8]
    private let columns: (area: Int, indicator: Int, value: Int, quintile: Int)

    /// Reads the areas, objectives and indicators from the release's tables in `folder`;
    /// nil when the release lacks one of them or a column the sheet shows.
    init?(metadata: EditionMetadata, tablesIn folder: String) throws(AreaNeedsError) {
        let schema = metadata.schema
        guard let areaTable = metadata.table("areas"), let objectiveTable = metadata.table("objectives"),
              let indicatorTable = metadata.table("indicators"), let needTable = metadata.table("indicator_needs"),
              let area = ProfileSheet.columns(areaTable, [schema.areaCode, schema.areaName, "district_name"]),
              let objective = ProfileSheet.columns(objectiveTable, ["objective_id", "short_name", "title"]),
              let indicator = ProfileSheet.columns(indicatorTable, ["indicator_id", "title", "unit", "objective_id"]),
              let need = ProfileSheet.columns(needTable, [schema.areaCode, "indicator_id", "value", "need_quintile"])
        else { return nil }
        self.schema = schema
        var areas: [(code: String, name: String, district: String)] = []
        try TypedRows.forEachRow(of: areaTable, in: folder) { (cells) throws(AreaNeedsError) in
            areas.append((cells[area[0]].text, cells[area[1]].text, cells[area[2]].text))
        }
        var objectives: [(id: Int, shortName: String, title: String)] = []
        try TypedRows.forEachRow(of: objectiveTable, in: folder) { (cells) throws(AreaNeedsError) in
            objectives.append((cells[objective[0]].integer ?? 0, cells[objective[1]].text, cells[objective[2]].text))
        }
        var indicators: [(id: String, title: String, unit: String, objective: Int)] = []
        try TypedRows.forEachRow(of: indicatorTable, in: folder) { (cells) throws(AreaNeedsError) in
            indicators.append((cells[indicator[0]].text, cells[indicator[1]].text, cells[indicator[2]].text, cells[indicator[3]].integer ?? 0))
        }
        // A sheet has at most 16,384 columns: a release with more indicators has no profile.
        guard indicators.count + 3 <= 16_384 else { return nil }
        let order = objectives.map(\.id)
        indicators = order.flatMap { id in indicators.filter { $0.objective == id } }
            + indicators.filter { !order.contains($0.objective) }
        self.areas = areas
        self.objectives = objectives
        self.indicators = indicators
        areaIndex = Dictionary(areas.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: { first, _ in first })
        indicatorIndex = Dictionary(indicators.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        values = Array(repeating: .nan, count: areas.count * indicators.count)
        quintiles = Array(repeating: 0, count: areas.count * indicators.count)
        columns = (need[0], need[1], need[2], need[3])
    }

    /// The places of `names` among the table's columns; nil when one is missing.
    private static func columns(_ table: TableSchema, _ names: [String]) -> [Int]? {
        let places = names.compactMap { table.columns.firstIndex(of: $0) }
        return places.count == names.count ? places : nil
    }

    /// Takes a row of the need table.
    func add(_ cells: [TableCell]) {
        guard let area = areaIndex[cells[columns.area].text], let indicator = indicatorIndex[cells[columns.indicator].text],
              case .number(let value) = cells[columns.value] else { return }
        let cell = area * indicators.count + indicator
        values[cell] = value
        quintiles[cell] = UInt8(clamping: cells[columns.quintile].integer ?? 0)
    }

    /// Writes the sheet.
    func write(into parts: WorkbookParts) throws(AreaNeedsError) -> SheetPart {
        let sheet = try parts.sheet(named: Self.name, file: "profile.xml")
        let first = 3  // the indicators' first column
        sheet.frozenRows = 2
        sheet.frozenColumns = first
        sheet.filterRow = 2
        sheet.maxWidth = 34
        for column in indicators.indices { sheet.fixedWidths[first + column] = 14 }

        // Each objective over its indicators.
        sheet.startRow(height: 48)
        sheet.text("Figures on the colour of their need quintile: the darkest is the worst fifth of areas (the About sheet has the key).",
                   style: .text, width: 0)
        sheet.mergeCells(from: 0, to: first - 1)
        sheet.skip(first - 1)
        var column = first
        for objective in objectives {
            let count = indicators.count { $0.objective == objective.id }
            guard count > 0 else { continue }
            sheet.text("Objective \(objective.id) (\(objective.shortName)): \(objective.title)", style: .groupHeader, width: 0)
            sheet.skip(count - 1)
            sheet.mergeCells(from: column, to: column + count - 1)
            column += count
        }
        try sheet.endRow()

        sheet.startRow(height: 110)
        sheet.text(schema.areaCode, style: .columnHeader)
        sheet.text(schema.areaLabel, style: .columnHeader)
        sheet.text("district", style: .columnHeader)
        for indicator in indicators {
            let unit = indicator.unit.isEmpty ? "" : " (\(indicator.unit))"
            sheet.text(indicator.title + unit, style: .columnHeader, width: 0)
        }
        try sheet.endRow()

        // Each indicator's figures with as many decimals as their size calls for.
        let decimals = indicators.indices.map { indicator in
            ProfileSheet.decimals(largest: areas.indices.map { abs(values[$0 * indicators.count + indicator]) }.filter { !$0.isNaN }.max() ?? 0)
        }
        for (row, area) in areas.enumerated() {
            sheet.startRow()
            sheet.sharedText(area.code)
            sheet.text(area.name)
            sheet.sharedText(area.district)
            for indicator in indicators.indices {
                let cell = row * indicators.count + indicator
                if values[cell].isNaN {
                    sheet.skip()
                } else {
                    let quintile = quintiles[cell] == 0 ? nil : Int(quintiles[cell])
                    sheet.number(values[cell], style: CellStyle.figure(quintile: quintile, decimals: decimals[indicator]))
                }
            }
            try sheet.endRow()
        }
        return try sheet.finish()
    }

    /// Decimals for figures up to `largest`: none from 1,000 (29,512), one from 10 (65.8),
    /// two from 1 (7.61), three below (0.078).
    static func decimals(largest: Double) -> Int {
        largest >= 1000 ? 0 : largest >= 10 ? 1 : largest >= 1 ? 2 : 3
    }

    /// What the sheet holds, for the About sheet.
    static let description = "Each area's figure on every indicator, the indicators grouped by objective, on the colour of its need quintile (the report's heatmap)."
}
