import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsTables

/// The short summary `areaneeds geography` prints: areas per district, and for each area
/// its population and how many small areas of each lookup map to it.
enum GeographySummary {
    static func lines(_ geography: Geography) -> [String] {
        let levels = GeographyLevel.allCases.filter { geography.lookups[$0] != nil }
        var lines = ["\(geography.areas.count) areas in \(geography.districtCodes.count) districts (\(geography.areasFile.path))"]
        for level in levels {
            let lookup = geography.lookups[level]!
            lines.append("\(ReleaseText.text(level)) lookup: \(lookup.codeCount) small areas, \(lookup.rowCount) rows (\(lookup.file.path))")
        }

        var districts = TextTable(header: ["district", "name", "areas", "population"], rightAligned: [2, 3])
        for code in geography.districtCodes {
            let areas = geography.areas.filter { $0.districtCode == code }
            districts.rows.append([code, areas[0].districtName, String(areas.count), population(areas)])
        }
        lines += [""] + districts.lines

        let counts = levels.map { geography.lookups[$0]!.smallAreaCounts() }
        var areas = TextTable(
            header: ["area", "name", "district", "population"] + levels.map(ReleaseText.text),
            rightAligned: Set(3..<(4 + levels.count)))
        for area in geography.areas {
            areas.rows.append([area.code, area.name, area.districtCode, population([area])] + counts.map { String($0[area.code] ?? 0) })
        }
        return lines + [""] + areas.lines
    }

    /// The areas' total population, or "-" when one has none.
    private static func population(_ areas: [Area]) -> String {
        let values = areas.compactMap(\.population)
        let total = values.reduce(0, +)
        guard values.count == areas.count else { return "-" }
        // Populations a double can hold each may still add up beyond one.
        return total.isFinite ? NumberText.format(total) : "beyond the range of a number"
    }
}
