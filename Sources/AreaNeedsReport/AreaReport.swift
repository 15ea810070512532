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

    /// How far writing has got: pages written of all, and their bytes so far.
    package struct Progress: Sendable, Equatable {
        package var written: Int
        package var total: Int
        package var bytes: Int

        package init(written: Int, total: Int, bytes: Int) {
            (self.written, self.total, self.bytes) = (written, total, bytes)
        }
    }

    /// The release the report describes.
    package let release: Release
    /// How the report is split into pages (`PageSplit`).
    package let split: PageSplit
    private let data: ReportData
    private let advisor: any AreaAdvisor
    private let templates: ReportTemplates
    private let paths: SitePaths

    /// Reads the release's tables.
    ///
    /// - Parameters:
    ///   - advisor: gives each area page's "what a contract could address" section;
    ///     `FrameworkAdvisor` over the same release when nil.
    ///   - split: the limits past which the overview is split by district and a page sums
    ///     figures up rather than drawing each.
    package init(release: Release, advisor: (any AreaAdvisor)? = nil, split: PageSplit = .standard) throws(AreaNeedsError) {
        self.release = release
        self.split = split
        data = try ReportData(release: release)
        if let advisor {
            self.advisor = advisor
        } else {
            self.advisor = try FrameworkAdvisor(release: release)
        }
        templates = try ReportTemplates()
        paths = SitePaths(areas: data.areas, indicators: data.indicators,
                          districts: split.byDistrict(areas: data.areas.count) ? data.districts.map(\.code) : [])
    }

    /// Where the report goes by default: `report/` inside the release folder. It is drawn
    /// from the checksummed tables but is not one of them (see `ReportWriter`).
    package static func defaultFolder(for release: Release) -> String {
        release.folder + "/report"
    }

    /// Whether the overview is split by district: `index.html` lists the districts and each
    /// has a page of its own.
    package var byDistrict: Bool { split.byDistrict(areas: data.areas.count) }

    /// How many pages the report has: the overview, a page per district when split by
    /// district, then a page per area and per indicator.
    package var pageCount: Int {
        1 + (byDistrict ? data.districts.count : 0) + data.areas.count + data.indicators.count
    }

    /// Every page, the overview first, then the districts' pages (when split by district),
    /// the areas in the order of `areas.csv`, then the indicators by objective.
    package func pages() throws(AreaNeedsError) -> [Page] {
        var pages: [Page] = []
        try eachPage { page throws(AreaNeedsError) in pages.append(page) }
        return pages
    }

    /// Renders the pages one at a time, in the order of `pages()`, handing each to `body`:
    /// only one page is held at once, however large the release.
    package func eachPage(_ body: (Page) throws(AreaNeedsError) -> Void) throws(AreaNeedsError) {
        let byDistrict = self.byDistrict
        try body(try index())
        if byDistrict {
            for district in data.districts {
                let page = OverviewPage(data: data, paths: paths, split: split, district: district)
                try body(Page(path: paths.district(district.code), html: try templates.render(page, template: "overview")))
            }
        }
        for (index, area) in data.areas.enumerated() {
            let previous = data.areas[(index + data.areas.count - 1) % data.areas.count]
            let next = data.areas[(index + 1) % data.areas.count]
            let page = AreaPage(data: data, paths: paths, area: area, advice: try advisor.advice(forArea: area.code),
                                previous: previous, next: next, byDistrict: byDistrict)
            try body(Page(path: paths.area(area.code), html: try templates.render(page, template: "area")))
        }
        for (index, indicator) in data.indicators.enumerated() {
            let previous = data.indicators[(index + data.indicators.count - 1) % data.indicators.count]
            let next = data.indicators[(index + 1) % data.indicators.count]
            let page = IndicatorPage(data: data, paths: paths, indicator: indicator, previous: previous, next: next, split: split)
            try body(Page(path: paths.indicator(indicator.id), html: try templates.render(page, template: "indicator")))
        }
    }

    /// The overview, `index.html`: the whole overview, or the list of districts when the
    /// overview is split by district.
    package func index() throws(AreaNeedsError) -> Page {
        let html = byDistrict
            ? try templates.render(DistrictIndexPage(data: data, paths: paths, split: split), template: "districts")
            : try templates.render(OverviewPage(data: data, paths: paths, split: split), template: "overview")
        return Page(path: SitePaths.index, html: html)
    }

    /// Writes every page into `folder` (by default `report/` in the release), replacing a
    /// report written there before, one page at a time; returns the path of `index.html`.
    ///
    /// - Parameter progress: told after each page is written (the command draws it on a
    ///   terminal; tests record it).
    @discardableResult
    package func write(to folder: String? = nil, progress: ((Progress) -> Void)? = nil) throws(AreaNeedsError) -> String {
        let target = folder ?? AreaReport.defaultFolder(for: release)
        var state = Progress(written: 0, total: pageCount, bytes: 0)
        try ReportWriter(folder: target).write { emit throws(AreaNeedsError) in
            try eachPage { page throws(AreaNeedsError) in
                try emit(page)
                state.written += 1
                state.bytes += page.html.utf8.count
                progress?(state)
            }
        }
        return target + "/" + SitePaths.index
    }
}
