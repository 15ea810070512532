import AreaNeedsCore
import ArgumentParser
import Foundation

/// `areaneeds run PIPELINE`: every stage, each skipped when its inputs are unchanged.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run every stage of a pipeline: ingest, normalise, rank, publish.",
        discussion: """
            Stages whose inputs (file contents, the pipeline file's settings, the tool version) \
            are unchanged since the last run are skipped, and say so. A release is written only \
            when its tables differ from the newest one.

            \(ExitCodes.help)
            """)

    @OptionGroup var options: PipelineOptions
    @OptionGroup var runOptions: RunOptions

    @Flag(help: "Publish a changed release as a correction (patch version) rather than new data (minor).")
    var patch = false

    func run() throws {
        try reportingErrors {
            let pipeline = try options.load()
            let outcome = try PipelineRunner(pipeline: pipeline, logger: options.logger(), progress: options.progress())
                .run(force: runOptions.force, correction: patch, lockWait: runOptions.wait)
            if let folder = outcome.releaseFolder, !options.quiet {
                Terminal.writeOutput(folder)
            }
        }
    }
}

/// Options of the commands that run stages.
struct RunOptions: ParsableArguments {
    @Flag(help: "Re-run every stage even when its inputs are unchanged.")
    var force = false

    @Option(help: "Seconds to wait for another run of the same pipeline to finish, at most a week (default 0: exit at once with code \(AreaNeedsError.Category.locked.exitCode)).")
    var wait: Double = 0

    /// The longest wait: a week.
    static let longestWait = 7 * 24 * 3600.0

    func validate() throws {
        guard wait.isFinite, (0...RunOptions.longestWait).contains(wait) else {
            throw ValidationError("--wait takes seconds from 0 to \(Int(RunOptions.longestWait)), not \(wait)")
        }
    }
}
