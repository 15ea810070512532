import AreaNeedsTables
import Foundation
import Logging

/// Writes log lines to standard error: "info ingest: ..." on a terminal, with an RFC 3339
/// time in front when standard error is a file or pipe (cron logs), so each line stands
/// on its own.
package struct StandardErrorLogHandler: LogHandler {
    package var logLevel: Logger.Level
    package var metadata: Logger.Metadata = [:]
    private let label: String
    private let timestamps: Bool

    package init(label: String, level: Logger.Level = .info, timestamps: Bool = !Terminal.standardErrorIsTerminal) {
        self.label = label
        self.logLevel = level
        self.timestamps = timestamps
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var line = ""
        if timestamps {
            line += Date().formatted(.iso8601) + " "
        }
        if event.level != .info { line += "\(event.level): " }
        line += "\(event.message)"
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        if !merged.isEmpty {
            line += " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
        Terminal.writeLine(line)
    }
}

/// Standard error, shared by the log and the progress line so they do not overwrite
/// each other, and standard output.
///
/// Whatever is written shows control characters as `\uXXXX` (`SafeText.visible`): names
/// and codes from a release or an input file made by other means must not send escape
/// sequences to a terminal.
package enum Terminal {
    /// True when standard error is a terminal (a person is watching).
    package static let standardErrorIsTerminal = CurrentProcess.standardErrorIsTerminal

    private static let progress = ProgressLine()

    /// Writes a line, first clearing a progress line if one is shown.
    package static func writeLine(_ text: String) {
        let line = SafeText.visible(text) + "\n"
        progress.lock.withLock {
            if progress.shown {
                FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
                progress.shown = false
            }
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Writes a command's answer to standard output, as `print` does.
    package static func writeOutput(_ text: String, terminator: String = "\n") {
        print(SafeText.visible(text), terminator: terminator)
    }

    /// Replaces the progress line (terminal only).
    static func showProgress(_ text: String) {
        let text = SafeText.visible(text, keeping: [])
        progress.lock.withLock {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            progress.shown = true
        }
    }

    static func clearProgress() {
        progress.lock.withLock {
            guard progress.shown else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            progress.shown = false
        }
    }

    /// Whether a progress line is shown, read and written under its lock.
    private final class ProgressLine: @unchecked Sendable {
        let lock = NSLock()
        var shown = false
    }
}
