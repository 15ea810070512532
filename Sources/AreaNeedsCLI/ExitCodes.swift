import AreaNeedsCore
import ArgumentParser

/// The documented exit codes, shown in every command's help.
enum ExitCodes {
    /// `assess` answered "cannot be decided from this release": not an error, not an answer.
    static let undetermined: Int32 = 3

    static let help = """
        Exit codes: 0 done; 64 bad command line; \
        \(AreaNeedsError.Category.configuration.exitCode) bad configuration (the pipeline file, or unknown names given to a command); \
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
