import AreaNeedsCore
import AreaNeedsRelease
import Foundation

/// Everything the report shows, read once from a verified release and indexed for the
/// pages: areas grouped by district, indicators grouped by objective, needs by area.
struct ReportData: Sendable {
    /// A district and its areas, in the order of `areas.csv`.
    struct District: Sendable {
        var code: String
        var name: String
        var areas: [AreaRow]
    }

    /// What the pages ask about one indicator, worked out once for the whole report: every
    /// area's row, the spread of the values, their format and how many areas are ranked.
    /// (Worked out per cell, as the pages once did, this made a report of 7,142 areas take
    /// longer than every other stage together.)
    struct IndicatorFigures: Sendable {
        /// Every area's row, in the order of `areas.csv` (areas without a row left out).
        var needs: [IndicatorNeedRow]
        var distribution: Distribution?
        var format: ValueFormat
        var rankedCount: Int
        var standIn: String
    }

    let release: Release
    /// The release's `created` date (YYYY-MM-DD), from its descriptor; empty when absent.
    let published: String
    let areas: [AreaRow]
    let districts: [District]
    let objectives: [ObjectiveRow]
    let outcomes: [OutcomeRow]
    /// Ordered by objective, then as in `indicators.csv`.
    let indicators: [IndicatorRow]
    let measures: [MeasureRow]
    private let indicatorNeeds: [String: [String: IndicatorNeedRow]]
    private let objectiveNeeds: [String: [Int: ObjectiveNeedRow]]
    private let figures: [String: IndicatorFigures]
    private let indicatorsByObjective: [Int: [IndicatorRow]]
    private let objectivesById: [Int: ObjectiveRow]
    private let areasByCode: [String: AreaRow]
    private let districtsByCode: [String: District]
    private let rankedByObjective: [Int: Int]

    init(release: Release) throws(AreaNeedsError) {
        self.release = release
        published = ReportData.publishedDate(folder: release.folder)
        areas = try release.areas()
        var districts: [District] = []
        var districtIndex: [String: Int] = [:]
        for area in areas {
            if let index = districtIndex[area.districtCode] {
                districts[index].areas.append(area)
            } else {
                districtIndex[area.districtCode] = districts.count
                districts.append(District(code: area.districtCode, name: area.districtName, areas: [area]))
            }
        }
        self.districts = districts
        districtsByCode = Dictionary(districts.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        areasByCode = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        objectives = try release.objectives().sorted { $0.id < $1.id }
        objectivesById = Dictionary(objectives.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        outcomes = try release.outcomes().sorted { $0.id < $1.id }
        // A stable sort keeps the release's order within each objective.
        let indicators = try release.indicators().enumerated()
            .sorted { ($0.element.objectiveId, $0.offset) < ($1.element.objectiveId, $1.offset) }.map(\.element)
        self.indicators = indicators
        indicatorsByObjective = Dictionary(grouping: indicators, by: \.objectiveId)
        measures = try release.framework().sorted { ($0.outcomeId, $0.measureNumber) < ($1.outcomeId, $1.measureNumber) }
        var byArea: [String: [String: IndicatorNeedRow]] = [:]
        for need in try release.indicatorNeeds() { byArea[need.areaCode, default: [:]][need.indicatorId] = need }
        indicatorNeeds = byArea
        var objectiveByArea: [String: [Int: ObjectiveNeedRow]] = [:]
        var ranked: [Int: Int] = [:]
        for need in try release.objectiveNeeds() {
            objectiveByArea[need.areaCode, default: [:]][need.objectiveId] = need
            if need.needRank != nil, areasByCode[need.areaCode] != nil { ranked[need.objectiveId, default: 0] += 1 }
        }
        objectiveNeeds = objectiveByArea
        rankedByObjective = ranked

        let byId = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var figures: [String: IndicatorFigures] = [:]
        for indicator in indicators where figures[indicator.id] == nil {
            let needs = areas.compactMap { byArea[$0.code]?[indicator.id] }
            let values = needs.compactMap(\.value)
            figures[indicator.id] = IndicatorFigures(
                needs: needs, distribution: Distribution(values), format: ValueFormat(indicator: indicator, values: values),
                rankedCount: needs.filter { $0.needRank != nil }.count,
                standIn: ReportData.standIn(indicator, titles: byId))
        }
        self.figures = figures
    }

    /// An area's figure on an indicator, if the release has a row for it.
    func need(area: String, indicator: String) -> IndicatorNeedRow? {
        indicatorNeeds[area]?[indicator]
    }

    /// An area's need on an objective, if the release has a row for it.
    func need(area: String, objective: Int) -> ObjectiveNeedRow? {
        objectiveNeeds[area]?[objective]
    }

    /// Every area's row for an indicator, in the order of `areas.csv` (areas without a row left out).
    func needs(indicator: String) -> [IndicatorNeedRow] {
        figures[indicator]?.needs ?? []
    }

    /// The spread of the areas' values on an indicator; nil when no area has one.
    func distribution(indicator: String) -> Distribution? {
        figures[indicator]?.distribution
    }

    /// The indicators of an objective.
    func indicators(objective: Int) -> [IndicatorRow] {
        indicatorsByObjective[objective] ?? []
    }

    /// How many areas have a need rank on an indicator: the `n` of "rank r of n".
    func rankedCount(indicator: String) -> Int {
        figures[indicator]?.rankedCount ?? 0
    }

    /// How many areas have a need rank on an objective.
    func rankedCount(objective: Int) -> Int {
        rankedByObjective[objective] ?? 0
    }

    func objective(_ id: Int) -> ObjectiveRow? {
        objectivesById[id]
    }

    /// A district by its code.
    func district(_ code: String) -> District? {
        districtsByCode[code]
    }

    /// An objective's name for labels, from its short name: "living-standards" → "Living standards".
    static func name(of objective: ObjectiveRow) -> String {
        let words = objective.shortName.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// What a stand-in stands in for, in words: "stand-in for Geographic barriers to housing
    /// and services and Wider barriers to housing and services"; empty for other indicators.
    func standIn(_ indicator: IndicatorRow) -> String {
        figures[indicator.id]?.standIn ?? ""
    }

    private static func standIn(_ indicator: IndicatorRow, titles: [String: IndicatorRow]) -> String {
        guard indicator.isProxy else { return "" }
        // Its own id means it stands in for the measure its title names.
        let others = indicator.standsInFor.filter { $0 != indicator.id }.map { titles[$0]?.title ?? $0 }
        guard let last = others.last else { return "stand-in: a proxy for the measure it names, which has no source of its own" }
        return "stand-in for " + (others.count == 1 ? last : others.dropLast().joined(separator: ", ") + " and " + last)
    }

    /// The format of an indicator's figures, from every area's value.
    func format(_ indicator: IndicatorRow) -> ValueFormat {
        figures[indicator.id]?.format ?? ValueFormat(indicator: indicator, values: [])
    }

    func area(_ code: String) -> AreaRow? {
        areasByCode[code]
    }

    /// The date part of the descriptor's `created`: shown on every page, and fixed for
    /// the release, so the same release always gives the same report.
    private static func publishedDate(folder: String) -> String {
        guard let data = FileManager.default.contents(atPath: folder + "/datapackage.json"),
              let descriptor = try? JSONDecoder().decode(JSONValue.self, from: data),
              let created = descriptor["created"]?.string else { return "" }
        return String(created.prefix(10))
    }
}
