import AreaNeedsCore
import ArgumentParser

/// `areaneeds ingest|normalise|rank|publish PIPELINE`: one stage alone, reading the
/// previous stage's staging folder. The `areaneeds-<stage>` executables run these too.
enum StageCommand {
    /// Runs `stage` alone.
    static func run(_ stage: StageName, options: PipelineOptions, runOptions: RunOptions, correction: Bool = false) throws {
        try reportingErrors {
            let pipeline = try options.load()
            let outcome = try PipelineRunner(pipeline: pipeline, logger: options.logger(), progress: options.progress())
                .run([stage], force: runOptions.force, correction: correction, lockWait: runOptions.wait)
            if stage == .publish, let folder = outcome.releaseFolder, !options.quiet {
                Terminal.writeOutput(folder)
            }
        }
    }
}

package struct IngestCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "Read every source as published into typed, tidy staging tables.",
        discussion: ExitCodes.help)
    @OptionGroup var options: PipelineOptions
    @OptionGroup var runOptions: RunOptions
    package init() {}
    package func run() throws { try StageCommand.run(.ingest, options: options, runOptions: runOptions) }
}

package struct NormaliseCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "normalise", abstract: "Bring every indicator onto the target areas through the lookups.",
        discussion: ExitCodes.help)
    @OptionGroup var options: PipelineOptions
    @OptionGroup var runOptions: RunOptions
    package init() {}
    package func run() throws { try StageCommand.run(.normalise, options: options, runOptions: runOptions) }
}

package struct RankCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "rank", abstract: "Rank the areas by need on each indicator and objective, with quintiles.",
        discussion: ExitCodes.help)
    @OptionGroup var options: PipelineOptions
    @OptionGroup var runOptions: RunOptions
    package init() {}
    package func run() throws { try StageCommand.run(.rank, options: options, runOptions: runOptions) }
}

package struct PublishCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Write the ranked tables as a new, immutable, versioned release.",
        discussion: ExitCodes.help)
    @OptionGroup var options: PipelineOptions
    @OptionGroup var runOptions: RunOptions
    @Flag(help: "Publish a changed release as a correction (patch version) rather than new data (minor).")
    var patch = false
    package init() {}
    package func run() throws { try StageCommand.run(.publish, options: options, runOptions: runOptions, correction: patch) }
}
