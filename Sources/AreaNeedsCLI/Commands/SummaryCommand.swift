import AreaNeedsCore
import AreaNeedsRelease
import ArgumentParser
import Foundation

/// `areaneeds summary --release ...`: the areas by objective need quintile, at a glance.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print a release's areas with their need quintile on each objective.",
        discussion: """
            Quintile 1 is the worst fifth of areas; an asterisk marks the highest needs \
            (quintile 1 or 2), where a contract can qualify for the 10% social value weighting.

            \(ExitCodes.help)
            """)

    @OptionGroup var source: ReleaseOptions

    func run() throws {
        try reportingErrors {
            let release = try source.openRelease()
            let history = ReleaseHistory(folder: (release.folder as NSString).deletingLastPathComponent)
            for warning in history.warnings { Terminal.writeLine("areaneeds: warning: " + warning) }
            Terminal.writeOutput(try ReleaseSummary(release: release).text())
        }
    }
}

/// The text of `areaneeds summary`.
struct ReleaseSummary {
    let release: Release

    func text() throws(AreaNeedsError) -> String {
        let areas = try release.areas()
        let objectives = try release.objectives()
        let needs = try release.objectiveNeeds()
        var quintile: [String: [Int: Int]] = [:]
        for need in needs {
            if let value = need.needQuintile { quintile[need.areaCode, default: [:]][need.objectiveId] = value }
        }
        let label = release.synthetic ? "\(release.label) (SYNTHETIC DATA)" : release.label
        var lines = ["\(release.schema.areaLabel)s by objective need quintile, release \(label)",
                     "(1 = worst fifth; * = highest needs, quintile 1 or 2; - = not ranked: no data, which is not \"no need\")", ""]
        let nameWidth = min(34, areas.map { $0.name.count }.max() ?? 10)
        // Each column as wide as its objective's short name: headers are never cut.
        let columns = objectives.map { "\($0.id) \($0.shortName)" }
        let widths = columns.map { $0.count + 2 }
        let header = pad("code", 8) + pad("name", nameWidth + 2) + pad("district", 18)
            + zip(columns, widths).map { pad($0, $1) }.joined()
        lines.append(header.trimmingTrailing())
        for area in areas {
            var line = pad(area.code, 8) + pad(String(area.name.prefix(nameWidth)), nameWidth + 2) + pad(String(area.districtName.prefix(16)), 18)
            for (objective, width) in zip(objectives, widths) {
                let value = quintile[area.code]?[objective.id]
                line += pad(value.map { "\($0)\($0 <= 2 ? "*" : "")" } ?? "-", width)
            }
            lines.append(line.trimmingTrailing())
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

extension String {
    func trimmingTrailing() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
