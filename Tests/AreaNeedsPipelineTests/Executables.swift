import Foundation

/// Runs the built executables (`areaneeds`, `areaneeds-ingest`...) as a cron job would.
enum Executables {
    /// The folder `swift build` put the executables in: the one holding the test bundle.
    static let folder: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("areaneeds").path) { return url.path }
        }
        return FixtureProject.repository + "/.build/debug"
    }()

    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `name` with `arguments` in `directory`, without a terminal.
    static func run(_ name: String, _ arguments: [String], in directory: String? = nil) throws -> Result {
        let path = folder + "/" + name
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "\(path) is not built: run `swift build` first"])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      errors: String(decoding: errorData, as: UTF8.self))
    }
}
