import AreaNeedsCore
import ArgumentParser

/// `areaneeds validate PIPELINE`: every check, nothing published.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline file, its geography and its sources without publishing.",
        discussion: """
            Reads the pipeline file, checks the geography, and runs the ingest, normalise and \
            rank stages (into the staging folder only), reporting every error and warning. \
            No release is written. Exits 0 when there are no errors.

            \(ExitCodes.help)
            """)

    @OptionGroup var options: PipelineOptions
    @OptionGroup var runOptions: RunOptions

    func run() throws {
        try reportingErrors {
            let pipeline = try options.load()
            let logger = options.logger()
            let outcome = try PipelineRunner(pipeline: pipeline, logger: logger, progress: options.progress())
                .run([.ingest, .normalise, .rank], force: runOptions.force, lockWait: runOptions.wait)
            let warnings = outcome.reports.reduce(0) { $0 + $1.warnings.count }
            logger.info("validate: \(pipeline.path) is valid: \(pipeline.file.indicators.count) indicators, \(warnings) warning\(warnings == 1 ? "" : "s"); nothing was published")
        }
    }
}
