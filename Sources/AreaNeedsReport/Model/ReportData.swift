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

    init(release: Release) throws(AreaNeedsError) {
        self.release = release
        published = ReportData.publishedDate(folder: release.folder)
        areas = try release.areas()
        var districts: [District] = []
        for area in areas {
            if let index = districts.firstIndex(where: { $0.code == area.districtCode }) {
                districts[index].areas.append(area)
            } else {
                districts.append(District(code: area.districtCode, name: area.districtName, areas: [area]))
            }
        }
        self.districts = districts
        objectives = try release.objectives().sorted { $0.id < $1.id }
        outcomes = try release.outcomes().sorted { $0.id < $1.id }
        // A stable sort keeps the release's order within each objective.
        indicators = try release.indicators().enumerated()
            .sorted { ($0.element.objectiveId, $0.offset) < ($1.element.objectiveId, $1.offset) }.map(\.element)
        measures = try release.framework().sorted { ($0.outcomeId, $0.measureNumber) < ($1.outcomeId, $1.measureNumber) }
        var byArea: [String: [String: IndicatorNeedRow]] = [:]
        for need in try release.indicatorNeeds() { byArea[need.areaCode, default: [:]][need.indicatorId] = need }
        indicatorNeeds = byArea
        var objectiveByArea: [String: [Int: ObjectiveNeedRow]] = [:]
        for need in try release.objectiveNeeds() { objectiveByArea[need.areaCode, default: [:]][need.objectiveId] = need }
        objectiveNeeds = objectiveByArea
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
        areas.compactMap { need(area: $0.code, indicator: indicator) }
    }

    /// The indicators of an objective.
    func indicators(objective: Int) -> [IndicatorRow] {
        indicators.filter { $0.objectiveId == objective }
    }

    /// How many areas have a need rank on an indicator: the `n` of "rank r of n".
    func rankedCount(indicator: String) -> Int {
        needs(indicator: indicator).filter { $0.needRank != nil }.count
    }

    /// How many areas have a need rank on an objective.
    func rankedCount(objective: Int) -> Int {
        areas.filter { need(area: $0.code, objective: objective)?.needRank != nil }.count
    }

    func objective(_ id: Int) -> ObjectiveRow? {
        objectives.first { $0.id == id }
    }

    /// An objective's name for labels, from its short name: "living-standards" → "Living standards".
    static func name(of objective: ObjectiveRow) -> String {
        let words = objective.shortName.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// What a stand-in stands in for, in words: "stand-in for Geographic barriers to housing
    /// and services and Wider barriers to housing and services"; empty for other indicators.
    func standIn(_ indicator: IndicatorRow) -> String {
        guard indicator.isProxy else { return "" }
        // Its own id means it stands in for the measure its title names.
        let others = indicator.standsInFor.filter { $0 != indicator.id }
            .map { id in indicators.first { $0.id == id }?.title ?? id }
        guard let last = others.last else { return "stand-in: a proxy for the measure it names, which has no source of its own" }
        return "stand-in for " + (others.count == 1 ? last : others.dropLast().joined(separator: ", ") + " and " + last)
    }

    /// The format of an indicator's figures, from every area's value.
    func format(_ indicator: IndicatorRow) -> ValueFormat {
        ValueFormat(indicator: indicator, values: needs(indicator: indicator.id).compactMap(\.value))
    }

    func area(_ code: String) -> AreaRow? {
        areas.first { $0.code == code }
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
