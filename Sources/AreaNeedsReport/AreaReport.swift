import AreaNeedsCore
import AreaNeedsRelease
import Foundation

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

    /// Renders the pages in the order of `pages()`, handing each to `body` on the calling
    /// thread, in that order. With a `concurrency` above 1 the pages are rendered that many at
    /// once, a `batch` of pages at a time, and the batch is handed over in order before the
    /// next is started: at most a batch of pages is held, however large the release. The pages
    /// are the same, byte for byte, whatever the concurrency.
    ///
    /// A page that cannot be rendered stops the walk there: the pages before it have been
    /// handed to `body`, none after it.
    ///
    /// - Parameters:
    ///   - concurrency: how many pages are rendered at once; by default one per processor
    ///     core, and 1 renders them one after the other on the calling thread.
    ///   - batch: how many pages are rendered before they are handed over (with a
    ///     concurrency above 1).
    package func eachPage(concurrency: Int = AreaReport.defaultConcurrency, batch: Int = AreaReport.batchSize,
                          _ body: (Page) throws(AreaNeedsError) -> Void) throws(AreaNeedsError) {
        let total = pageCount
        guard concurrency > 1 else {
            for number in 0..<total { try body(try page(number)) }
            return
        }
        let batch = max(1, batch)
        for start in stride(from: 0, to: total, by: batch) {
            let end = min(start + batch, total)
            let workers = min(concurrency, end - start)
            // Worker w renders the batch's pages w, w + workers, w + 2 workers, ...
            let rendered = Parallel.mapOnThreads(Array(0..<workers)) { worker in
                stride(from: start + worker, to: end, by: workers).map { number in
                    Result { () throws(AreaNeedsError) in try self.page(number) }
                }
            }
            for number in start..<end {
                let offset = number - start
                switch rendered[offset % workers] {
                case .success(let pages): try body(try pages[offset / workers].get())
                case .failure(let error): throw error
                }
            }
        }
    }

    /// Pages rendered at once by default: one per processor core the process may use.
    package static var defaultConcurrency: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Pages rendered before they are written, when rendered concurrently: enough to keep
    /// every core busy past the pages that take longest (a district's), few enough that the
    /// largest batch of the national release (its district pages, up to 1.5 MB each) stays
    /// well inside the memory budget.
    package static let batchSize = 64

    /// The page numbered `number` in the order of `pages()`: the overview (0), the districts'
    /// pages when split by district, the areas, then the indicators. The page before and after
    /// each area and indicator page wrap round.
    private func page(_ number: Int) throws(AreaNeedsError) -> Page {
        if number == 0 { return try index() }
        var rest = number - 1
        if byDistrict {
            if rest < data.districts.count {
                let district = data.districts[rest]
                let page = OverviewPage(data: data, paths: paths, split: split, district: district)
                return Page(path: paths.district(district.code), html: try templates.render(page, template: "overview"))
            }
            rest -= data.districts.count
        }
        if rest < data.areas.count {
            let area = data.areas[rest]
            let previous = data.areas[(rest + data.areas.count - 1) % data.areas.count]
            let next = data.areas[(rest + 1) % data.areas.count]
            let page = AreaPage(data: data, paths: paths, area: area, advice: try advisor.advice(forArea: area.code),
                                previous: previous, next: next, byDistrict: byDistrict)
            return Page(path: paths.area(area.code), html: try templates.render(page, template: "area"))
        }
        rest -= data.areas.count
        let indicator = data.indicators[rest]
        let previous = data.indicators[(rest + data.indicators.count - 1) % data.indicators.count]
        let next = data.indicators[(rest + 1) % data.indicators.count]
        let page = IndicatorPage(data: data, paths: paths, indicator: indicator, previous: previous, next: next, split: split)
        return Page(path: paths.indicator(indicator.id), html: try templates.render(page, template: "indicator"))
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
    /// report written there before; returns the path of `index.html`. Pages are rendered
    /// `concurrency` at a time in batches (see `eachPage`) and written one at a time, in
    /// order, on the calling thread: the same files, in the same order, as rendering them one
    /// by one.
    ///
    /// - Parameters:
    ///   - concurrency: how many pages are rendered at once (1: one after the other).
    ///   - progress: told after each page is written, on the calling thread (the command
    ///     draws it on a terminal; tests record it).
    @discardableResult
    package func write(to folder: String? = nil, concurrency: Int = AreaReport.defaultConcurrency,
                       progress: ((Progress) -> Void)? = nil) throws(AreaNeedsError) -> String {
        let target = folder ?? AreaReport.defaultFolder(for: release)
        var state = Progress(written: 0, total: pageCount, bytes: 0)
        try ReportWriter(folder: target).write { emit throws(AreaNeedsError) in
            try eachPage(concurrency: concurrency) { page throws(AreaNeedsError) in
                try emit(page)
                state.written += 1
                state.bytes += page.html.utf8.count
                progress?(state)
            }
        }
        return target + "/" + SitePaths.index
    }
}
