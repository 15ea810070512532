import AreaNeedsCore
import AreaNeedsRelease
import Foundation

/// The areas a contract serves, resolved from what a person typed.
///
/// Each term is an area code (`SPA07`), a district code (`E07000117`) or name (`Burnley`:
/// all the district's areas), an area name (`Burnley North`), or `county` (every area of
/// the release); case does not matter and kinds may be mixed. `county` beside named areas
/// is allowed: the named areas are already in the county, and a note says so.
package struct AreaSelection: Sendable {
    /// The areas served, in the release's order, each once.
    package let areas: [AreaRow]
    /// True when the areas are every area of the release (`county`, or all named one by one).
    package let countyWide: Bool
    /// The terms as given.
    package let terms: [String]
    /// Remarks on the request, such as a term that added nothing.
    package let notes: [String]

    /// The keyword for every area of the release.
    package static let countyKeyword = "county"

    /// One area of the release, as `resolve` gives for its code, without searching the
    /// release's areas for it: for a caller that holds the row already, such as the report,
    /// which advises on every area in turn (a search each was quadratic in the areas).
    package static func single(_ area: AreaRow, in release: NeedsRelease) -> AreaSelection {
        AreaSelection(areas: [area], countyWide: release.areas.count == 1, terms: [area.code], notes: [])
    }

    /// Resolves terms, each of which may itself be a comma-separated list.
    ///
    /// Throws a configuration error naming every unknown term, with the nearest valid names.
    package static func resolve(_ terms: [String], in release: NeedsRelease) throws(AreaNeedsError) -> AreaSelection {
        let parts = terms.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else {
            throw AreaNeedsError(.usage, "no areas given: name the areas the contract serves, or `county`")
        }
        var chosen: Set<String> = []
        var unknown: [String] = []
        var notes: [String] = []
        var named: [String] = []
        var county = false
        for part in parts {
            if NameSuggestions.key(part) == countyKeyword {
                county = true
                continue
            }
            let matches = match(part, in: release.areas)
            if matches.isEmpty {
                unknown.append(part)
            } else {
                named.append(part)
                chosen.formUnion(matches.map(\.code))
            }
        }
        guard unknown.isEmpty else {
            throw unknownAreas(unknown, in: release)
        }
        if county {
            chosen = Set(release.areas.map(\.code))
            if !named.isEmpty {
                notes.append("`county` already includes \(named.joined(separator: ", ")): every area of the release is served")
            }
        }
        let areas = release.areas.filter { chosen.contains($0.code) }
        return AreaSelection(areas: areas, countyWide: areas.count == release.areas.count, terms: parts, notes: notes)
    }

    /// The areas one term names: an area code, a district code, a district name, an area name.
    static func match(_ term: String, in areas: [AreaRow]) -> [AreaRow] {
        let key = NameSuggestions.key(term)
        // Codes first: they are unambiguous. A district's name before an area's name, since
        // a district named like one of its areas most likely means the whole district.
        let tests: [(AreaRow) -> String] = [\.code, \.districtCode, \.districtName, \.name]
        for field in tests {
            let found = areas.filter { NameSuggestions.key(field($0)) == key }
            if !found.isEmpty { return found }
        }
        return []
    }

    private static func unknownAreas(_ terms: [String], in release: NeedsRelease) -> AreaNeedsError {
        var names: [String] = [countyKeyword]
        for area in release.areas {
            names += [area.code, area.name, area.districtCode, area.districtName]
        }
        let suggestions = NameSuggestions(names: names)
        var lines = terms.map { "unknown area '\($0)'\(suggestions.hint(for: $0))" }
        let example = release.areas.first
        lines.append("""
              Areas are area codes\(example.map { " (\($0.code))" } ?? ""), \
            district codes\(example.map { " (\($0.districtCode))" } ?? "") or names\(example.map { " (\($0.districtName))" } ?? ""), \
            area names\(example.map { " (\($0.name))" } ?? ""), or `county`, separated by commas.
            """)
        return AreaNeedsError(.usage, lines.joined(separator: "\n"))
    }
}
