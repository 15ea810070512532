/// The target geography: the areas, and lookups from small areas to them.
///
///     let geography = try Geography.load(
///         areas: AreasFile(path: "data-raw/geography/lancashire-spa-areas.csv"),
///         lookups: [LookupFile(level: .lsoa11, path: "data-raw/geography/lancashire-spa-lsoa11.csv")],
///         lsoa21BestFit: nil)
///     try geography.validate(districts: nil)
///     geography.shares(for: "E01024821", at: .lsoa11)   // [AreaShare(areaCode: "SPA01", weight: 1)]
package struct Geography: Sendable {
    /// The areas table's file and columns.
    package let areasFile: AreasFile
    /// The areas in file order, one per code (a repeated code is kept once and reported by `check`).
    package let areas: [Area]
    /// The lookups, one per small-area geography.
    package let lookups: [GeographyLevel: Lookup]

    /// Every row of the areas table with its line, repeats included, for the checks.
    let areaRows: [(line: Int, area: Area)]
    let areaIndex: [String: Int]
    let areaCodesByDistrict: [String: [String]]
    /// The positions in `areas` of each district's areas.
    let areaPositionsByDistrict: [String: [Int]]
    /// For each lookup, the position in `areas` of each area its rows name (by the lookup's
    /// own numbering of them), or -1 for an area the areas table lacks.
    let areaPositionsByLookup: [GeographyLevel: [Int]]
    /// The lookups and their area positions by `GeographyLevel.slot`: reached for every row
    /// of every source without hashing the level or copying the lookup's arrays.
    private let slots: [LookupSlot?]
    let bestFit: BestFitLookup?
    let lsoa11Population: [String: Double]
    /// Rows the loader could not use (empty codes, weights that are not numbers).
    let readProblems: [GeographyProblem]

    init(
        areasFile: AreasFile, areaRows: [(line: Int, area: Area)], lookups: [GeographyLevel: Lookup],
        bestFit: BestFitLookup?, lsoa11Population: [String: Double], readProblems: [GeographyProblem]
    ) {
        self.areasFile = areasFile
        self.areaRows = areaRows
        self.lookups = lookups
        self.bestFit = bestFit
        self.lsoa11Population = lsoa11Population
        self.readProblems = readProblems
        var areas: [Area] = []
        var index: [String: Int] = [:]
        var byDistrict: [String: [String]] = [:]
        var positionsByDistrict: [String: [Int]] = [:]
        for (_, area) in areaRows where index[area.code] == nil {
            index[area.code] = areas.count
            positionsByDistrict[area.districtCode, default: []].append(areas.count)
            areas.append(area)
            byDistrict[area.districtCode, default: []].append(area.code)
        }
        self.areas = areas
        areaIndex = index
        areaCodesByDistrict = byDistrict
        areaPositionsByDistrict = positionsByDistrict
        let positions = lookups.mapValues { lookup in lookup.areaCodes.map { index[$0] ?? -1 } }
        areaPositionsByLookup = positions
        slots = GeographyLevel.allCases.map { level in
            lookups[level].map { LookupSlot(lookup: $0, areaPositions: positions[level] ?? []) }
        }
    }

    /// The area with this code.
    package func area(_ code: String) -> Area? {
        areaIndex[code].map { areas[$0] }
    }

    /// The codes of the districts, in the order their first area appears.
    package var districtCodes: [String] {
        var seen: Set<String> = []
        return areas.compactMap { seen.insert($0.districtCode).inserted ? $0.districtCode : nil }
    }

    /// Calls `body` with each area a figure published for `code` at `level` goes to (its
    /// position in `areas`) and the weight of that part; false when the code is unknown at
    /// that level. The same places as `shares(for:at:name:)`, without making an array for
    /// every small area: the normalise stage calls this for every row of every source.
    package func forEachShare(of code: String, at level: GeographyLevel, name: String? = nil,
                             _ body: (_ area: Int, _ weight: Double) -> Void) -> Bool {
        switch level {
        case .oa11, .lsoa11, .msoa11, .ward:
            guard let slot = slots[level.slot], let position = slot.lookup.position(of: code) else { return false }
            slot.forEachShare(ofCodeAt: position, body)
            return true
        case .district:
            guard let positions = areaPositionsByDistrict[code] else { return false }
            for area in positions { body(area, 1) }
            return true
        case .county:
            // The caller keeps the county's row only (the pipeline names its code).
            for area in areas.indices { body(area, 1) }
            return true
        case .area, .lsoa21:
            guard let shares = shares(for: code, at: level, name: name) else { return false }
            for share in shares {
                if let area = areaIndex[share.areaCode] { body(area, share.weight) }
            }
            return true
        }
    }

    /// A `ShareFinder` for the rows of a source published at `level`.
    package func shareFinder(at level: GeographyLevel) -> ShareFinder {
        ShareFinder(geography: self, level: level, slot: slots[level.slot])
    }

    /// The areas a figure published for `code` at `level` goes to, with weights; nil when
    /// the code is unknown at that level.
    ///
    /// A district's figure goes to every area of the district with weight 1 (inherited);
    /// a county's to every area (the caller keeps the county's row only); an area's figure
    /// to the area itself. A 2021 LSOA resolves as `resolveLsoa21` says,
    /// `name` (such as "Burnley 001A") serving the route through the MSOA name.
    package func shares(for code: String, at level: GeographyLevel, name: String? = nil) -> [AreaShare]? {
        switch level {
        case .area:
            return areaIndex[code] == nil ? nil : [AreaShare(areaCode: code, weight: 1)]
        case .district:
            return areaCodesByDistrict[code].map { $0.map { AreaShare(areaCode: $0, weight: 1) } }
        case .county:
            return areas.map { AreaShare(areaCode: $0.code, weight: 1) }
        case .lsoa21:
            let resolution = resolveLsoa21(code, name: name)
            return resolution.route == .unresolved ? nil : resolution.shares
        case .oa11, .lsoa11, .msoa11, .ward:
            return lookups[level]?.shares(for: code)
        }
    }
}

/// A lookup with the positions in `Geography.areas` of the areas it names.
final class LookupSlot: Sendable {
    let lookup: Lookup
    let areaPositions: [Int]

    init(lookup: Lookup, areaPositions: [Int]) {
        self.lookup = lookup
        self.areaPositions = areaPositions
    }

    /// Calls `body` with the area position and weight of each row of the small area at
    /// `position` in the lookup's codes.
    @inline(__always)
    func forEachShare(ofCodeAt position: Int, _ body: (_ area: Int, _ weight: Double) -> Void) {
        for row in lookup.rows(ofCodeAt: position) {
            let area = areaPositions[Int(lookup.rowAreas[Int(row)])]
            // An area the areas table lacks is a problem `check` reports; nothing goes there.
            if area >= 0 { body(area, lookup.rowWeights[Int(row)]) }
        }
    }
}

extension GeographyLevel {
    /// The level's place in `allCases`, for arrays indexed by level.
    var slot: Int {
        switch self {
        case .oa11: 0
        case .lsoa11: 1
        case .lsoa21: 2
        case .msoa11: 3
        case .ward: 4
        case .district: 5
        case .area: 6
        case .county: 7
        }
    }
}
