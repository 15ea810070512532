import AreaNeedsTestSupport
import Testing
import AreaNeedsGeography
import AreaNeedsTables

@Suite("Reading the areas table and lookups")
struct GeographyLoadTests {
    let folder = TemporaryFolder()

    @Test func areasInFileOrderWithPopulations() throws {
        let geography = try Fixture.geography(in: folder)
        #expect(geography.areas.map(\.code) == ["A1", "A2", "B1"])
        #expect(geography.areas[1] == Area(code: "A2", name: "Alpha South", districtCode: "D1", districtName: "Alpha", population: 200))
        #expect(geography.districtCodes == ["D1", "D2"])
        #expect(geography.area("B1")?.districtName == "Beta")
        #expect(geography.area("Z9") == nil)
    }

    @Test func populationIsOptional() throws {
        let areas = "spa_code,spa_name,district_code,district_name\nA1,North,D1,Alpha\n"
        let geography = try Fixture.geography(in: folder, areas: areas, lookups: [:])
        #expect(geography.areas.map(\.population) == [nil])
    }

    @Test func namedPopulationColumnMustExist() throws {
        let path = folder.file("areas.csv", "spa_code,spa_name,district_code,district_name\nA1,North,D1,Alpha\n")
        let error = thrown(TableError.self) {
            _ = try Geography.load(areas: AreasFile(path: path, population: "people"), lookups: [], lsoa21BestFit: nil)
        }
        #expect(error?.description.hasPrefix("\(path): no column named \"people\"") == true)
    }

    @Test func columnNamesFollowTheAreaKeyOrAreNamed() throws {
        let areas = folder.file("areas.csv", "Code,Name,LAD,LAD name,Pop\nN1,North,D1,Alpha,5\n")
        let lookup = folder.file("lsoa.csv", "LSOA11CD,nbhd_code,share\nL1,N1,1\n")
        let geography = try Geography.load(
            areas: AreasFile(path: areas, code: "Code", name: "Name", districtCode: "LAD", districtName: "LAD name", population: "Pop"),
            lookups: [LookupFile(level: .lsoa11, path: lookup, areaKey: "nbhd", code: "LSOA11CD", weight: "share")],
            lsoa21BestFit: nil)
        #expect(geography.areas == [Area(code: "N1", name: "North", districtCode: "D1", districtName: "Alpha", population: 5)])
        #expect(geography.shares(for: "L1", at: .lsoa11) == [AreaShare(areaCode: "N1", weight: 1)])
    }

    @Test func defaultColumnNames() {
        let areas = AreasFile(path: "a.csv", areaKey: "nbhd")
        #expect([areas.codeColumn, areas.nameColumn, areas.districtCodeColumn, areas.districtNameColumn]
            == ["nbhd_code", "nbhd_name", "district_code", "district_name"])
        let lookup = LookupFile(level: .ward, path: "w.csv")
        #expect([lookup.codeColumn, lookup.areaColumn] == ["ward_code", "spa_code"])
        #expect(lookup.nameColumn == nil && lookup.weightColumn == nil)
    }

    @Test func lookupRowsKeepNamesAndWeights() throws {
        let geography = try Fixture.geography(in: folder)
        let ward = try #require(geography.lookups[.ward])
        #expect(ward.rows.first == LookupRow(line: 2, code: "W1", name: "Hill", areaCode: "A1", weight: 0.25))
        #expect(ward.codes == ["W1", "W2", "W3"])
        #expect(ward.smallAreaCounts() == ["A1": 1, "A2": 2, "B1": 1])
        let msoa = try #require(geography.lookups[.msoa11])
        #expect(msoa.name(of: "M2") == "Alpha 002")
        #expect(msoa.code(named: "Beta 001") == "M3")
    }

    @Test func missingLookupColumnNamesTheHeader() throws {
        let error = thrown(TableError.self) {
            _ = try Fixture.geography(in: folder, lookups: [.lsoa11: "LSOA11CD,spa_code\nL1,A1\n"])
        }
        #expect(error?.description == "\(folder.path)/lsoa11.csv: no column named \"lsoa11_code\"; the header has \"LSOA11CD\", \"spa_code\"")
    }

    @Test func oneLookupPerGeography() throws {
        let areas = folder.file("areas.csv", Fixture.areas)
        let first = folder.file("first.csv", Fixture.lsoa11)
        let second = folder.file("second.csv", Fixture.lsoa11)
        let error = thrown(GeographyProblem.self) {
            _ = try Geography.load(
                areas: AreasFile(path: areas),
                lookups: [LookupFile(level: .lsoa11, path: first), LookupFile(level: .lsoa11, path: second)],
                lsoa21BestFit: nil)
        }
        #expect(error?.description == "\(second): a second LSOA (2011) lookup (the first is \(first)); give one lookup per geography")
    }

    @Test func districtsTakeNoLookup() throws {
        let areas = folder.file("areas.csv", Fixture.areas)
        let lookup = folder.file("district.csv", "district_code,spa_code\nD1,A1\n")
        let error = thrown(GeographyProblem.self) {
            _ = try Geography.load(areas: AreasFile(path: areas), lookups: [LookupFile(level: .district, path: lookup)], lsoa21BestFit: nil)
        }
        #expect(error?.description.hasPrefix("\(lookup): districts take no lookup: district figures go to every area of the district") == true)
    }
}
