import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsReport
import ArgumentParser
import Foundation

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

            Above 300 areas the overview is split by district: index.html lists the \
            districts and each has a page with its areas' heatmaps and figures. A page \
            draws each area's figure on each indicator only up to 20,000 of them; above \
            that it sums them up by objective and links to the indicators' pages. On a \
            terminal a progress line shows the pages written; a summary line (pages, \
            size, time) goes to standard error in any case.

            \(ExitCodes.help)
            """)

    @OptionGroup var source: ReleaseOptions

    @Option(help: ArgumentHelp("The folder to write the report into (default: report/ in the release).", valueName: "dir"))
    var output: String?

    /// The one line the command writes to standard error when it is done: "report: 7,500
    /// pages (split by district), 212.4 MB, in 31.2 s".
    static func summary(_ progress: AreaReport.Progress, byDistrict: Bool, seconds: Double) -> String {
        let megabytes = Double(progress.bytes) / 1_000_000
        return "report: \(FigureText.grouped(String(progress.written))) pages\(byDistrict ? " (split by district)" : ""), "
            + String(format: "%.1f MB, in %.1f s", megabytes, seconds)
    }

    func run() throws {
        try reportingErrors {
            let clock = ContinuousClock()
            let started = clock.now
            let release = try source.openRelease()
            let report = try AreaReport(release: release)
            // A progress line on a terminal only; cron and logs get the summary line alone.
            let progress = ProgressReporter()
            var last = AreaReport.Progress(written: 0, total: report.pageCount, bytes: 0)
            let index = try report.write(to: output) { state in
                last = state
                progress.update("report pages", fraction: Double(state.written) / Double(max(state.total, 1)))
            }
            progress.finish("report pages")
            Terminal.writeLine(ReportCommand.summary(last, byDistrict: report.byDistrict, seconds: (clock.now - started) / .seconds(1)))
            Terminal.writeOutput(index)
        }
    }
}
