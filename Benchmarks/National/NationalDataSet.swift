import Foundation

/// The whole national input set: the geography (areas table and the OA, LSOA and MSOA
/// lookups), the twenty extracts, the AreaNeeds pipeline file over them (`national.yml`)
/// and the same job described for the DuckDB, polars and pandas programs (`job.json`).
struct NationalDataSet {
    let folder: String
    let seed: UInt64

    func write() throws {
        let geography = NationalGeography(seed: seed)
        try writeGeography(geography)
        let indicators = try NationalExtracts(geography: geography, folder: folder, seed: seed).write()
        try pipeline(indicators).write(toFile: folder + "/national.yml", atomically: true, encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(Job(indicators: indicators)).write(to: URL(fileURLWithPath: folder + "/job.json"))
        try AgeBandExtract(geography: geography, folder: folder, seed: seed).write()
        print("\(geography.outputAreas.count) output areas, \(geography.lsoas.count) LSOAs, \(geography.msoas.count) MSOAs, "
              + "\(geography.areas.count) service areas in \(geography.districts.count) districts; \(indicators.count) indicators")
    }

    private func writeGeography(_ geography: NationalGeography) throws {
        let base = folder + "/geography/"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let areas = try ExtractWriter(path: base + "areas.csv", gzip: false)
        try areas.header(["area_code", "area_name", "district_code", "district_name", "population"])
        for area in geography.areas {
            let district = geography.districts[area.district]
            try areas.row([area.code, area.name, district.code, district.name, String(area.population)])
        }
        try areas.finish()
        let outputAreas = try ExtractWriter(path: base + "oa-to-area.csv", gzip: false)
        try outputAreas.header(["oa_code", "area_code"])
        for area in geography.outputAreas {
            try outputAreas.row([area.code, geography.areas[geography.lsoas[area.lsoa].area].code])
        }
        try outputAreas.finish()
        let lsoas = try ExtractWriter(path: base + "lsoa-to-area.csv", gzip: false)
        try lsoas.header(["lsoa_code", "area_code"])
        for lsoa in geography.lsoas { try lsoas.row([lsoa.code, geography.areas[lsoa.area].code]) }
        try lsoas.finish()
        let msoas = try ExtractWriter(path: base + "msoa-to-area.csv", gzip: false)
        try msoas.header(["msoa_code", "area_code", "weight"])
        for msoa in geography.msoas {
            for share in geography.msoaShares(msoa) { try msoas.row([msoa.code, geography.areas[share.area].code, share.weight]) }
        }
        try msoas.finish()
    }

    /// The peers' description of the job: the geography's files and columns, and the indicators.
    private struct Job: Encodable {
        let areas = ["file": "geography/areas.csv", "code": "area_code", "name": "area_name",
                     "district_code": "district_code", "district_name": "district_name"]
        let lookups = [
            "oa": ["file": "geography/oa-to-area.csv", "code": "oa_code", "area": "area_code"],
            "lsoa": ["file": "geography/lsoa-to-area.csv", "code": "lsoa_code", "area": "area_code"],
            "msoa": ["file": "geography/msoa-to-area.csv", "code": "msoa_code", "area": "area_code", "weight": "weight"],
        ]
        let indicators: [IndicatorDefinition]
    }

    /// The AreaNeeds pipeline file: every service area ranked nationally and within its district.
    private func pipeline(_ indicators: [IndicatorDefinition]) -> String {
        var lines = [
            "# The national benchmark: every service area of England and Wales ranked on twenty-six",
            "# indicators from twenty extracts. Made by `areaneeds-bench-national generate` (seeded);",
            "# EVERY FIGURE IS SYNTHETIC. Run by scripts/bench-national.",
            "pipeline: national",
            "title: England and Wales service area needs (SYNTHETIC benchmark)",
            "synthetic: true",
            "release:",
            "  label: national benchmark",
            "geography:",
            "  area-key: area",
            "  area-label: service area",
            "  areas: {file: geography/areas.csv}",
            "  lookups:",
            "    - {geography: oa11, file: geography/oa-to-area.csv, small-area: oa_code}",
            "    - {geography: lsoa11, file: geography/lsoa-to-area.csv, small-area: lsoa_code}",
            "    - {geography: msoa11, file: geography/msoa-to-area.csv, small-area: msoa_code}",
            "checks: {unknown-small-area: error, area-without-data: warning}",
            "ranking: {within-district: true}",
            "indicators:",
        ]
        for indicator in indicators {
            lines += [
                "  - id: \(indicator.id)",
                "    title: \(quoted(indicator.title))",
                "    objective: \(indicator.objective)",
                "    polarity: \(indicator.polarity)",
                "    unit: \(quoted(indicator.unit))",
                "    vintage: \(quoted(indicator.vintage))",
                "    aggregation: \(indicator.method)",
            ]
            if let scale = indicator.scale { lines.append("    scale: \(Int(scale))") }
            if let count = indicator.nationalCount { lines.append("    national-count: \(count)") }
            lines += [
                "    source:",
                "      file: \(quoted(indicator.file))",
                "      geography: \(indicator.pipelineGeography)",
                "      area-code: \(quoted(indicator.areaCode))",
            ]
            // District tables also hold country and region rows: the district column keeps
            // only the districts of the geography, as the product does for national files.
            if indicator.geography == "district" { lines.append("      district: \(quoted(indicator.areaCode))") }
            for (key, column) in [("numerator", indicator.numerator), ("denominator", indicator.denominator), ("value", indicator.value),
                                  ("population", indicator.population), ("decile", indicator.decile)] {
                if let column { lines.append("      \(key): \(quoted(column))") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
