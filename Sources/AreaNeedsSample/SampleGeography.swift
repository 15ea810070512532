import AreaNeedsTables

/// The provisional SPA geography as the generator needs it: areas, and the LSOAs, MSOAs
/// and wards that make them up.
struct SampleGeography {
    struct Area { var code, name, districtCode, districtName: String }
    struct SmallArea { var code, name, areaCode: String }
    struct Ward { var code, name: String; var shares: [(area: String, weight: Double)] }

    var areas: [Area] = []
    var lsoas: [SmallArea] = []
    var msoas: [SmallArea] = []
    var wards: [Ward] = []

    /// Reads `lancashire-spa-areas.csv`, `-lsoa11.csv`, `-msoa11.csv` and `-ward.csv` from `folder`.
    static func read(folder: String) throws -> SampleGeography {
        var geography = SampleGeography()
        try rows(folder + "/lancashire-spa-areas.csv", ["spa_code", "spa_name", "district_code", "district_name"]) {
            geography.areas.append(Area(code: $0[0], name: $0[1], districtCode: $0[2], districtName: $0[3]))
        }
        try rows(folder + "/lancashire-spa-lsoa11.csv", ["lsoa11_code", "lsoa11_name", "spa_code"]) {
            geography.lsoas.append(SmallArea(code: $0[0], name: $0[1], areaCode: $0[2]))
        }
        try rows(folder + "/lancashire-spa-msoa11.csv", ["msoa11_code", "msoa11_name", "spa_code"]) {
            geography.msoas.append(SmallArea(code: $0[0], name: $0[1], areaCode: $0[2]))
        }
        var wardIndex: [String: Int] = [:]
        try rows(folder + "/lancashire-spa-ward.csv", ["ward_code", "ward_name", "spa_code", "weight"]) { row in
            let weight = Double(row[3]) ?? 1
            if let index = wardIndex[row[0]] {
                geography.wards[index].shares.append((row[2], weight))
            } else {
                wardIndex[row[0]] = geography.wards.count
                geography.wards.append(Ward(code: row[0], name: row[1], shares: [(row[2], weight)]))
            }
        }
        return geography
    }

    private static func rows(_ path: String, _ columns: [String], _ body: ([String]) throws -> Void) throws {
        let reader = try TableReader(path: path, options: ReadOptions(header: .containing(columns)))
        let found = try columns.map(reader.header.column)
        try reader.forEachRecord { record in try body(found.map(record.text)) }
    }
}
