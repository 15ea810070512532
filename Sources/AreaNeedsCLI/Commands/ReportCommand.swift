import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsReport
import ArgumentParser

/// `areaneeds report --release ...`: the area profile report, a static site to open in a browser.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a release's area profile report: a static site of charts and tables.",
        discussion: """
            Writes index.html (a heatmap of every area by indicator and by objective), a \
            page per area (spine charts against the county, the objectives a contract could \
            address) and a page per indicator (every area's value with confidence \
            intervals). The pages are plain HTML with inline SVG and CSS: no JavaScript, \
            nothing fetched; open index.html straight from disk, or print it (A4).

            By default the report goes in report/ inside the release folder. It is drawn \
            from the release's tables but is not part of the checksummed release: \
            SHA256SUMS does not list it, so the release verifies as before, and running \
            the command again replaces it with the same bytes. Use --output to write it \
            elsewhere, for example when the release folder is read-only: the folder must be \
            missing, empty or a report written earlier; a file, FIFO, device, symbolic \
            link or folder holding anything else is refused (73) and left as it was. The \
            command prints the path of index.html.

            \(ExitCodes.help)
            """)

    @OptionGroup var source: ReleaseOptions

    @Option(help: ArgumentHelp("The folder to write the report into (default: report/ in the release).", valueName: "dir"))
    var output: String?

    func run() throws {
        try reportingErrors {
            let release = try source.openRelease()
            let index = try AreaReport(release: release).write(to: output)
            Terminal.writeOutput(index)
        }
    }
}
