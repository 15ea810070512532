import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsTables

/// Which rows of a national file concern the geography's areas; the others are skipped as
/// outside them (and counted), not reported as unknown codes.
///
/// - A source that names a district column, or takes the district from ONS area names
///   ("Burnley 001A" is in Burnley): the rows of the districts the geography covers.
/// - A district-level source: the rows of those districts; other districts, counties,
///   regions and the country are outside.
/// - A county-level source: the county's row (`geography: {county: CODE}`).
/// - Otherwise every row is in scope, and a code the lookup does not know is reported.
struct SourceScope {
    private enum Rule {
        case all
        case districtColumn
        case districtFromName
        case districtCode
        case county(AreaCode)
    }

    private let rule: Rule
    private let codes: Set<String>
    private let names: Set<String>
    private let districtCodes: Set<AreaCode>

    init(geography: Geography, source: SourceSpec, county: String?) {
        if source.district != nil {
            rule = .districtColumn
        } else if source.districtFromName {
            rule = .districtFromName
        } else if source.geography == .district {
            rule = .districtCode
        } else if source.geography == .county {
            rule = .county(AreaCode(county ?? ""))
        } else {
            rule = .all
        }
        // Made only for a source that needs them, each district once: lowercasing every
        // area's district name for every indicator was a twentieth of the national normalise.
        let areas: [Area]
        switch rule {
        case .districtColumn, .districtFromName, .districtCode: areas = geography.areas
        case .all, .county: areas = []
        }
        codes = Set(areas.map(\.districtCode))
        names = Set(Set(areas.map(\.districtName)).map { $0.lowercased() })
        districtCodes = Set(codes.map { AreaCode($0) })
    }

    func contains(_ row: IngestedRow) -> Bool {
        switch rule {
        case .all:
            true
        case .districtColumn:
            codes.contains(row.district) || names.contains(row.district.lowercased())
        case .districtFromName:
            names.contains(SourceScope.district(fromAreaName: row.name).lowercased())
        case .districtCode:
            districtCodes.contains(row.code)
        case .county(let code):
            row.code == code
        }
    }

    /// "Burnley 001A" -> "Burnley"; "Blackburn with Darwen 012C" -> "Blackburn with Darwen".
    static func district(fromAreaName name: String) -> String {
        guard let space = name.lastIndex(of: " ") else { return name }
        let suffix = name[name.index(after: space)...]
        guard suffix.first?.isNumber == true else { return name }
        return String(name[..<space])
    }
}
