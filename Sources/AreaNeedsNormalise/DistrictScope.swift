import AreaNeedsCore
import AreaNeedsGeography

/// Which rows of a national file lie in the districts the geography covers.
///
/// A source that names a district column, or takes the district from ONS area names
/// ("Burnley 001A" is in Burnley), has its other districts' rows skipped as outside the
/// areas. Without either, every row is in scope, and a code the lookup does not know is
/// reported.
struct DistrictScope {
    private let codes: Set<String>
    private let names: Set<String>
    private let byColumn: Bool
    private let byName: Bool

    init(geography: Geography, source: SourceSpec) {
        byColumn = source.district != nil
        byName = source.districtFromName
        // Made only for a source that needs them, each district once: lowercasing every
        // area's district name for every indicator was a twentieth of the national normalise.
        let areas = byColumn || byName ? geography.areas : []
        codes = Set(areas.map(\.districtCode))
        names = Set(Set(areas.map(\.districtName)).map { $0.lowercased() })
    }

    func contains(_ row: IngestedRow) -> Bool {
        if byColumn {
            return codes.contains(row.district) || names.contains(row.district.lowercased())
        }
        if byName {
            return names.contains(DistrictScope.district(fromAreaName: row.name).lowercased())
        }
        return true
    }

    /// "Burnley 001A" -> "Burnley"; "Blackburn with Darwen 012C" -> "Blackburn with Darwen".
    static func district(fromAreaName name: String) -> String {
        guard let space = name.lastIndex(of: " ") else { return name }
        let suffix = name[name.index(after: space)...]
        guard suffix.first?.isNumber == true else { return name }
        return String(name[..<space])
    }
}
