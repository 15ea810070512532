import AreaNeedsRelease

/// The overview, `index.html`: every area by every indicator as a heatmap of need
/// quintiles, the same by objective, how many areas are in the highest-need fifths of each
/// objective, and links to every area and indicator page. When the overview is split by
/// district (`PageSplit`), the same page for one district's areas is that district's page.
struct OverviewPage {
    /// A row of the objective table: an area's quintile and rank on each objective.
    struct TableRow {
        var area: Link
        var district: String
        var cells: [TableCell]
    }

    /// A cell of the objective table: the quintile on its colour, and the rank; or "not
    /// ranked: no data", in italics and never coloured; or a count.
    struct TableCell {
        var text: String
        var note: String
        var hasNote: Bool
        var fill: String
        var ink: String
        var unranked: Bool
    }

    /// An objective in the printed key under the heatmaps: "2. Living standards: Raise the
    /// living standard of local residents".
    struct KeyEntry {
        var id: String
        var name: String
        var title: String
    }

    /// An objective's count of areas in the highest-need fifths.
    struct ObjectiveCount {
        var id: String
        var title: String
        var worst: String
        var secondWorst: String
        var total: String
        var ranked: String
        var areas: [Link]
        var hasAreas: Bool
    }

    /// A district and links to its areas' pages.
    struct DistrictLinks {
        var name: String
        var areas: [Link]
    }

    /// An objective and links to its indicators' pages.
    struct ObjectiveLinks {
        var id: String
        var title: String
        var indicators: [IndicatorLink]
    }

    struct IndicatorLink {
        var href: String
        var text: String
        var unavailable: Bool
        var reason: String
    }

    /// How many cells carry each flag, for the legend.
    struct FlagCount {
        var text: String
    }

    var page: PageChrome
    /// Whether the page draws each area's figure on each indicator (`PageSplit`).
    var drawsFigures: Bool
    /// Why it does not, when it does not.
    var figuresNote: String
    var heatmap: HeatmapView
    var legend: Legend
    var key: [KeyEntry]
    var figureTables: [FigureTable]
    var objectiveGrid: HeatmapView
    var objectiveLegend: Legend
    var objectiveHeadings: [String]
    var objectiveRows: [TableRow]
    var counts: [ObjectiveCount]
    var districts: [DistrictLinks]
    var objectives: [ObjectiveLinks]
    var flagCounts: [FlagCount]
    var hasFlagCounts: Bool
    var hasUnavailable: Bool
    var unavailable: [IndicatorLink]

    /// - Parameter district: the district whose page this is; nil for the whole county's overview.
    init(data: ReportData, paths: SitePaths, split: PageSplit = .standard, district: ReportData.District? = nil) {
        let areaLabel = data.release.schema.areaLabel
        let areas = district?.areas ?? data.areas
        let districts = district.map { [$0] } ?? data.districts
        // Links are written relative to this page: a district's page is one folder down.
        let up = district == nil ? "" : "../"
        let subheading = "\(areas.count) \(areaLabel)s by need on \(data.indicators.count) indicators under \(data.objectives.count) social value objectives"
        if let district {
            page = PageChrome(data: data, heading: district.name, subheading: "District \(district.code): " + subheading, depth: 1,
                              crumbs: [PageChrome.Crumb(href: "../" + SitePaths.index, text: "Overview")])
        } else {
            page = PageChrome(data: data, heading: "Area needs: overview", subheading: subheading, depth: 0)
        }
        drawsFigures = split.drawsFigures(areas: areas.count, indicators: data.indicators.count)
        figuresNote = drawsFigures ? "" : "\(ValueFormat.grouped(String(data.indicators.count))) indicators for \(ValueFormat.grouped(String(areas.count))) \(areaLabel)s are \(ValueFormat.grouped(String(areas.count * data.indicators.count))) figures, more than a page draws one by one (\(ValueFormat.grouped(String(split.cellsOnOnePage)))). Need by objective, below, sums them up; each \(areaLabel)'s page and each indicator's page give every figure."
        legend = Legend(id: "legend-by-indicator", missing: "no value", markers: true,
                        proxy: data.indicators.contains(where: \.isProxy), synthetic: data.indicators.contains { $0.synthetic },
                        county: data.indicators.contains(where: DataFlags.isCountyOnly), areaLabel: areaLabel)
        objectiveLegend = Legend(id: "legend-by-objective", missing: "not ranked: no data (no ranked indicator)", markers: false)
        key = data.objectives.map { KeyEntry(id: String($0.id), name: ReportData.name(of: $0), title: $0.title) }

        let rowGroups = districts.map { district in
            Heatmap.Group(label: district.name, title: "\(district.name) (\(district.code))",
                          members: district.areas.map { Heatmap.Row(key: $0.code, label: $0.name) })
        }
        var flagTally: [String: Int] = [:]
        if drawsFigures {
            let indicatorGroups = data.objectives.compactMap { objective -> Heatmap.Group<Heatmap.Column>? in
                let members = data.indicators(objective: objective.id).map {
                    Heatmap.Column(key: $0.id, label: $0.title, title: $0.title + ($0.available ? "" : " (not available)"))
                }
                guard !members.isEmpty else { return nil }
                return Heatmap.Group(label: "\(objective.id). \(ReportData.name(of: objective))",
                                     title: "Objective \(objective.id): \(objective.title)", members: members)
            }
            let indicatorsById = Dictionary(data.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            heatmap = Heatmap(
                id: "by-indicator",
                description: "Heatmap of need quintiles: \(areas.count) \(areaLabel)s in rows, grouped by district, by \(data.indicators.count) indicators in columns, grouped by objective. Darker is greater need; quintile 1 is the worst fifth. The tables below give every figure.",
                rowGroups: rowGroups, columnGroups: indicatorGroups
            ) { row, column in
                let indicator = indicatorsById[column.key]!
                let need = data.need(area: row.key, indicator: column.key)
                let cell = OverviewPage.indicatorCell(data: data, area: row, indicator: indicator, need: need)
                for word in cell.flags.words { flagTally[word, default: 0] += 1 }
                return cell
            }.view
            figureTables = data.objectives.map { FigureTable(data: data, paths: paths, objective: $0, districts: districts, up: up) }
        } else {
            heatmap = Heatmap(id: "by-indicator", description: "", rowGroups: [], columnGroups: []) { _, _ in Heatmap.Cell(quintile: nil, text: "", tooltip: "") }.view
            figureTables = []
        }
        let order = ["no value", DataFlags.countyWords, "district figure (inherited)", "apportioned", "approximate", "stand-in (proxy)", "synthetic"]
        flagCounts = order.compactMap { word in
            flagTally[word].map { FlagCount(text: "\($0) of \(areas.count * data.indicators.count) cells \(word == "no value" ? "have no value" : "are " + word)") }
        }
        hasFlagCounts = !flagCounts.isEmpty

        // The objective grid: quintiles, then how many objectives are in the highest-need fifths.
        let objectiveColumns = data.objectives.map {
            Heatmap.Column(key: String($0.id), label: "\($0.id). \(ReportData.name(of: $0))", title: "Objective \($0.id): \($0.title)")
        }
        let countColumn = Heatmap.Column(key: "highest-need-count", label: "Objectives in highest need",
                                         title: "How many objectives the area is in the worst two fifths on")
        let highestCount = { (area: String) in data.objectives.filter { data.need(area: area, objective: $0.id)?.highestNeed == true }.count }
        objectiveGrid = Heatmap(
            id: "by-objective",
            description: "Heatmap of objective need quintiles: \(areas.count) \(areaLabel)s in rows, grouped by district, by \(data.objectives.count) objectives, then the number of objectives in the highest-need fifths. The table below gives the same figures.",
            rowGroups: rowGroups,
            columnGroups: [Heatmap.Group(label: "", title: "", members: objectiveColumns),
                           Heatmap.Group(label: "", title: "", members: [countColumn])]
        ) { row, column in
            if column.key == countColumn.key {
                let count = highestCount(row.key)
                return Heatmap.Cell(quintile: nil, text: String(count),
                                    tooltip: "\(row.label): in the highest-need fifths on \(count) of \(data.objectives.count) objectives",
                                    plain: true)
            }
            let id = Int(column.key) ?? 0
            let need = data.need(area: row.key, objective: id)
            return Heatmap.Cell(quintile: need?.needQuintile, text: need?.needQuintile.map(String.init) ?? "–",
                                tooltip: OverviewPage.objectiveTooltip(data: data, areaName: row.label, objective: id, need: need),
                                flags: need?.needQuintile == nil ? [.missing] : [])
        }.view
        objectiveHeadings = data.objectives.map { "\($0.id). \(ReportData.name(of: $0))" } + ["Objectives in highest need (quintile 1 or 2)"]
        objectiveRows = areas.map { area in
            var cells = data.objectives.map { objective in
                let need = data.need(area: area.code, objective: objective.id)
                guard let quintile = need?.needQuintile else {
                    return TableCell(text: "not ranked: no data", note: "", hasNote: false, fill: NeedPalette.missingFill,
                                     ink: NeedPalette.missingInk, unranked: true)
                }
                let rank = need?.needRank.map { "rank \($0) of \(data.rankedCount(objective: objective.id))" } ?? ""
                return TableCell(text: String(quintile), note: rank, hasNote: !rank.isEmpty, fill: NeedPalette.fill(quintile: quintile),
                                 ink: NeedPalette.ink(quintile: quintile), unranked: false)
            }
            cells.append(TableCell(text: String(highestCount(area.code)), note: "", hasNote: false, fill: "#FFFFFF", ink: "#000000", unranked: false))
            return TableRow(area: Link(href: up + paths.area(area.code), text: area.name), district: area.districtName, cells: cells)
        }

        counts = data.objectives.map { objective in
            let quintiles = areas.map { data.need(area: $0.code, objective: objective.id)?.needQuintile }
            let highest = areas.filter { data.need(area: $0.code, objective: objective.id)?.highestNeed == true }
            return ObjectiveCount(
                id: String(objective.id), title: objective.title,
                worst: String(quintiles.filter { $0 == 1 }.count), secondWorst: String(quintiles.filter { $0 == 2 }.count),
                total: String(highest.count),
                ranked: String(areas.filter { data.need(area: $0.code, objective: objective.id)?.needRank != nil }.count),
                areas: highest.map { Link(href: up + paths.area($0.code), text: $0.name) }, hasAreas: !highest.isEmpty)
        }
        self.districts = districts.map { district in
            DistrictLinks(name: district.name, areas: district.areas.map { Link(href: up + paths.area($0.code), text: $0.name) })
        }
        let indicatorLink = { (indicator: IndicatorRow) in
            IndicatorLink(href: up + paths.indicator(indicator.id), text: indicator.title, unavailable: !indicator.available,
                          reason: indicator.unavailableReason.isEmpty ? "no figures in this release" : indicator.unavailableReason)
        }
        objectives = data.objectives.map { objective in
            ObjectiveLinks(id: String(objective.id), title: objective.title,
                           indicators: data.indicators(objective: objective.id).map(indicatorLink))
        }
        unavailable = data.indicators.filter { !$0.available }.map(indicatorLink)
        hasUnavailable = !unavailable.isEmpty
    }

    /// A heatmap cell for an area's figure on an indicator: its quintile; "C" on light grey
    /// for the county's own figure, not ranked; or a dash on the hatch for no value.
    static func indicatorCell(data: ReportData, area: Heatmap.Row, indicator: IndicatorRow, need: IndicatorNeedRow?) -> Heatmap.Cell {
        let flags = DataFlags(need: need, indicator: indicator)
        let text = need?.needQuintile.map(String.init) ?? (flags.contains(.county) ? "C" : "–")
        return Heatmap.Cell(quintile: need?.needQuintile, text: text,
                            tooltip: tooltip(data: data, areaName: area.label, indicator: indicator, need: need), flags: flags)
    }

    /// "Burnley Central: Households in fuel poverty 14.2% (2020); need rank 3 of 34, quintile 1
    /// (worst fifth); worse than the county; apportioned, synthetic". The vintage reads as a
    /// person writes it ("2024/25", not "2024-09-01/P1Y").
    static func tooltip(data: ReportData, areaName: String, indicator: IndicatorRow, need: IndicatorNeedRow?) -> String {
        let flags = DataFlags(need: need, indicator: indicator)
        var text = "\(areaName): \(indicator.title)"
        guard let value = need?.value else {
            let reason = indicator.available ? NoValueText.text(need) : "not available: " + (indicator.unavailableReason.isEmpty ? "no figures in this release" : indicator.unavailableReason)
            return text + ": " + reason
        }
        text += " \(data.format(indicator).text(value))"
        if !indicator.vintage.isEmpty { text += " (\(VintageText.readable(indicator.vintage)))" }
        if let rank = need?.needRank, let quintile = need?.needQuintile {
            text += "; need rank \(rank) of \(data.rankedCount(indicator: indicator.id)), quintile \(quintile) (\(NeedPalette.label(quintile: quintile)))"
        }
        if let comparison = need?.comparedWithCounty { text += "; " + ComparisonMark(comparison).words }
        // A stand-in says what it stands in for; a county figure that it is the same for every area.
        var words = flags.subtracting([.proxy, .county]).words
        if flags.contains(.county) { words.insert(DataFlags.countyWords + " (the same for every area)", at: 0) }
        if flags.contains(.proxy) { words.append(data.standIn(indicator)) }
        if !words.isEmpty { text += "; " + words.joined(separator: ", ") }
        return text
    }

    static func objectiveTooltip(data: ReportData, areaName: String, objective: Int, need: ObjectiveNeedRow?) -> String {
        let name = data.objective(objective).map { "objective \($0.id), \(ReportData.name(of: $0))" } ?? "objective \(objective)"
        guard let need, let rank = need.needRank, let quintile = need.needQuintile else {
            return "\(areaName): \(name): not ranked: no data (no ranked indicator)"
        }
        return "\(areaName): \(name): need rank \(rank) of \(data.rankedCount(objective: objective)), quintile \(quintile) (\(NeedPalette.label(quintile: quintile))); \(need.indicatorsInWorstTwoFifths) of \(need.indicatorsRanked) indicators in the worst two fifths"
    }
}
