import Foundation

/// A progress line for long steps, shown only when a person is watching (standard error is
/// a terminal and the run is not quiet); otherwise every call does nothing.
package final class ProgressReporter: @unchecked Sendable {
    /// Reports nothing: for cron, tests and `--quiet`.
    package static let silent = ProgressReporter(enabled: false)

    private let enabled: Bool
    private let lock = NSLock()
    private var tasks: [String: Double] = [:]
    private var lastDrawn = Date.distantPast

    package init(enabled: Bool = Terminal.standardErrorIsTerminal) {
        self.enabled = enabled
    }

    /// Records how far `task` has got (0...1) and redraws at most ten times a second.
    package func update(_ task: String, fraction: Double) {
        guard enabled else { return }
        lock.withLock {
            tasks[task] = min(max(fraction, 0), 1)
            let now = Date()
            guard now.timeIntervalSince(lastDrawn) > 0.1 else { return }
            lastDrawn = now
            let text = tasks.sorted { $0.key < $1.key }
                .map { "\($0.key) \(Int($0.value * 100))%" }.joined(separator: "  ")
            Terminal.showProgress(text)
        }
    }

    /// Marks `task` done and takes it off the line.
    package func finish(_ task: String) {
        guard enabled else { return }
        lock.withLock {
            tasks[task] = nil
            if tasks.isEmpty { Terminal.clearProgress() }
        }
    }
}
