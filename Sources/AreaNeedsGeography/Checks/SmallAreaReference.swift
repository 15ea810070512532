import AreaNeedsTables

/// Which small areas each district has, as ONS publishes them: what complete lookups must cover.
///
///     var reference = try SmallAreaReference.load(onsLookup: "OA11_LSOA11_MSOA11_LAD17.csv.gz")
///     reference.district(of: "E01024821", at: .lsoa11)   // "E07000117"
package struct SmallAreaReference: Sendable {
    private struct Entry: Sendable {
        var district: String
        var name: String?
    }

    private var entries: [GeographyLevel: [String: Entry]] = [:]

    package init() {}

    /// Records that `code` at `level` lies in `district`. The first district recorded for a code stays.
    package mutating func add(_ code: String, at level: GeographyLevel, district: String, name: String? = nil) {
        if entries[level]?[code] == nil {
            entries[level, default: [:]][code] = Entry(district: district, name: name)
        }
    }

    /// The geographies the reference has codes for.
    package var levels: [GeographyLevel] {
        GeographyLevel.allCases.filter { entries[$0] != nil }
    }

    /// The district `code` lies in, when the reference knows it.
    package func district(of code: String, at level: GeographyLevel) -> String? {
        entries[level]?[code]?.district
    }

    /// The small area's name, when the reference file had one.
    package func name(of code: String, at level: GeographyLevel) -> String? {
        entries[level]?[code]?.name
    }

    /// The codes at `level` that lie in any of `districts`, sorted.
    package func codes(at level: GeographyLevel, in districts: Set<String>) -> [String] {
        (entries[level] ?? [:]).filter { districts.contains($0.value.district) }.map(\.key).sorted()
    }

    /// The ONS column pairs recognised, by geography: code column, name column.
    static let onsColumns: [(level: GeographyLevel, code: String, name: String)] = [
        (.oa11, "OA11CD", "OA11NM"), (.lsoa11, "LSOA11CD", "LSOA11NM"), (.lsoa21, "LSOA21CD", "LSOA21NM"),
        (.msoa11, "MSOA11CD", "MSOA11NM"),
    ]

    /// Reads an ONS lookup: any of the columns OA11CD, LSOA11CD, LSOA21CD, MSOA11CD and a
    /// ward column (WD19CD, WD22CD...), each with its name column if present, and a district
    /// column (LAD17CD, LAD19CD...). When `districts` is given, only codes in them are kept.
    package static func load(onsLookup path: String, districts: Set<String>? = nil) throws -> SmallAreaReference {
        var reference = SmallAreaReference()
        try reference.add(onsLookup: path, districts: districts)
        return reference
    }

    /// Adds the codes of another ONS lookup, as `load(onsLookup:districts:)` reads it.
    package mutating func add(onsLookup path: String, districts: Set<String>? = nil) throws {
        let reader = try TableReader(path: path)
        let header = reader.header
        guard let districtName = header.names.first(where: { SmallAreaReference.isYearCoded($0, prefix: "LAD") }) else {
            throw TableError(.columnNotFound(name: "LAD??CD (the district code)", available: header.names), file: path)
        }
        let district = try header.column(districtName)
        var columns: [(level: GeographyLevel, code: TableColumn, name: TableColumn?)] = []
        for (level, code, name) in SmallAreaReference.onsColumns where header.contains(code) {
            columns.append((level, try header.column(code), header.contains(name) ? try header.column(name) : nil))
        }
        if let ward = header.names.first(where: { SmallAreaReference.isYearCoded($0, prefix: "WD") }) {
            let wardName = String(ward.dropLast(2)) + "NM"
            columns.append((.ward, try header.column(ward), header.contains(wardName) ? try header.column(wardName) : nil))
        }
        guard !columns.isEmpty else {
            throw TableError(.columnNotFound(name: "OA11CD, LSOA11CD, LSOA21CD, MSOA11CD or WD??CD", available: header.names), file: path)
        }
        try reader.forEachRecord { record in
            let districtCode = record.text(district)
            if let districts, !districts.contains(districtCode) { return }
            for (level, code, name) in columns where !record.isEmpty(code) {
                add(record.text(code), at: level, district: districtCode, name: name.flatMap(record.nonEmptyText))
            }
        }
    }

    /// Whether `name` is `prefix`, two digits, "CD" (case aside): "LAD19CD", "WD22CD".
    private static func isYearCoded(_ name: String, prefix: String) -> Bool {
        let upper = name.uppercased()
        guard upper.hasPrefix(prefix), upper.hasSuffix("CD"), upper.count == prefix.count + 4 else { return false }
        return upper.dropFirst(prefix.count).prefix(2).allSatisfy { $0.isASCII && $0.isNumber }
    }
}
