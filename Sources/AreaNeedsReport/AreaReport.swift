import AreaNeedsCore
import AreaNeedsRelease

/// The area profile report of a release: a static site of plain HTML with inline SVG and
/// CSS (no JavaScript), readable offline straight from disk. `index.html` is the overview;
/// `areas/<code>.html` and `indicators/<id>.html` are a page per area and per indicator.
///
/// The same release always gives the same pages, byte for byte.
package struct AreaReport: Sendable {
    /// One page: its path relative to the report folder, and its HTML.
    package struct Page: Sendable, Equatable {
        /// Relative to the report folder: `index.html`, `areas/SPA01.html`.
        package let path: String
        /// The page, UTF-8 XHTML that browsers read as HTML.
        package let html: String
    }

    /// The release the report describes.
    package let release: Release
    private let data: ReportData
    private let advisor: any AreaAdvisor
    private let templates: ReportTemplates

    /// Reads the release's tables.
    ///
    /// - Parameter advisor: gives each area page's "what a contract could address" section;
    ///   `FrameworkAdvisor` over the same release when nil.
    package init(release: Release, advisor: (any AreaAdvisor)? = nil) throws(AreaNeedsError) {
        self.release = release
        data = try ReportData(release: release)
        if let advisor {
            self.advisor = advisor
        } else {
            self.advisor = try FrameworkAdvisor(release: release)
        }
        templates = try ReportTemplates()
    }

    /// Where the report goes by default: `report/` inside the release folder. It is drawn
    /// from the checksummed tables but is not one of them (see `ReportWriter`).
    package static func defaultFolder(for release: Release) -> String {
        release.folder + "/report"
    }

    /// Every page, the overview first, then the areas in the order of `areas.csv`, then
    /// the indicators by objective.
    package func pages() throws(AreaNeedsError) -> [Page] {
        let paths = SitePaths(areas: data.areas, indicators: data.indicators)
        var pages = [Page(path: SitePaths.index, html: try templates.render(OverviewPage(data: data, paths: paths), template: "overview"))]
        for (index, area) in data.areas.enumerated() {
            let previous = data.areas[(index + data.areas.count - 1) % data.areas.count]
            let next = data.areas[(index + 1) % data.areas.count]
            let page = AreaPage(data: data, paths: paths, area: area, advice: try advisor.advice(forArea: area.code),
                                previous: previous, next: next)
            pages.append(Page(path: paths.area(area.code), html: try templates.render(page, template: "area")))
        }
        for (index, indicator) in data.indicators.enumerated() {
            let previous = data.indicators[(index + data.indicators.count - 1) % data.indicators.count]
            let next = data.indicators[(index + 1) % data.indicators.count]
            let page = IndicatorPage(data: data, paths: paths, indicator: indicator, previous: previous, next: next)
            pages.append(Page(path: paths.indicator(indicator.id), html: try templates.render(page, template: "indicator")))
        }
        return pages
    }

    /// Writes every page into `folder` (by default `report/` in the release), replacing a
    /// report written there before; returns the path of `index.html`.
    @discardableResult
    package func write(to folder: String? = nil) throws(AreaNeedsError) -> String {
        let target = folder ?? AreaReport.defaultFolder(for: release)
        try ReportWriter(folder: target).write(try pages())
        return target + "/" + SitePaths.index
    }
}
