import AreaNeedsCore
import AreaNeedsRelease
import Foundation

/// One area's page: its need on each objective, a spine chart per indicator against the
/// county's range, and the objectives a contract could address there, with outcomes and
/// example measures.
struct AreaPage {
    /// The area's need on one objective.
    struct ObjectiveNeed {
        var id: String
        var title: String
        var shortName: String
        var badge: QuintileBadge
        var rank: String
        var indicators: String
        /// "yes", "no", or "not ranked: no data": never "no" for an objective with no figures.
        var highestNeed: String
        var ranked: Bool
    }

    /// An objective's indicators as spine chart rows.
    struct SpineGroup {
        var title: String
        var rows: [SpineRow]
    }

    /// One indicator: the area's figure, the county's own and its spread, and the chart.
    struct SpineRow {
        var indicator: Link
        /// The vintage, and what the numbers are when they do not say it.
        var vintage: String
        /// "stand-in for …", for a stand-in.
        var standIn: String
        var isStandIn: Bool
        var value: String
        /// The value's 95% confidence interval, "78.1 to 80.7", where the release has one.
        var interval: String
        var hasInterval: Bool
        /// Why there is no value, when the release says ("suppressed: ...").
        var missingReason: String
        var hasMissingReason: Bool
        var flags: String
        var hasFlags: Bool
        var badge: QuintileBadge
        var rank: String
        /// The county's own figure, and how the area compares with it.
        var county: String
        var comparison: MarkerIcon
        var worst: String
        var middle: String
        var median: String
        var best: String
        var hasChart: Bool
        var chart: SpineView
        /// The county's own figure, not ranked: its value, and why there is no chart.
        var isCountyFigure: Bool
        var unavailable: Bool
        var reason: String
    }

    /// An objective in the advice section.
    struct AdviceObjective {
        var position: String
        var id: String
        var title: String
        var shortName: String
        var badge: QuintileBadge
        var standing: String
        var highestNeed: Bool
        var outcomes: [AdviceOutcome]
    }

    struct AdviceOutcome {
        var outcome: String
        var measures: [String]
        var hasMeasures: Bool
    }

    var page: PageChrome
    var code: String
    var district: String
    var population: String
    var hasPopulation: Bool
    var objectives: [ObjectiveNeed]
    var highestNeedSummary: String
    var spineGroups: [SpineGroup]
    /// The key to the spine charts' markers.
    var markers: [MarkerIcon]
    var advice: [AdviceObjective]
    /// The colours of a county figure's mark.
    var countyFill = DataFlags.countyFill
    var countyInk = DataFlags.countyInk
    var previous: Link
    var next: Link

    /// - Parameter byDistrict: whether the overview is split by district: the way back
    ///   then goes through the area's district page.
    init(data: ReportData, paths: SitePaths, area: AreaRow, advice: AreaAdvice, previous: AreaRow, next: AreaRow,
         byDistrict: Bool = false) {
        let home = "../" + SitePaths.index
        var crumbs = [PageChrome.Crumb(href: home, text: "Overview")]
        if byDistrict { crumbs.append(PageChrome.Crumb(href: "../" + paths.district(area.districtCode), text: area.districtName)) }
        page = PageChrome(data: data, heading: area.name,
                          subheading: "\(data.release.schema.areaLabel) \(area.code), \(area.districtName)", depth: 1,
                          crumbs: crumbs)
        code = area.code
        district = area.districtName
        population = area.population.map { ValueFormat.grouped(String(format: "%.0f", $0)) } ?? ""
        hasPopulation = area.population != nil
        let up = { (path: String) in "../" + path }
        self.previous = Link(href: up(paths.area(previous.code)), text: previous.name)
        self.next = Link(href: up(paths.area(next.code)), text: next.name)

        objectives = data.objectives.map { objective in
            let need = data.need(area: area.code, objective: objective.id)
            let ranked = data.rankedCount(objective: objective.id)
            return ObjectiveNeed(
                id: String(objective.id), title: objective.title, shortName: objective.shortName,
                badge: QuintileBadge(need?.needQuintile),
                rank: need?.needRank.map { "\($0) of \(ranked)" } ?? "not ranked",
                indicators: "\(need?.indicatorsInWorstTwoFifths ?? 0) of \(need?.indicatorsRanked ?? 0)",
                highestNeed: need?.needQuintile == nil ? "not ranked: no data" : (need?.highestNeed == true ? "yes" : "no"),
                ranked: need?.needQuintile != nil)
        }
        let highest = data.objectives.filter { data.need(area: area.code, objective: $0.id)?.highestNeed == true }
        let unranked = data.objectives.filter { data.need(area: area.code, objective: $0.id)?.needQuintile == nil }
        let unrankedText = unranked.isEmpty ? "" : " Not ranked, for want of data (unknown, not \"no need\"): "
            + unranked.map { "\($0.id). \(ReportData.name(of: $0))" }.joined(separator: ", ") + "."
        highestNeedSummary = (highest.isEmpty
            ? "\(area.name) is not in the highest-need fifths on any ranked objective."
            : "\(area.name) is in the highest-need fifths (quintile 1 or 2) on \(highest.count) of \(data.objectives.count) objectives: "
                + highest.map { "\($0.id). \(ReportData.name(of: $0))" }.joined(separator: ", ") + ".") + unrankedText

        spineGroups = data.objectives.compactMap { objective in
            let indicators = data.indicators(objective: objective.id)
            guard !indicators.isEmpty else { return nil }
            return SpineGroup(title: "\(objective.id). \(objective.title)",
                              rows: indicators.map { AreaPage.spineRow(data: data, paths: paths, area: area, indicator: $0) })
        }
        markers = ComparisonMark.allCases.map { MarkerIcon($0, words: $0.legend) }

        self.advice = advice.objectives.enumerated().map { index, objective in
            let standing: String
            if let quintile = objective.needQuintile, let rank = objective.needRank {
                let mean = objective.meanNeedRank.map { ", mean need rank " + String(format: "%.1f", $0) } ?? ""
                standing = "Need quintile \(quintile) (\(NeedPalette.label(quintile: quintile))), rank \(rank) of \(objective.rankedAreas)\(mean)"
                    + (objective.highestNeed ? ": among the communities with the highest needs." : ".")
            } else {
                standing = "Not ranked: no data. None of this objective's indicators has a figure for the area, so its need here is unknown (not \"no need\")."
            }
            return AdviceObjective(
                position: String(index + 1), id: String(objective.id), title: objective.title, shortName: objective.shortName,
                badge: QuintileBadge(objective.needQuintile), standing: standing, highestNeed: objective.highestNeed,
                outcomes: objective.outcomes.map {
                    AdviceOutcome(outcome: $0.outcome, measures: $0.exampleMeasures, hasMeasures: !$0.exampleMeasures.isEmpty)
                })
        }
    }

    static func spineRow(data: ReportData, paths: SitePaths, area: AreaRow, indicator: IndicatorRow) -> SpineRow {
        let format = data.format(indicator)
        let need = data.need(area: area.code, indicator: indicator.id)
        let flags = DataFlags(need: need, indicator: indicator)
        let higherIsWorse = indicator.polarity == .higherIsWorse
        let distribution = data.distribution(indicator: indicator.id)
        let link = Link(href: "../" + paths.indicator(indicator.id), text: indicator.title)
        let badge = QuintileBadge(need?.needQuintile)
        let county = flags.contains(.county)
        let rank = need?.needRank.map { "rank \($0) of \(data.rankedCount(indicator: indicator.id))" }
            ?? (county ? DataFlags.countyWords : "no rank")
        // The stand-in is said under the title; the other flags beside the value (a county
        // figure says it where the rank would be).
        let flagWords = flags.subtracting([.missing, .proxy, .county]).words.joined(separator: ", ")
        let standIn = data.standIn(indicator)
        // What the numbers are, once, under the title, when they do not say it; the vintage
        // as a reader writes it.
        let vintage = [VintageText.readable(indicator.vintage), format.unitNote].filter { !$0.isEmpty }.joined(separator: " · ")
        let comparison = ComparisonMark(need?.comparedWithCounty)
        let countyText = indicator.countyValue.map(format.compact) ?? "–"
        guard indicator.available, let distribution else {
            let reason = indicator.available ? "No area has a figure." : (indicator.unavailableReason.isEmpty ? "No figures in this release." : indicator.unavailableReason)
            return SpineRow(indicator: link, vintage: vintage, standIn: standIn, isStandIn: !standIn.isEmpty, value: "–", interval: "", hasInterval: false,
                            missingReason: "", hasMissingReason: false, flags: "", hasFlags: false,
                            badge: badge, rank: rank, county: countyText, comparison: MarkerIcon(.notCompared, words: ComparisonMark.notCompared.word),
                            worst: "", middle: "", median: "", best: "", hasChart: false, chart: .none,
                            isCountyFigure: false, unavailable: true, reason: "Not available: " + reason)
        }
        if county, let value = need?.value {
            // The same figure for every area: no spread to draw and nothing to rank.
            return SpineRow(indicator: link, vintage: vintage, standIn: standIn, isStandIn: !standIn.isEmpty, value: format.compact(value),
                            interval: "", hasInterval: false, missingReason: "", hasMissingReason: false,
                            flags: flagWords, hasFlags: !flagWords.isEmpty, badge: badge, rank: rank, county: countyText,
                            comparison: MarkerIcon(.notCompared, words: ComparisonMark.notCompared.word),
                            worst: "", middle: "", median: "", best: "", hasChart: false, chart: .none,
                            isCountyFigure: true, unavailable: false,
                            reason: "Not ranked: the county's figure, published for the county only and the same for every \(data.release.schema.areaLabel).")
        }
        let worst = distribution.worst(higherIsWorse: higherIsWorse)
        let best = distribution.best(higherIsWorse: higherIsWorse)
        let worseQuartile = distribution.worseQuartile(higherIsWorse: higherIsWorse)
        let betterQuartile = distribution.betterQuartile(higherIsWorse: higherIsWorse)
        let show = format.compact
        var interval: (lower: Double, upper: Double)?
        if need?.value != nil, let lower = need?.ciLower, let upper = need?.ciUpper { interval = (lower, upper) }
        let intervalText = interval.map { show($0.lower) + " to " + show($0.upper) } ?? ""
        let missingReason = need?.value == nil ? need?.valueMissingReason ?? "" : ""
        let valueText = (need?.value.map { format.text($0) } ?? NoValueText.text(need))
            + (interval.map { " (95% confidence interval \(format.text($0.lower)) to \(format.text($0.upper)))" } ?? "")
        let countySentence = indicator.countyValue.map { "; county figure \(format.text($0)), the area \(comparison.words)" } ?? ""
        // The spread's columns are narrow: ranks there are numbers, "of" the count said under the title.
        let spread = format.isRank ? format.number : format.compact
        let description = "\(indicator.title): \(area.name) \(valueText)\(countySentence); county worst \(format.text(worst)), "
            + "middle half \(format.text(worseQuartile)) to \(format.text(betterQuartile)), median \(format.text(distribution.median)), "
            + "best \(format.text(best)). Worse is to the left."
        return SpineRow(
            indicator: link, vintage: vintage, standIn: standIn, isStandIn: !standIn.isEmpty, value: need?.value.map(show) ?? "–",
            interval: intervalText, hasInterval: !intervalText.isEmpty,
            missingReason: missingReason, hasMissingReason: !missingReason.isEmpty, flags: flagWords, hasFlags: !flagWords.isEmpty, badge: badge, rank: rank,
            county: countyText, comparison: MarkerIcon(comparison, words: comparison.word),
            worst: spread(worst), middle: spread(worseQuartile) + " to " + spread(betterQuartile),
            median: spread(distribution.median), best: spread(best), hasChart: true,
            chart: SpineChart(distribution: distribution, higherIsWorse: higherIsWorse, value: need?.value,
                              interval: interval, comparison: comparison, county: indicator.countyValue, description: description).view,
            isCountyFigure: false, unavailable: false, reason: "")
    }
}
