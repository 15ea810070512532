import AreaNeedsRelease

extension Advice {
    /// Up to this many areas, each area's quintile is listed under every objective.
    static let listedAreaLimit = 10

    /// The advice for people: the objectives, greatest need first, with what suppliers
    /// could deliver for each.
    package var text: String {
        var out = TextLayout()
        let served = areas.areas
        let who = areas.countyWide
            ? "the whole county (\(served.count) areas)"
            : served.count == 1 ? Assessment.name(served[0]) : "\(served.count) areas (\(served.map(Assessment.name).joined(separator: ", ")))"
        out.add("Social value objectives for \(who), greatest need first:", hanging: 2)
        for item in objectives {
            out.blank()
            out.add("\(item.position). Objective \(item.objective.id): \(item.objective.title) (\(item.objective.shortName))", hanging: 3)
            out.add("Need: " + needText(item), indent: 3, hanging: 2)
            if !areas.countyWide, served.count > 1, served.count <= Advice.listedAreaLimit {
                let list = item.quintiles.map { "\($0.area.code) \($0.quintile.map(String.init) ?? "-")" }
                out.addList("Quintile by area:", list, indent: 3, hanging: 2)
            }
            if !item.indicators.isEmpty {
                out.add("Indicators: " + item.indicators.map(\.title).joined(separator: "; "), indent: 3, hanging: 2)
            }
            for outcome in item.outcomes {
                out.add("Outcome \(outcome.outcome.id): \(outcome.outcome.outcome)", indent: 3, hanging: 2)
                if !outcome.outcome.corporatePriorities.isEmpty {
                    out.add("Linked corporate priorities:", indent: 5)
                    for priority in outcome.outcome.corporatePriorities { out.add("- " + priority, indent: 7, hanging: 2) }
                }
                if !outcome.exampleMeasures.isEmpty {
                    out.add("Example supplier measures (examples only, not an exhaustive list):", indent: 5)
                    for measure in outcome.exampleMeasures { out.add("- " + measure, indent: 7, hanging: 2) }
                }
            }
        }
        out.addFooter(notes: notes, release: source.label)
        return out.text
    }

    private func needText(_ item: RankedObjective) -> String {
        guard let best = item.bestQuintile else { return "not ranked: no data (no indicator of it has a figure in these areas: unknown, not \"no need\")" }
        let mean = item.meanNeedRank.map { TextLayout.number(($0 * 10).rounded() / 10) } ?? "-"
        if areas.areas.count == 1 {
            return "quintile \(best), need rank \(mean) of \(releaseAreaCount)" + (best <= 2 ? " (highest needs)" : "")
        }
        var text = "quintile \(best) at worst, mean need rank \(mean) of \(releaseAreaCount)"
        if item.highestNeedAreas.isEmpty {
            text += "; no area in quintile 1-2"
        } else if item.highestNeedAreas.count > Advice.listedAreaLimit {
            text += "; \(item.highestNeedAreas.count) of \(areas.areas.count) areas in quintile 1-2"
        } else {
            text += "; quintile 1-2 in " + item.highestNeedAreas.map(Assessment.name).joined(separator: ", ")
        }
        return text
    }
}
