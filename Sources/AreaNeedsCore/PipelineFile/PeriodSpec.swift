import AreaNeedsTables

/// `period: {column: period, select: latest}`: which period's rows of a long table to read,
/// area by area. The column's text is read as a `Period` (ISO dates and intervals, years,
/// split years, `FYE 2025`, months such as `Jan-22`).
///
/// `select: latest` (the default) keeps each area's rows of its latest period. A period
/// (`select: "2023-04-01/P1Y"`) keeps that period's rows; a list of periods keeps, for
/// each area, the rows of the latest of them that it has.
package struct PeriodSpec: Codable, Sendable, Equatable {
    package var column: String
    /// The periods to choose from, as written; empty for the latest of all.
    package var select: [String]

    enum CodingKeys: String, CodingKey, CaseIterable { case column, select }

    package init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        column = try container.decode(String.self, forKey: .column)
        guard container.contains(.select) else {
            select = []
            return
        }
        let chosen = try RowConditions.values(in: container, .select)
        select = chosen == ["latest"] ? [] : chosen
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column, forKey: .column)
        try container.encode(select.isEmpty ? ["latest"] : select, forKey: .select)
    }

    /// The periods `select` names, read; nil for `latest`, or when one does not read as a
    /// period (which validation reports).
    package var selectedPeriods: [Period]? {
        guard !select.isEmpty else { return nil }
        let periods = select.compactMap(Period.init)
        return periods.count == select.count ? periods : nil
    }
}
