import AreaNeedsCore
import ArgumentParser
import Logging

/// The options every pipeline command takes.
struct PipelineOptions: ParsableArguments {
    @Argument(help: "The pipeline file, such as pipelines/sample.yml.")
    var pipeline: String

    @Option(name: .long, help: "Where releases go (default: the pipeline file's `output`, or ../data-out beside it).")
    var output: String?

    @Flag(name: .shortAndLong, help: "Log only warnings and errors; no progress line.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Log each source and step.")
    var verbose = false

    /// Loads the pipeline file.
    func load() throws(AreaNeedsError) -> Pipeline {
        try Pipeline.load(path: pipeline, outputRoot: output)
    }

    /// The logger for this run, writing to standard error.
    func logger() -> Logger {
        Loggers.standardError(level: quiet ? .warning : verbose ? .debug : .info)
    }

    /// A progress line, when a person is watching and the run is not quiet.
    func progress() -> ProgressReporter {
        quiet ? .silent : ProgressReporter()
    }
}

enum Loggers {
    /// A logger writing to standard error through `StandardErrorLogHandler`.
    static func standardError(level: Logger.Level) -> Logger {
        Logger(label: "areaneeds") { label in StandardErrorLogHandler(label: label, level: level) }
    }
}
