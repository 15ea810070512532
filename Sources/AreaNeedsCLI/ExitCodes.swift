import AreaNeedsCore
import ArgumentParser

/// The documented exit codes, shown in every command's help.
enum ExitCodes {
    /// `assess` answered "cannot be decided from this release": not an error, not an answer.
    static let undetermined: Int32 = 3

    /// What 64 means for the commands that read a release.
    static let releaseCommandLine = "64 bad command line (an unknown option, area or objective, an impossible amount, "
        + "or several pipelines published and none named: use --pipeline or areaneeds.yml)"

    static let help = """
        Exit codes: 0 done; \(AreaNeedsError.Category.usage.exitCode) bad command line (an unknown option, area, \
        objective or pipeline, an impossible amount); \
        \(AreaNeedsError.Category.configuration.exitCode) bad configuration (the pipeline file, or areaneeds.yml); \
        \(AreaNeedsError.Category.inputData.exitCode) bad input data; \
        \(AreaNeedsError.Category.missingInput.exitCode) input file missing; \
        \(AreaNeedsError.Category.output.exitCode) cannot write output or release exists; \
        \(AreaNeedsError.Category.locked.exitCode) another run holds the pipeline's lock; \
        \(AreaNeedsError.Category.internal.exitCode) internal failure.
        """
}

enum ToolVersionText {
    static let current = ToolVersion.current
}

extension AreaNeedsError {
    /// The error as ArgumentParser reports it: the message, then exit with the category's code.
    var exit: ExitCode { ExitCode(category.exitCode) }
}

/// Runs a command body, turning AreaNeeds errors into their message and exit code.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as AreaNeedsError {
        Terminal.writeLine("areaneeds: \(error.category.label): \(error.message)")
        throw ExitCode(error.category.exitCode)
    }
}
