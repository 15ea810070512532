import AreaNeedsAssess
import AreaNeedsCore
import AreaNeedsRelease
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `areaneeds show TABLE`: a release table at a terminal, filtered, sorted and fitted to
/// the window, or as CSV, JSON or Markdown.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a release table: filtered, sorted, and fitted to the terminal.",
        discussion: """
            TABLE is one of the release's tables: areas, objectives, outcomes, indicators, \
            indicator_needs, objective_needs, framework, area_lookup. Filters narrow the rows \
            (each keeps rows matching any of its comma-separated terms; together, rows matching \
            all): --area takes areas as `assess` does (codes, names, district codes or names, \
            county), --district districts by code or name, --indicator indicator ids, \
            --objective numbers or short names (on indicator_needs, the objective's \
            indicators), --highest-need the rows in need quintile 1 or 2.

            The table fits the terminal's width (or --width): numbers are never cut (figures are \
            rounded for reading: --format csv or json give them exactly), text wraps within its \
            column. --format csv, json or markdown write the rows for other tools.

            Examples:
              areaneeds show objective_needs --area Burnley --highest-need
              areaneeds show indicator_needs --objective equity --columns spa_code,indicator_id,value,need_quintile --sort value:desc
              areaneeds show areas --pipeline sample --format csv > areas.csv

            Exit codes: 0 shown; \(ShowCommand.noRowsMatch) no row matches the filters (the \
            table is there, the filters leave nothing); \(AreaNeedsError.Category.usage.exitCode) \
            bad command line: an unknown table, column, area, district, indicator or objective \
            (with the nearest names), or a filter the table has no column for; \
            \(AreaNeedsError.Category.inputData.exitCode) the release is \
            corrupt or incomplete (nothing is shown); \
            \(AreaNeedsError.Category.missingInput.exitCode) no such release.
            """)

    /// The exit code when the filters leave no row, as `grep` exits 1 when nothing matches.
    static let noRowsMatch: Int32 = 1

    /// How the rows are written.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, markdown
    }

    @Argument(help: "The table: areas, objectives, outcomes, indicators, indicator_needs, objective_needs, framework or area_lookup.")
    var table: String

    @OptionGroup var source: ReleaseOptions

    @Option(name: .customLong("area"), help: ArgumentHelp("Areas: codes, names, district codes or names, or `county`.", valueName: "areas"))
    var areas: [String] = []

    @Option(name: .customLong("district"), help: ArgumentHelp("Districts, by code or name: their areas.", valueName: "districts"))
    var districts: [String] = []

    @Option(name: .customLong("indicator"), help: ArgumentHelp("Indicator ids.", valueName: "ids"))
    var indicators: [String] = []

    @Option(name: .customLong("objective"), help: ArgumentHelp("Objectives: numbers 1-5 or short names.", valueName: "objectives"))
    var objectives: [String] = []

    @Flag(name: .customLong("highest-need"), help: "Only rows in need quintile 1 or 2: the communities with the highest needs.")
    var highestNeed = false

    @Option(help: ArgumentHelp("The columns to show, comma-separated, in order (default: all).", valueName: "columns"))
    var columns: [String] = []

    @Option(help: ArgumentHelp("Sort by these columns, comma-separated; `column:desc` for greatest first.", valueName: "columns"))
    var sort: [String] = []

    @Option(help: ArgumentHelp("table (default), csv, json or markdown.", valueName: "format"))
    var format: Format = .table

    @Option(help: ArgumentHelp("The table's width in characters (default: the terminal's, or 100).", valueName: "characters"))
    var width: Int?

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20 characters") }
    }

    func run() throws {
        try reportingErrors {
            let shown = try rows()
            if shown.rows.isEmpty && !shown.filters.isEmpty {
                Terminal.writeLine("areaneeds: no row of \(shown.table.name) matches \(shown.filters.joined(separator: " ")) in release \(shown.release)")
                throw ExitCode(ShowCommand.noRowsMatch)
            }
            Terminal.writeOutput(output(shown), terminator: "")
        }
    }

    /// The rows the filters keep, from the verified release.
    func rows() throws(AreaNeedsError) -> ShownTable {
        var query = TableQuery(table: table)
        query.areas = areas
        query.districts = districts
        query.indicators = indicators
        query.objectives = objectives
        query.highestNeed = highestNeed
        query.columns = columns
        query.sort = sort
        return try query.run(on: try openRelease())
    }

    /// The rows in the chosen format.
    func output(_ shown: ShownTable) -> String {
        switch format {
        case .table: shown.text(width: width ?? ShowCommand.terminalWidth)
        case .csv: shown.csv
        case .json: shown.json
        case .markdown: shown.markdown
        }
    }

    /// Opens the release after checking it against its checksums, as `assess` does.
    private func openRelease() throws(AreaNeedsError) -> Release {
        do {
            return try source.openRelease()
        } catch where error.category == .inputData {
            throw AreaNeedsError(.inputData, """
                \(error.message)
                  Nothing is shown from a release that fails its checks: publish it again with \
                `areaneeds run`, or name another release with --release.
                """)
        }
    }

    /// `COLUMNS`, else the width of the terminal on standard output, else 100.
    static var terminalWidth: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 20 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        return 100
    }
}
