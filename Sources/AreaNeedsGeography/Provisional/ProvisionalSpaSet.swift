import AreaNeedsTables
import Foundation

/// A provisional set of Service Planning Areas built from MSOAs, to stand in until the
/// council's own definition replaces it.
///
/// Areas are shared between the districts in proportion to population (largest remainder,
/// with a minimum per district). Within a district, its MSOAs in the order of their ONS
/// number (roughly north to south) are cut into runs of consecutive MSOAs whose populations
/// are as even as possible (see `RunPartition`). Codes run from `SPA01` by district code,
/// then run; names are the district's with the run's position ("Burnley North").
package struct ProvisionalSpaSet: Sendable {
    /// One table of the set, ready to write.
    package struct Table: Sendable, Equatable {
        package let fileName: String
        package let columns: [String]
        package let rows: [[String]]
    }

    /// The areas, in code order.
    package let areas: [Area]
    /// The areas table, then the lookups from LSOAs, MSOAs, wards and output areas (2011).
    package let tables: [Table]

    /// The file names, as the set is written.
    package enum FileName {
        package static let areas = "lancashire-spa-areas.csv"
        package static let lsoa11 = "lancashire-spa-lsoa11.csv"
        package static let msoa11 = "lancashire-spa-msoa11.csv"
        package static let ward = "lancashire-spa-ward.csv"
        package static let oa11 = "lancashire-spa-oa11.csv"
    }

    /// Builds the set from the ONS output area to LSOA, MSOA and district lookup (2011 areas,
    /// OA11CD, LSOA11CD, LSOA11NM, MSOA11CD, MSOA11NM, LAD17CD, LAD17NM), the IoD 2019
    /// population denominators (LSOA code (2011), Total population: mid 2015 (excluding
    /// prisoners)) and the ONS LSOA (2011) to ward (2019) lookup (LSOA11CD, WD19CD, WD19NM,
    /// LAD19CD). A ward is split between the areas its LSOAs fall in, weighted by population.
    package static func build(
        oaLookup: String, populations: String, wardLookup: String,
        districts: [String] = Lancashire.districtCodes, areaCount: Int = Lancashire.spaCount, minimumPerDistrict: Int = 2
    ) throws -> ProvisionalSpaSet {
        let sources = try ProvisionalSources.read(
            oaLookup: oaLookup, populations: populations, wardLookup: wardLookup, districtCodes: districts)
        guard areaCount >= minimumPerDistrict * districts.count else {
            throw ProvisionalSetError(file: oaLookup, "\(areaCount) areas cannot give \(districts.count) districts \(minimumPerDistrict) each")
        }

        var msoaPopulation: [String: Double] = [:]
        for lsoa in sources.lsoas.values { msoaPopulation[lsoa.msoa, default: 0] += lsoa.population }
        let districtCodes = districts.sorted()
        let msoasByDistrict = Dictionary(grouping: sources.msoas.values, by: \.district).mapValues { msoas in
            msoas.sorted { (SmallAreaName.parts(of: $0.name)!.number, $0.code) < (SmallAreaName.parts(of: $1.name)!.number, $1.code) }
        }
        let districtPopulations = districtCodes.map { code in msoasByDistrict[code]!.reduce(0) { $0 + msoaPopulation[$1.code]! } }
        let allocation = SeatAllocation.largestRemainder(districtPopulations, seats: areaCount, minimum: minimumPerDistrict)

        var areas: [Area] = []
        var spaOfMsoa: [String: String] = [:]
        let width = max(2, String(areaCount).count)
        for (index, code) in districtCodes.enumerated() {
            let district = sources.districts[code]!
            let msoas = msoasByDistrict[code]!
            guard allocation[index] <= msoas.count else {
                throw ProvisionalSetError(file: oaLookup, "district \(code) has \(msoas.count) MSOAs, too few for \(allocation[index]) areas")
            }
            let runs = RunPartition.cut(msoas.map { msoaPopulation[$0.code]! }, into: allocation[index])
            let names = PositionNames.names(district: district.name, count: runs.count)
            for (run, name) in zip(runs, names) {
                let number = String(areas.count + 1)
                let spa = "SPA" + String(repeating: "0", count: max(0, width - number.count)) + number
                for msoa in msoas[run] { spaOfMsoa[msoa.code] = spa }
                let population = msoas[run].reduce(0) { $0 + msoaPopulation[$1.code]! }
                areas.append(Area(code: spa, name: name, districtCode: code, districtName: district.name, population: population))
            }
        }
        return ProvisionalSpaSet(areas: areas, tables: tables(areas: areas, spaOfMsoa: spaOfMsoa, sources: sources))
    }

    private static func tables(areas: [Area], spaOfMsoa: [String: String], sources: ProvisionalSources) -> [Table] {
        let spaOfLsoa = sources.lsoas.mapValues { spaOfMsoa[$0.msoa]! }
        var wardRows: [[String]] = []
        for ward in sources.wards.values.sorted(by: { $0.code < $1.code }) {
            var population: [String: Double] = [:]
            var lsoaCount: [String: Int] = [:]
            for lsoa in ward.lsoas {
                population[spaOfLsoa[lsoa]!, default: 0] += sources.lsoas[lsoa]!.population
                lsoaCount[spaOfLsoa[lsoa]!, default: 0] += 1
            }
            let total = population.values.reduce(0, +)
            for spa in population.keys.sorted() {
                // A ward with no residents is split by its count of LSOAs instead.
                let weight = total > 0 ? population[spa]! / total : Double(lsoaCount[spa]!) / Double(ward.lsoas.count)
                wardRows.append([ward.code, ward.name, spa, NumberText.format(weight)])
            }
        }
        return [
            Table(fileName: FileName.areas, columns: ["spa_code", "spa_name", "district_code", "district_name", "population"],
                  rows: areas.map { [$0.code, $0.name, $0.districtCode, $0.districtName, NumberText.format($0.population!)] }),
            Table(fileName: FileName.lsoa11, columns: ["lsoa11_code", "lsoa11_name", "spa_code"],
                  rows: sources.lsoas.values.sorted { $0.code < $1.code }.map { [$0.code, $0.name, spaOfLsoa[$0.code]!] }),
            Table(fileName: FileName.msoa11, columns: ["msoa11_code", "msoa11_name", "spa_code"],
                  rows: sources.msoas.values.sorted { $0.code < $1.code }.map { [$0.code, $0.name, spaOfMsoa[$0.code]!] }),
            Table(fileName: FileName.ward, columns: ["ward_code", "ward_name", "spa_code", "weight"], rows: wardRows),
            Table(fileName: FileName.oa11, columns: ["oa11_code", "spa_code"],
                  rows: sources.outputAreas.keys.sorted().map { [$0, spaOfLsoa[sources.outputAreas[$0]!]!] }),
        ]
    }

    /// Writes the tables into `folder`, creating it if need be.
    package func write(to folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw TableError(.unwritable(reason: "cannot create the folder"), file: folder)
        }
        for table in tables {
            try TableWriter.write(path: folder + "/" + table.fileName, columns: table.columns, rows: table.rows)
        }
    }

    /// How to read the set once written to `folder`: its areas table and lookups.
    package static func files(in folder: String) -> (areas: AreasFile, lookups: [LookupFile]) {
        let levels: [(GeographyLevel, String)] = [(.lsoa11, FileName.lsoa11), (.msoa11, FileName.msoa11), (.ward, FileName.ward), (.oa11, FileName.oa11)]
        return (AreasFile(path: folder + "/" + FileName.areas), levels.map { LookupFile(level: $0, path: folder + "/" + $1) })
    }
}
