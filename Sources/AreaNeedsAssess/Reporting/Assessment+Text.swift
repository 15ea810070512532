import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsRelease

extension Assessment {
    /// Up to this many areas, the text shows every indicator of every area; beyond it, a
    /// summary per objective (the JSON always carries everything).
    static let detailedAreaLimit = 3

    /// The answer for people: the weighting, the decision, each criterion, the evidence,
    /// notes and the release.
    package var text: String {
        var out = TextLayout()
        out.add(headline)
        out.blank()
        out.add(decision)
        out.blank()
        out.add("Criteria (Social Value Policy, section 5):")
        for criterion in criteria {
            let mark = switch criterion.met {
            case true?: "[met]    "
            case false?: "[not met]"
            case nil: "[unknown]"
            }
            out.add("\(mark) \(Assessment.title(criterion.id)): \(criterion.detail)", indent: 2, hanging: 10)
        }
        out.blank()
        out.add("Evidence: objective need quintiles of the areas served (1 = the worst fifth of the release's \(releaseAreaCount) areas; quintile 1 or 2 = communities with the highest needs):")
        if request.areas.areas.count <= Assessment.detailedAreaLimit {
            addDetailedEvidence(to: &out)
        } else {
            addSummaryEvidence(to: &out)
        }
        out.addFooter(notes: notes, release: source.label)
        return out.text
    }

    private var headline: String {
        guard outcome.weightingRequired else {
            return "Social value weighting: not required (the contract is below the procurement threshold)"
        }
        guard let weightingPercent else {
            let possible = outcome.possibleWeightingPercents.map { "\($0)%" }.joined(separator: " or ")
            return "Social value weighting: cannot be decided from this release (\(possible): see below)"
        }
        return "Social value weighting: \(weightingPercent)% of the award criteria"
            + (referToProcurementBoard ? " (minimum); refer to the Procurement Board" : "")
    }

    static func title(_ id: Criterion.ID) -> String {
        switch id {
        case .significantImpact: "Significant additional impact"
        case .multipleObjectives: "At least two objectives"
        case .highestNeedsCommunities: "Communities with the highest needs"
        case .aboveThreshold: "At or above the procurement threshold"
        }
    }

    /// Every area, objective and indicator.
    private func addDetailedEvidence(to out: inout TextLayout) {
        for area in request.areas.areas {
            out.add("\(Assessment.name(area)) (\(area.districtName))", indent: 2)
            for item in evidence where item.area.code == area.code {
                out.add("\(Assessment.name(item.objective)): \(Assessment.needText(item))", indent: 4, hanging: 4)
                if item.indicators.isEmpty {
                    out.add("no indicators inform this objective in the release", indent: 8)
                }
                for indicator in item.indicators where indicator.indicator.available {
                    out.add(Assessment.indicatorText(indicator), indent: 8, hanging: 4)
                }
                let absent = item.indicators.filter { !$0.indicator.available }.map(\.indicator.id)
                if !absent.isEmpty {
                    out.add("no figures in this release (below): " + absent.joined(separator: ", "), indent: 8, hanging: 4)
                }
            }
        }
        addUnavailableIndicators(to: &out)
    }

    /// The chosen objectives' indicators that have no figures in the release at all, each
    /// once, with the pipeline's reason as written for the public.
    private func addUnavailableIndicators(to out: inout TextLayout) {
        let chosen = Set(request.objectives.objectives.map(\.id))
        var seen: Set<String> = []
        let absent = evidence.flatMap(\.indicators).map(\.indicator)
            .filter { chosen.contains($0.objectiveId) && !$0.available && seen.insert($0.id).inserted }
        guard !absent.isEmpty else { return }
        out.blank()
        out.add("Indicators with no figures in this release:")
        for indicator in absent {
            let reason = indicator.unavailableReason.isEmpty ? "no reason given" : indicator.unavailableReason
            out.add("\(indicator.title) [\(indicator.id)]: \(reason)", indent: 2, hanging: 4)
        }
    }

    /// Per objective: how many served areas are in each quintile, naming those in 1-2.
    private func addSummaryEvidence(to out: inout TextLayout) {
        let served = request.areas.areas.count
        for summary in summaries {
            let items = evidence.filter { $0.objective.id == summary.objective.id }
            let indicators = items.first?.indicators.map(\.indicator.id) ?? []
            out.add("\(Assessment.name(summary.objective)): \(summary.highestNeedAreas.count) of \(served) served areas in quintile 1-2"
                    + (indicators.isEmpty ? "" : " (indicators: \(indicators.joined(separator: ", ")))"),
                    indent: 2, hanging: 4)
            for quintile in 1...2 {
                let areas = items.filter { $0.quintile == quintile }.map { Assessment.name($0.area) }
                if !areas.isEmpty {
                    out.addList("quintile \(quintile):", areas, indent: 6, hanging: 4)
                }
            }
            let lower = (3...5).map { quintile in items.count { $0.quintile == quintile } }
            let lowerCount = lower.reduce(0, +)
            if lowerCount > 0 {
                let counts = zip(3...5, lower).map { quintile, count in "\(quintile): \(count)" }
                out.add("quintiles 3-5: \(lowerCount) areas (" + counts.joined(separator: ", ") + ")", indent: 6)
            }
            let unranked = items.filter { $0.quintile == nil }.map { Assessment.name($0.area) }
            if !unranked.isEmpty {
                out.addList("not ranked:", unranked, indent: 6, hanging: 4)
            }
        }
        out.add("(--json gives every served area's indicators, with their quintiles and quality.)", indent: 2)
        addUnavailableIndicators(to: &out)
    }

    static func needText(_ item: NeedEvidence) -> String {
        guard let need = item.need, let quintile = need.needQuintile else {
            return "not ranked: no data (unknown, not \"no need\")"
        }
        var text = "quintile \(quintile)"
        if let rank = need.needRank { text += ", need rank \(rank)" }
        text += "; \(need.indicatorsInWorstTwoFifths) of \(need.indicatorsRanked) ranked indicators in quintile 1-2"
        return text + (item.highestNeed == true ? " (highest needs)" : "")
    }

    static func indicatorText(_ item: NeedEvidence.IndicatorEvidence) -> String {
        let indicator = item.indicator
        let label = "\(indicator.title) [\(indicator.id)]"
        guard let need = item.need, let value = need.value else {
            let reason = indicator.available ? "" : (indicator.unavailableReason.isEmpty ? " (no figures in the release)" : " (\(indicator.unavailableReason))")
            return "missing\(reason): \(label)"
        }
        var parts: [String] = []
        parts.append(need.needQuintile.map { "quintile \($0)" } ?? (indicator.notRankedReason.isEmpty ? "no quintile" : "not ranked"))
        if let rank = need.needRank { parts.append("rank \(rank)") }
        parts.append(qualityText(need.quality, indicator: indicator))
        var text = parts.joined(separator: ", ") + ": \(label) = \(valueText(value, indicator: indicator))"
        if need.needQuintile == nil, !indicator.notRankedReason.isEmpty { text += " (\(indicator.notRankedReason))" }
        if let comparison = need.comparedWithCounty, let county = indicator.countyValue {
            let compared = switch comparison {
            case .worse: "worse than"
            case .similar: "similar to"
            case .better: "better than"
            }
            text += "; \(compared) the county (\(valueText(county, indicator: indicator)))"
        }
        return text
    }

    /// "exact", or for a stand-in "proxy for children-in-poverty".
    static func qualityText(_ quality: Quality?, indicator: IndicatorRow) -> String {
        guard let quality else { return "quality not stated" }
        guard quality == .proxy, indicator.isProxy else { return ReleaseText.text(quality) }
        let others = indicator.standsInFor.filter { $0 != indicator.id }
        return others.isEmpty ? "proxy (a stand-in measure)" : "proxy for " + others.joined(separator: ", ")
    }

    /// A figure with its unit, as people read it: "12.5%", "£25,000", "7.6 score out of
    /// 10", "average rank 25,726 of 32,844 (higher = more deprived)".
    static func valueText(_ value: Double, indicator: IndicatorRow) -> String {
        indicator.unit == "£" ? Pounds.format(value) : FigureText.value(value, of: indicator)
    }
}
