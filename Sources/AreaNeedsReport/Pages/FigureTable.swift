import AreaNeedsRelease

/// An objective's indicators as a table: every area's figure on its need quintile's
/// colour, with the quintile and the data marks written beside it, areas grouped by
/// district, and the county's own figure first. It lists what the heatmap's cells hold,
/// for readers who want the numbers and for paper, where nothing can be hovered over.
struct FigureTable {
    /// An indicator's column heading: its whole title, then its unit and vintage.
    struct Heading {
        var title: String
        var note: String
        var hasNote: Bool
    }

    /// An area's figure.
    struct Cell {
        var value: String
        /// The quintile and the marks: "1 A P", or "–" where there is no rank.
        var note: String
        var fill: String
        var ink: String
        var missing: Bool
        /// The county's own figure, not ranked: light grey, marked "C".
        var countyFigure: Bool
    }

    struct Row {
        var area: Link
        var cells: [Cell]
    }

    /// A district's heading row and its areas.
    struct District {
        var name: String
        var rows: [Row]
    }

    var id: String
    /// "1. Employment: Promote training and employment opportunities …".
    var title: String
    var headings: [Heading]
    /// The county's own figure per indicator, "–" where there is none.
    var county: [String]
    var districts: [District]
    /// How many columns a district heading spans.
    var span: String
    var hasIndicators: Bool
    /// The objective's indicators with no figures, and why: "Median annual income (no published …)".
    var unavailable: String
    var hasUnavailable: Bool

    /// - Parameters:
    ///   - districts: the districts whose areas the table lists (all of them by default).
    ///   - up: the way from the page to the report folder ("../" on a district's page).
    init(data: ReportData, paths: SitePaths, objective: ObjectiveRow, districts: [ReportData.District]? = nil, up: String = "") {
        id = "figures-\(objective.id)"
        title = "\(objective.id). \(ReportData.name(of: objective)): \(objective.title)"
        let all = data.indicators(objective: objective.id)
        let indicators = all.filter(\.available)
        let formats = indicators.map(data.format)
        headings = zip(indicators, formats).map { indicator, format in
            let note = [format.unitNote, VintageText.readable(indicator.vintage)].filter { !$0.isEmpty }.joined(separator: " · ")
            return Heading(title: indicator.title, note: note, hasNote: !note.isEmpty)
        }
        county = zip(indicators, formats).map { indicator, format in indicator.countyValue.map(format.compact) ?? "–" }
        self.districts = (districts ?? data.districts).map { district in
            District(name: district.name, rows: district.areas.map { area in
                Row(area: Link(href: up + paths.area(area.code), text: area.name),
                    cells: zip(indicators, formats).map { indicator, format in
                        FigureTable.cell(need: data.need(area: area.code, indicator: indicator.id), indicator: indicator, format: format)
                    })
            })
        }
        span = String(indicators.count + 1)
        hasIndicators = !indicators.isEmpty
        unavailable = all.filter { !$0.available }
            .map { "\($0.title) (\($0.unavailableReason.isEmpty ? "no figures in this release" : $0.unavailableReason))" }
            .joined(separator: "; ")
        hasUnavailable = !unavailable.isEmpty
    }

    static func cell(need: IndicatorNeedRow?, indicator: IndicatorRow, format: ValueFormat) -> Cell {
        let quintile = need?.needQuintile
        let flags = DataFlags(need: need, indicator: indicator)
        guard let value = need?.value else {
            return Cell(value: "–", note: NoValueText.text(need), fill: NeedPalette.missingFill, ink: NeedPalette.missingInk, missing: true, countyFigure: false)
        }
        // The county's figure has no quintile: its mark "C" says why, in place of a dash.
        let county = flags.contains(.county)
        let note = [county ? "" : quintile.map(String.init) ?? "–", flags.marks].filter { !$0.isEmpty }.joined(separator: " ")
        return Cell(value: format.compact(value), note: note,
                    fill: county ? DataFlags.countyFill : NeedPalette.fill(quintile: quintile),
                    ink: county ? DataFlags.countyInk : NeedPalette.ink(quintile: quintile), missing: false, countyFigure: county)
    }
}
