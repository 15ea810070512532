import AreaNeedsRelease

/// The overview when it is split by district (`PageSplit`): `index.html` lists the
/// districts, each with how many of its areas are among the highest needs on each
/// objective, and links to each district's page (the overview of its areas) and to every
/// indicator's page. It holds no area-by-area figure, so its size follows the districts and
/// indicators, not the areas.
struct DistrictIndexPage {
    /// A district's row: its page, its areas, and per objective how many are in quintile 1 or 2.
    struct DistrictRow {
        var district: Link
        var areas: String
        var counts: [String]
    }

    /// The county's count of areas in the highest-need fifths on an objective.
    struct ObjectiveCount {
        var id: String
        var title: String
        var worst: String
        var secondWorst: String
        var total: String
        var ranked: String
    }

    var page: PageChrome
    var splitNote: String
    var objectiveHeadings: [String]
    var districts: [DistrictRow]
    var counts: [ObjectiveCount]
    var objectives: [OverviewPage.ObjectiveLinks]
    var hasUnavailable: Bool
    var unavailable: [OverviewPage.IndicatorLink]

    init(data: ReportData, paths: SitePaths, split: PageSplit) {
        let areaLabel = data.release.schema.areaLabel
        let grouped = { (count: Int) in ValueFormat.grouped(String(count)) }
        page = PageChrome(data: data, heading: "Area needs: overview",
                          subheading: "\(grouped(data.areas.count)) \(areaLabel)s in \(grouped(data.districts.count)) districts by need on \(data.indicators.count) indicators under \(data.objectives.count) social value objectives",
                          depth: 0)
        splitNote = "More than \(grouped(split.areasOnOnePage)) \(areaLabel)s do not fit one page, so the overview is split by district: each district's page has its \(areaLabel)s' heatmaps and figures, and links to each \(areaLabel)'s page."
        objectiveHeadings = data.objectives.map { "\($0.id). \(ReportData.name(of: $0))" }
        districts = data.districts.map { district in
            DistrictRow(
                district: Link(href: paths.district(district.code), text: district.name), areas: grouped(district.areas.count),
                counts: data.objectives.map { objective in
                    grouped(district.areas.filter { data.need(area: $0.code, objective: objective.id)?.highestNeed == true }.count)
                })
        }
        counts = data.objectives.map { objective in
            let quintiles = data.areas.map { data.need(area: $0.code, objective: objective.id)?.needQuintile }
            let worst = quintiles.filter { $0 == 1 }.count, secondWorst = quintiles.filter { $0 == 2 }.count
            return ObjectiveCount(id: String(objective.id), title: objective.title, worst: grouped(worst), secondWorst: grouped(secondWorst),
                                  total: grouped(worst + secondWorst), ranked: grouped(data.rankedCount(objective: objective.id)))
        }
        let indicatorLink = { (indicator: IndicatorRow) in
            OverviewPage.IndicatorLink(href: paths.indicator(indicator.id), text: indicator.title, unavailable: !indicator.available,
                                       reason: indicator.unavailableReason.isEmpty ? "no figures in this release" : indicator.unavailableReason)
        }
        objectives = data.objectives.map { objective in
            OverviewPage.ObjectiveLinks(id: String(objective.id), title: objective.title,
                                        indicators: data.indicators(objective: objective.id).map(indicatorLink))
        }
        unavailable = data.indicators.filter { !$0.available }.map(indicatorLink)
        hasUnavailable = !unavailable.isEmpty
    }
}
