import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsRelease

/// One indicator's page: what it measures and where it comes from, every area's value
/// sorted from the greatest need with confidence intervals where the release has them,
/// and the same as a table. An unavailable indicator says so, with the reason.
struct IndicatorPage {
    /// An area's row in the table.
    struct Row {
        var rank: String
        var area: Link
        var district: String
        var value: String
        var interval: String
        var numerator: String
        var denominator: String
        var badge: QuintileBadge
        var comparison: MarkerIcon
        var flags: String
    }

    /// A district's spread of values, when the overview is split by district and the page
    /// lists districts instead of every area (`PageSplit`).
    struct DistrictRow {
        var district: Link
        var figures: String
        var median: String
        var range: String
        var highestNeed: String
    }

    var page: PageChrome
    var id: String
    var objective: String
    var polarity: String
    var unit: String
    /// The value column's heading.
    var valueHeading: String
    var method: String
    var methodExplained: String
    var hasMethod: Bool
    var source: String
    var hasSource: Bool
    var sourceGeography: String
    /// As a reader writes it ("2024/25"), and as the release records it when that differs.
    var vintage: String
    var recordedVintage: String
    var hasRecordedVintage: Bool
    var notes: String
    var hasNotes: Bool
    /// What a stand-in stands in for.
    var standIn: String
    var isStandIn: Bool
    /// The county's own figure and how many areas are worse, similar and better.
    var county: String
    var hasCounty: Bool
    var synthetic: Bool
    var available: Bool
    var unavailableReason: String
    var summary: String
    var hasChart: Bool
    var chart: DotChartView
    var hasIntervals: Bool
    /// How the intervals are computed, for the chart's caption: "Wilson score".
    var intervalMethod: String
    var hasCounts: Bool
    var rows: [Row]
    /// Whether the page lists districts rather than every area.
    var byDistrict: Bool
    var districtRows: [DistrictRow]
    var previous: Link
    var next: Link

    /// - Parameter split: when it splits the overview by district, the page lists each
    ///   district's spread and links to its page, where each area's figure is.
    init(data: ReportData, paths: SitePaths, indicator: IndicatorRow, previous: IndicatorRow, next: IndicatorRow,
         split: PageSplit = .standard) {
        let byDistrict = split.byDistrict(areas: data.areas.count)
        let home = "../" + SitePaths.index
        page = PageChrome(data: data, heading: indicator.title, subheading: "Indicator \(indicator.id)", depth: 1,
                          crumbs: [PageChrome.Crumb(href: home, text: "Overview")])
        id = indicator.id
        objective = data.objective(indicator.objectiveId).map { "\($0.id). \($0.title)" } ?? String(indicator.objectiveId)
        polarity = switch indicator.polarity {
        case .higherIsWorse: "Higher is worse: the highest value ranks first for need."
        case .higherIsBetter: "Higher is better: the lowest value ranks first for need."
        }
        let format = data.format(indicator)
        unit = format.isRank ? format.unitNote : indicator.unit
        valueHeading = format.isRank ? "Value: " + format.unitNote : "Value (\(indicator.unit))"
        method = indicator.aggregation.map(ReleaseText.text) ?? ""
        methodExplained = indicator.aggregation.map(IndicatorPage.explain) ?? ""
        hasMethod = indicator.aggregation != nil
        source = indicator.source
        hasSource = !indicator.source.isEmpty
        sourceGeography = indicator.sourceGeography.map { " (published at " + ReleaseText.text($0) + " level)" } ?? ""
        vintage = VintageText.readable(indicator.vintage)
        recordedVintage = indicator.vintage
        hasRecordedVintage = vintage != indicator.vintage
        notes = indicator.notes
        hasNotes = !indicator.notes.isEmpty
        let standIn = data.standIn(indicator)
        self.standIn = standIn.prefix(1).uppercased() + standIn.dropFirst()
        isStandIn = indicator.isProxy
        synthetic = indicator.synthetic
        available = indicator.available
        unavailableReason = indicator.unavailableReason.isEmpty ? "The release has no figures for this indicator." : indicator.unavailableReason
        self.previous = Link(href: "../" + paths.indicator(previous.id), text: previous.title)
        self.next = Link(href: "../" + paths.indicator(next.id), text: next.title)

        let needs = data.needs(indicator: indicator.id)
        let values = needs.compactMap(\.value)
        // The greatest need first; areas without a rank last, in the order of areas.csv.
        let sorted = byDistrict ? [] : needs.enumerated().sorted { a, b in
            let ra = a.element.needRank ?? Int.max, rb = b.element.needRank ?? Int.max
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        let distribution = data.distribution(indicator: indicator.id)
        if let distribution {
            // Ranks: what they are once, then the numbers.
            let show = format.isRank ? format.number : format.text
            summary = "\(values.count) of \(data.areas.count) \(data.release.schema.areaLabel)s have a figure"
                + (format.isRank ? ": an \(format.unitNote). " : ". ")
                + "Median \(show(distribution.median)); middle half \(show(distribution.lowerQuartile)) to \(show(distribution.upperQuartile)); "
                + "range \(show(distribution.lowest)) to \(show(distribution.highest))."
        } else {
            summary = "No \(data.release.schema.areaLabel) has a figure."
        }
        hasIntervals = needs.contains { $0.ciLower != nil && $0.ciUpper != nil }
        intervalMethod = IndicatorPage.intervalMethod(indicator.aggregation)
        if let countyValue = indicator.countyValue {
            let tally = ComparisonMark.allCases.map { comparison in
                (comparison, needs.filter { $0.value != nil && ComparisonMark($0.comparedWithCounty) == comparison }.count)
            }
            county = "The county's own figure: \(format.text(countyValue)). "
                + (hasIntervals
                    ? "Against it, by each area's 95% confidence interval: " + tally.map { "\($0.1) \($0.0.word)" }.joined(separator: ", ") + "."
                    : "No area has a confidence interval here, so none is compared with it.")
        } else {
            county = ""
        }
        hasCounty = !county.isEmpty
        hasCounts = needs.contains { $0.numerator != nil || $0.denominator != nil }
        self.byDistrict = byDistrict
        districtRows = !byDistrict ? [] : data.districts.map { district in
            let rows = district.areas.compactMap { data.need(area: $0.code, indicator: indicator.id) }
            let spread = Distribution(rows.compactMap(\.value))
            let show = format.isRank ? format.number : format.compact
            let highest = rows.filter { $0.highestNeed == true }.count
            // Straight to the objective's figure table, where the district's page has one.
            let anchor = split.drawsFigures(areas: district.areas.count, indicators: data.indicators.count) ? "#figures-\(indicator.objectiveId)" : ""
            return DistrictRow(
                district: Link(href: "../" + paths.district(district.code) + anchor, text: district.name),
                figures: "\(spread?.count ?? 0) of \(district.areas.count)",
                median: spread.map { show($0.median) } ?? "–",
                range: spread.map { show($0.lowest) + " to " + show($0.highest) } ?? "–",
                highestNeed: String(highest))
        }
        rows = sorted.map { need in
            let area = data.area(need.areaCode)
            let flags = DataFlags(need: need, indicator: indicator)
            let comparison = ComparisonMark(need.value == nil ? nil : need.comparedWithCounty)
            let interval: String
            if let lower = need.ciLower, let upper = need.ciUpper {
                interval = format.number(lower) + " to " + format.number(upper)
            } else {
                interval = "–"
            }
            return Row(
                rank: need.needRank.map { "\($0)" } ?? "–",
                area: Link(href: "../" + paths.area(need.areaCode), text: area?.name ?? need.areaCode),
                district: area?.districtName ?? "", value: format.number(need.value), interval: interval,
                numerator: need.numerator.map(IndicatorPage.count) ?? "–",
                denominator: need.denominator.map(IndicatorPage.count) ?? "–",
                badge: flags.contains(.county) ? QuintileBadge(county: ()) : QuintileBadge(need.needQuintile),
                comparison: MarkerIcon(comparison, words: comparison.word),
                flags: ((need.value == nil && !need.valueMissingReason.isEmpty ? [need.valueMissingReason] : [])
                    + flags.subtracting(.missing).words).joined(separator: ", "))
        }
        hasChart = indicator.available && !values.isEmpty && !byDistrict
        let chartRows = sorted.map { need in
            DotChart.Row(label: data.area(need.areaCode)?.name ?? need.areaCode, value: need.value, lower: need.ciLower, upper: need.ciUpper,
                         quintile: need.needQuintile,
                         tooltip: OverviewPage.tooltip(data: data, areaName: data.area(need.areaCode)?.name ?? need.areaCode, indicator: indicator, need: need)
                            + (need.ciLower != nil && need.ciUpper != nil ? "; 95% CI \(format.text(need.ciLower!)) to \(format.text(need.ciUpper!))" : ""),
                         missing: NoValueText.text(need))
        }
        chart = DotChart(
            id: "values",
            description: "Dot chart of \(indicator.title) for \(values.count) \(data.release.schema.areaLabel)s, greatest need at the top"
                + (hasIntervals ? ", with 95% confidence intervals as lines" : "") + "; the dashed line is the median"
                + (indicator.countyValue != nil ? ", the solid line the county's own figure" : "") + ". The table below gives the figures.",
            rows: chartRows, median: distribution?.median, county: indicator.countyValue).view
    }

    /// How a method's 95% confidence intervals are computed, in a few words.
    static func intervalMethod(_ method: AggregationMethod?) -> String {
        switch method {
        case .rate: "Wilson score"
        case .lifeExpectancy: "from the life table: Chiang's variance, Silcocks' for the last band"
        case .disabilityFreeLifeExpectancy: "Sullivan's method: the life table's variance and the prevalence's"
        case .standardisedRate: "Dobson's method"
        case .weightedMean, .averageRank, .extent, .localConcentration, .shareInMostDeprivedDecile, .inherit, .median, nil: "as the source publishes them"
        }
    }

    /// Counts after apportioning need not be whole: one decimal when they are not.
    static func count(_ value: Double) -> String {
        value == value.rounded() ? ValueFormat.grouped(String(format: "%.0f", value)) : ValueFormat.grouped(String(format: "%.1f", value))
    }

    /// The README's methods, in a sentence each.
    static func explain(method: AggregationMethod) -> String {
        switch method {
        case .rate: "Numerators and denominators of the small areas summed, then divided (rates are never averaged); 95% confidence intervals by the Wilson score method."
        case .weightedMean: "The population-weighted mean of the small areas' scores or rates."
        case .averageRank: "The IoD average rank: the population-weighted mean of the small areas' reversed national ranks."
        case .extent: "The IoD extent: the share of the population living in the most deprived small areas nationally."
        case .localConcentration: "The IoD local concentration: the average reversed national rank of the most deprived small areas holding 10% of the population."
        case .shareInMostDeprivedDecile: "The share of the small areas (by lookup weight) in the most deprived 10% nationally."
        case .inherit: "A district figure, copied to each area of the district."
        case .median: "The population-weighted mean of the small areas' medians: an approximation of the area's median."
        case .lifeExpectancy: "Deaths and populations of the small areas summed by age band, then an abridged life table (Chiang II, as PHEindicatormethods); 95% confidence intervals from its variance."
        case .disabilityFreeLifeExpectancy: "The life table of the small areas' summed deaths and populations by age band, its years lived weighted by the share without a disability in each band (Sullivan's method); 95% confidence intervals."
        case .standardisedRate: "Events and populations of the small areas summed by age band, then directly standardised to the 2013 European Standard Population; 95% confidence intervals by Dobson's method."
        }
    }
}
