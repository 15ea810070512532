/// What the running process is and has used, and whether others are running.
package enum CurrentProcess {
    /// The process's id.
    package static var id: Int32 { SystemCalls.processID }

    /// Whether a process with this id exists: the temporary files of a live one are spared.
    package static func isRunning(_ id: Int32) -> Bool {
        SystemCalls.processExists(id)
    }

    /// Seconds of processor time this process has used, on every core together: beside a
    /// stage's wall time, it tells how busy the cores were (`--verbose` logs both).
    package static var processorTime: Double { SystemCalls.processorTime() }

    /// How many processors are online.
    package static var processorCount: Int { SystemCalls.processorCount }

    /// Whether standard error is a terminal (a person is watching).
    package static var standardErrorIsTerminal: Bool { SystemCalls.isTerminal(SystemCalls.standardError) }
}
