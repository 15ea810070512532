import AreaNeedsCore
import AreaNeedsRelease
import Foundation

/// The social value objectives a contract addresses, resolved from numbers (1 to 5) or
/// short names (`employment`), case-insensitively.
package struct ObjectiveSelection: Sendable {
    /// The objectives, by number, each once: the same objective named twice counts once.
    package let objectives: [ObjectiveRow]
    /// Remarks on the request, such as an objective named twice.
    package let notes: [String]

    /// Resolves terms, each of which may itself be a comma-separated list.
    ///
    /// Throws a configuration error naming every unknown term, with the nearest valid names.
    package static func resolve(_ terms: [String], in release: NeedsRelease) throws(AreaNeedsError) -> ObjectiveSelection {
        let parts = terms.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else {
            throw AreaNeedsError(.usage, "no objectives given: name the objectives the contract addresses, by number (1-5) or short name")
        }
        var chosen: [Int: [String]] = [:]
        var unknown: [String] = []
        for part in parts {
            let key = NameSuggestions.key(part)
            if let objective = release.objectives.first(where: { String($0.id) == key || NameSuggestions.key($0.shortName) == key }) {
                chosen[objective.id, default: []].append(part)
            } else {
                unknown.append(part)
            }
        }
        guard unknown.isEmpty else {
            let suggestions = NameSuggestions(names: release.objectives.map(\.shortName))
            var lines = unknown.map { "unknown objective '\($0)'\(suggestions.hint(for: $0))" }
            let valid = release.objectives.map { "\($0.id) \($0.shortName)" }.joined(separator: ", ")
            lines.append("  Objectives are given by number or short name, separated by commas: \(valid).")
            throw AreaNeedsError(.usage, lines.joined(separator: "\n"))
        }
        let notes = chosen.keys.sorted().compactMap { id -> String? in
            guard let names = chosen[id], names.count > 1 else { return nil }
            return "objective \(id) is named \(names.count) times (\(names.joined(separator: ", "))): it counts once"
        }
        return ObjectiveSelection(objectives: release.objectives.filter { chosen[$0.id] != nil }, notes: notes)
    }
}
