import Foundation

/// A command run to completion as a child process, with its output collected.
package struct ChildProcess {
    /// How the child ended and what it wrote.
    package struct Result {
        package var status: Int32
        package var standardOutput: String
        package var standardError: String
        /// Everything, for failure messages.
        package var transcript: String { "exit \(status)\n--- stdout\n\(standardOutput)--- stderr\n\(standardError)" }
    }

    /// Runs `executable` with `arguments` in `folder`, with `environment` added to ours.
    /// Output goes through files, not pipes, so a chatty child cannot block on a full pipe.
    package static func run(_ executable: String, _ arguments: [String], in folder: String? = nil,
                           environment: [String: String] = [:]) throws -> Result {
        let outputs = NSTemporaryDirectory() + "areaneeds-child-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outputs) }
        _ = FileManager.default.createFile(atPath: outputs + "/out", contents: nil)
        _ = FileManager.default.createFile(atPath: outputs + "/err", contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outputs + "/out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: outputs + "/err"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        return Result(
            status: process.terminationStatus,
            standardOutput: (try? String(contentsOfFile: outputs + "/out", encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: outputs + "/err", encoding: .utf8)) ?? "")
    }
}
