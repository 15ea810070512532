import AreaNeedsTables

/// What the provisional set is built from, read from the ONS and IoD files and kept to the
/// districts asked for.
struct ProvisionalSources {
    struct District { var code: String; var name: String }
    struct Msoa { var code: String; var name: String; var district: String }
    struct Lsoa { var code: String; var name: String; var msoa: String; var population: Double }
    struct Ward { var code: String; var name: String; var lsoas: [String] }

    var districts: [String: District] = [:]
    var msoas: [String: Msoa] = [:]
    var lsoas: [String: Lsoa] = [:]
    /// Output area code to LSOA code.
    var outputAreas: [String: String] = [:]
    var wards: [String: Ward] = [:]

    /// The columns read, as the publishers name them.
    enum Columns {
        static let outputArea = "OA11CD", lsoa = "LSOA11CD", lsoaName = "LSOA11NM", msoa = "MSOA11CD", msoaName = "MSOA11NM"
        static let district = "LAD17CD", districtName = "LAD17NM"
        static let populationLsoa = "LSOA code (2011)", population = "Total population: mid 2015 (excluding prisoners)"
        static let ward = "WD19CD", wardName = "WD19NM", wardDistrict = "LAD19CD"
    }

    /// Reads the three files, keeping `districtCodes`. Throws `TableError` for files that
    /// cannot be read and `ProvisionalSetError` for contents that do not fit together.
    static func read(oaLookup: String, populations: String, wardLookup: String, districtCodes: [String]) throws -> ProvisionalSources {
        var sources = ProvisionalSources()
        let wanted = Set(districtCodes)
        try sources.readOutputAreas(oaLookup, districts: wanted)
        for code in districtCodes where sources.districts[code] == nil {
            throw ProvisionalSetError(file: oaLookup, "no output area lies in district \(code); check the district codes, or use a lookup that covers them")
        }
        try sources.readPopulations(populations)
        try sources.readWards(wardLookup, districts: wanted)
        return sources
    }

    private mutating func readOutputAreas(_ path: String, districts wanted: Set<String>) throws {
        let reader = try TableReader(path: path)
        let header = reader.header
        let (oa, lsoa, lsoaName, msoa, msoaName, district, districtName) = (
            try header.column(Columns.outputArea), try header.column(Columns.lsoa), try header.column(Columns.lsoaName),
            try header.column(Columns.msoa), try header.column(Columns.msoaName),
            try header.column(Columns.district), try header.column(Columns.districtName))
        try reader.forEachRecord { record in
            let districtCode = record.text(district)
            guard wanted.contains(districtCode) else { return }
            func fail(_ message: String) -> ProvisionalSetError { ProvisionalSetError(file: path, line: record.line, message) }
            let (oaCode, lsoaCode, msoaCode) = (record.text(oa), record.text(lsoa), record.text(msoa))
            guard !oaCode.isEmpty, !lsoaCode.isEmpty, !msoaCode.isEmpty else { throw fail("an output area, LSOA or MSOA code is empty") }
            guard outputAreas.updateValue(lsoaCode, forKey: oaCode) == nil else { throw fail("output area \(oaCode) is listed twice") }
            if let known = lsoas[lsoaCode], known.msoa != msoaCode {
                throw fail("LSOA \(lsoaCode) is in MSOA \(msoaCode) here but in \(known.msoa) above")
            }
            if let known = msoas[msoaCode], known.district != districtCode {
                throw fail("MSOA \(msoaCode) is in district \(districtCode) here but in \(known.district) above")
            }
            let name = record.text(msoaName)
            guard SmallAreaName.parts(of: name) != nil else {
                throw fail("the MSOA name \"\(name)\" does not end in a 3-digit number, which orders the MSOAs of a district")
            }
            lsoas[lsoaCode] = Lsoa(code: lsoaCode, name: record.text(lsoaName), msoa: msoaCode, population: 0)
            msoas[msoaCode] = Msoa(code: msoaCode, name: name, district: districtCode)
            if districts[districtCode] == nil {
                districts[districtCode] = District(code: districtCode, name: record.text(districtName))
            }
        }
    }

    private mutating func readPopulations(_ path: String) throws {
        let reader = try TableReader(path: path)
        let code = try reader.header.column(Columns.populationLsoa)
        let population = try reader.header.column(Columns.population)
        var found: Set<String> = []
        try reader.forEachRecord { record in
            let lsoa = record.text(code)
            guard lsoas[lsoa] != nil else { return }
            // No LSOA holds a billion people: a larger number is a wrong column or a typo.
            guard let value = try record.number(population).number, value >= 0, value < 1e9 else {
                throw ProvisionalSetError(file: path, line: record.line, "LSOA \(lsoa) has no population (\"\(record.text(population))\")")
            }
            guard found.insert(lsoa).inserted else {
                throw ProvisionalSetError(file: path, line: record.line, "LSOA \(lsoa) is listed twice")
            }
            lsoas[lsoa]!.population = value
        }
        if let missing = lsoas.keys.filter({ !found.contains($0) }).sorted().first {
            throw ProvisionalSetError(file: path, "LSOA \(missing) has no row (\(lsoas.count - found.count) LSOAs are missing); use the IoD 2019 population denominators (File 6)")
        }
    }

    private mutating func readWards(_ path: String, districts wanted: Set<String>) throws {
        let reader = try TableReader(path: path)
        let header = reader.header
        let (lsoa, ward, wardName, district) = (
            try header.column(Columns.lsoa), try header.column(Columns.ward), try header.column(Columns.wardName),
            try header.column(Columns.wardDistrict))
        var wardOfLsoa: [String: String] = [:]
        try reader.forEachRecord { record in
            guard wanted.contains(record.text(district)) else { return }
            func fail(_ message: String) -> ProvisionalSetError { ProvisionalSetError(file: path, line: record.line, message) }
            let (lsoaCode, wardCode) = (record.text(lsoa), record.text(ward))
            guard lsoas[lsoaCode] != nil else { throw fail("LSOA \(lsoaCode) is not in the output area lookup's districts") }
            guard wardOfLsoa.updateValue(wardCode, forKey: lsoaCode) == nil else { throw fail("LSOA \(lsoaCode) is listed twice") }
            wards[wardCode, default: Ward(code: wardCode, name: record.text(wardName), lsoas: [])].lsoas.append(lsoaCode)
        }
        if let missing = lsoas.keys.filter({ wardOfLsoa[$0] == nil }).sorted().first {
            throw ProvisionalSetError(file: path, "LSOA \(missing) is in no ward of the districts; use a lookup from the same LSOA (2011) set")
        }
    }
}
