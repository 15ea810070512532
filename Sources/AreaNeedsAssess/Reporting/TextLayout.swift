import AreaNeedsRelease
import Foundation

/// Plain-text layout for answers read in a terminal: wrapped paragraphs and lists.
struct TextLayout {
    private(set) var lines: [String] = []
    /// The widest line, so answers stay readable in an 80-100 column terminal.
    static let width = 96

    /// Adds a paragraph, wrapped; continuation lines are indented by `hanging` more spaces.
    mutating func add(_ text: String, indent: Int = 0, hanging: Int = 0) {
        // Runs of spaces are kept: they align the criteria marks.
        add(tokens: text.split(separator: " ", omittingEmptySubsequences: false).map(String.init), indent: indent, hanging: hanging)
    }

    /// Adds "lead item, item, item", wrapped between items only, so no name is broken.
    mutating func addList(_ lead: String, _ items: [String], indent: Int = 0, hanging: Int = 0) {
        let listed = items.enumerated().map { index, item in index < items.count - 1 ? item + "," : item }
        add(tokens: lead.split(separator: " ").map(String.init) + listed, indent: indent, hanging: hanging)
    }

    private mutating func add(tokens: [String], indent: Int, hanging: Int) {
        var line = String(repeating: " ", count: indent)
        var lineHasToken = false
        for token in tokens {
            if lineHasToken && line.count + 1 + token.count > TextLayout.width {
                lines.append(line)
                line = String(repeating: " ", count: indent + hanging)
                lineHasToken = false
            }
            line += (lineHasToken ? " " : "") + token
            lineHasToken = true
        }
        lines.append(line)
    }

    /// Ends an answer: its notes, if any, and the release it was read from.
    mutating func addFooter(notes: [String], release: String) {
        if !notes.isEmpty {
            blank()
            add("Notes:")
            for note in notes { add("- " + note, indent: 2, hanging: 2) }
        }
        blank()
        add("Release: \(release)", hanging: 2)
    }

    mutating func blank() {
        if lines.last?.isEmpty == false { lines.append("") }
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    /// A figure for reading, not for computing (`FigureText.readable`).
    static func number(_ value: Double) -> String { FigureText.readable(value) }
}
