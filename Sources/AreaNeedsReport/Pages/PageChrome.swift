/// What every page shares: its title, the release it describes, the SYNTHETIC banner and
/// the way back to the overview. `layout.mustache` draws it around each page's content.
struct PageChrome {
    /// A link in the trail above the heading.
    struct Crumb {
        var href: String
        var text: String
    }

    /// The `<title>`: the page, then the release.
    var title: String
    var heading: String
    /// A line under the heading.
    var subheading: String
    var hasSubheading: Bool
    /// The overview, relative to this page.
    var home: String
    var isHome: Bool
    var crumbs: [Crumb]
    var releaseTitle: String
    var releaseLabel: String
    var areaLabel: String
    var published: String
    var hasPublished: Bool
    var synthetic: Bool

    init(data: ReportData, heading: String, subheading: String = "", depth: Int, crumbs: [Crumb] = []) {
        let release = data.release
        let suffix = release.synthetic ? " (SYNTHETIC DATA)" : ""
        title = heading + " · Area needs report, " + release.label + suffix
        self.heading = heading
        self.subheading = subheading
        hasSubheading = !subheading.isEmpty
        home = String(repeating: "../", count: depth) + SitePaths.index
        isHome = depth == 0
        self.crumbs = crumbs
        releaseTitle = release.title.isEmpty ? release.label : release.title
        releaseLabel = release.label
        areaLabel = release.schema.areaLabel
        published = data.published
        hasPublished = !data.published.isEmpty
        synthetic = release.synthetic
    }
}
