import AreaNeedsCore
import AreaNeedsTables
import ArgumentParser

/// `areaneeds staging-table FILE`: a staged table of ingest or normalise as CSV, to see
/// what a stage made of a source or an indicator.
struct StagingTableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staging-table",
        abstract: "Print a staging table of ingest or normalise (a .staged file) as CSV.",
        discussion: """
            Ingest hands each source's rows to normalise as a typed binary table, \
            data-out/<pipeline>/staging/ingest/indicator-<id>.staged: one row per row of \
            the source, its area code, figures (empty when missing), the missing-value \
            markers found and the source line. Normalise hands rank one the same way, \
            staging/normalise/indicator-<id>.staged: one row per area, its figures, their \
            quality and how many small areas made them. This prints one as CSV.

                areaneeds staging-table data-out/lancashire/staging/ingest/indicator-fuel-poverty.staged > fuel.csv

            \(ExitCodes.help)
            """)

    @Argument(help: "The .staged file.")
    var file: String

    func run() throws {
        try reportingErrors {
            do {
                let reader = try StagedTableReader(path: file)
                try reader.printCSV()
            } catch let error as TableError {
                throw AreaNeedsError(error, context: "staging table")
            }
        }
    }
}
