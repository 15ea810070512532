/// How the report is split into pages so that no page outgrows a browser or a printer,
/// whatever the size of the release (README, "The area profile report"):
///
/// - Up to `areasOnOnePage` areas, `index.html` is the whole overview. Above it, the
///   overview is split by district: `index.html` lists the districts with their counts, and
///   each district has a page (`districts/<code>.html`) with its areas' heatmaps and tables;
///   an area page is reached through its district's page. An indicator's page then lists
///   the districts (each one's spread of values) instead of every area.
/// - A page draws each area's figure on each indicator (the indicator heatmap and the
///   figure tables) only while that is at most `cellsOnOnePage` cells (its areas times the
///   indicators). Above it, the page sums the figures up by objective (the objective heatmap
///   and table) and links to every indicator's page; each area's and indicator's page
///   still gives every figure.
package struct PageSplit: Sendable, Equatable {
    /// The most areas whose overview is one page.
    package var areasOnOnePage: Int
    /// The most cells (areas times indicators) a page draws one by one.
    package var cellsOnOnePage: Int

    /// The limits the report uses: 300 areas, 20,000 cells.
    package static let standard = PageSplit(areasOnOnePage: 300, cellsOnOnePage: 20_000)

    package init(areasOnOnePage: Int, cellsOnOnePage: Int) {
        self.areasOnOnePage = areasOnOnePage
        self.cellsOnOnePage = cellsOnOnePage
    }

    /// Whether the overview of `areas` areas is split by district.
    func byDistrict(areas: Int) -> Bool {
        areas > areasOnOnePage
    }

    /// Whether a page of `areas` areas draws each one's figure on each of `indicators` indicators.
    func drawsFigures(areas: Int, indicators: Int) -> Bool {
        areas * indicators <= cellsOnOnePage
    }
}
