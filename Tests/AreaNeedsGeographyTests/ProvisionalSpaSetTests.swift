import AreaNeedsTestSupport
import Testing
import AreaNeedsGeography

@Suite("Building a provisional area set from MSOAs")
struct ProvisionalSpaSetTests {
    let folder = TemporaryFolder()

    /// District D1 "Alpha" has MSOAs Alpha 001 to 004 (codes in reverse order of number)
    /// with 100, 50, 50 and 100 people; D2 "Beta" has Beta 001 and 002 with 60 and 40;
    /// D3 is not asked for. Ward W2 joins LSOAs of Alpha 002 (30 people) and 003 (50).
    static let oaLookup = """
        OA11CD,OAC11NM,LSOA11CD,LSOA11NM,MSOA11CD,MSOA11NM,LAD17CD,LAD17NM
        O1,"Suburbs, older",LA3,Alpha 003A,M2,Alpha 003,D1,Alpha
        O2,Urban,LA1,Alpha 001A,M4,Alpha 001,D1,Alpha
        O3,Urban,LA2a,Alpha 002A,M3,Alpha 002,D1,Alpha
        O4,Urban,LA2b,Alpha 002B,M3,Alpha 002,D1,Alpha
        O5,Rural,LA4,Alpha 004A,M1,Alpha 004,D1,Alpha
        O6,Rural,LB1,Beta 001A,M5,Beta 001,D2,Beta
        O7,Rural,LB2,Beta 002A,M6,Beta 002,D2,Beta
        O8,Urban,LG1,Gamma 001A,M7,Gamma 001,D3,Gamma
        O9,Urban,LA1,Alpha 001A,M4,Alpha 001,D1,Alpha

        """
    static let populations = """
        LSOA code (2011),LSOA name (2011),Total population: mid 2015 (excluding prisoners),Dependent Children aged 0-15: mid 2015 (excluding prisoners)
        LA1,Alpha 001A,100,20
        LA2a,Alpha 002A,20,4
        LA2b,Alpha 002B,30,6
        LA3,Alpha 003A,50,10
        LA4,Alpha 004A,100,20
        LB1,Beta 001A,60,12
        LB2,Beta 002A,40,8
        LG1,Gamma 001A,999,1

        """
    static let wardLookup = """
        FID,LSOA11CD,LSOA11NM,WD19CD,WD19NM,LAD19CD,LAD19NM
        1,LA1,Alpha 001A,W1,Hill,D1,Alpha
        2,LA2a,Alpha 002A,W1,Hill,D1,Alpha
        3,LA2b,Alpha 002B,W2,Dale,D1,Alpha
        4,LA3,Alpha 003A,W2,Dale,D1,Alpha
        5,LA4,Alpha 004A,W3,Fell,D1,Alpha
        6,LB1,Beta 001A,W4,Moss,D2,Beta
        7,LB2,Beta 002A,W4,Moss,D2,Beta
        8,LG1,Gamma 001A,W9,Elsewhere,D3,Gamma

        """

    private func build(
        oaLookup: String = oaLookup, populations: String = populations,
        areaCount: Int = 4, minimum: Int = 2
    ) throws -> ProvisionalSpaSet {
        try ProvisionalSpaSet.build(
            oaLookup: folder.file("oa.csv", oaLookup), populations: folder.file("population.csv", populations),
            wardLookup: folder.file("ward.csv", Self.wardLookup), districts: ["D2", "D1"],
            areaCount: areaCount, minimumPerDistrict: minimum)
    }

    @Test func writesTheAreasAndLookups() throws {
        let output = folder.path + "/out"
        try build().write(to: output)
        #expect(folder.text(of: "out/lancashire-spa-areas.csv") == """
            spa_code,spa_name,district_code,district_name,population
            SPA01,Alpha North,D1,Alpha,150
            SPA02,Alpha South,D1,Alpha,150
            SPA03,Beta North,D2,Beta,60
            SPA04,Beta South,D2,Beta,40

            """)
        #expect(folder.text(of: "out/lancashire-spa-msoa11.csv") == """
            msoa11_code,msoa11_name,spa_code
            M1,Alpha 004,SPA02
            M2,Alpha 003,SPA02
            M3,Alpha 002,SPA01
            M4,Alpha 001,SPA01
            M5,Beta 001,SPA03
            M6,Beta 002,SPA04

            """)
        #expect(folder.text(of: "out/lancashire-spa-lsoa11.csv") == """
            lsoa11_code,lsoa11_name,spa_code
            LA1,Alpha 001A,SPA01
            LA2a,Alpha 002A,SPA01
            LA2b,Alpha 002B,SPA01
            LA3,Alpha 003A,SPA02
            LA4,Alpha 004A,SPA02
            LB1,Beta 001A,SPA03
            LB2,Beta 002A,SPA04

            """)
        #expect(folder.text(of: "out/lancashire-spa-ward.csv") == """
            ward_code,ward_name,spa_code,weight
            W1,Hill,SPA01,1
            W2,Dale,SPA01,0.375
            W2,Dale,SPA02,0.625
            W3,Fell,SPA02,1
            W4,Moss,SPA03,0.6
            W4,Moss,SPA04,0.4

            """)
        #expect(folder.text(of: "out/lancashire-spa-oa11.csv") == """
            oa11_code,spa_code
            O1,SPA02
            O2,SPA01
            O3,SPA01
            O4,SPA01
            O5,SPA02
            O6,SPA03
            O7,SPA04
            O9,SPA01

            """)
    }

    @Test func theWrittenSetPassesTheChecks() throws {
        let output = folder.path + "/out"
        try build().write(to: output)
        let files = ProvisionalSpaSet.files(in: output)
        let geography = try Geography.load(areas: files.areas, lookups: files.lookups, lsoa21BestFit: nil)
        var reference = try SmallAreaReference.load(onsLookup: folder.path + "/oa.csv", districts: ["D1", "D2"])
        try reference.add(onsLookup: folder.path + "/ward.csv", districts: ["D1", "D2"])
        #expect(geography.check(districts: ["D1", "D2"], reference: reference).isEmpty)
    }

    @Test func areasFollowPopulationAboveTheMinimum() throws {
        // Quotas 2.25 and 0.75: the seat left over goes to Beta, which then has one area.
        let set = try build(areaCount: 3, minimum: 1)
        #expect(set.areas.map(\.name) == ["Alpha North", "Alpha South", "Beta"])
        #expect(set.areas.map(\.population) == [150, 150, 100])
    }

    @Test func anLsoaWithoutPopulationIsAnError() {
        let populations = Self.populations.replacingOccurrences(of: "LB2,Beta 002A,40,8\n", with: "")
        let error = thrown(ProvisionalSetError.self) { _ = try build(populations: populations) }
        #expect(error?.description == "\(folder.path)/population.csv: LSOA LB2 has no row (1 LSOAs are missing); use the IoD 2019 population denominators (File 6)")
    }

    @Test func suppressedPopulationIsAnError() {
        let populations = Self.populations.replacingOccurrences(of: "LB2,Beta 002A,40,8", with: "LB2,Beta 002A,..,8")
        let error = thrown(ProvisionalSetError.self) { _ = try build(populations: populations) }
        #expect(error?.description == "\(folder.path)/population.csv, line 8: LSOA LB2 has no population (\"..\")")
    }

    @Test func msoaNamesMustBeNumbered() {
        let lookup = Self.oaLookup.replacingOccurrences(of: "M6,Beta 002,", with: "M6,Beta Two,")
        let error = thrown(ProvisionalSetError.self) { _ = try build(oaLookup: lookup) }
        #expect(error?.description == "\(folder.path)/oa.csv, line 8: the MSOA name \"Beta Two\" does not end in a 3-digit number, which orders the MSOAs of a district")
    }

    @Test func noMoreAreasThanMsoas() {
        let error = thrown(ProvisionalSetError.self) { _ = try build(areaCount: 7, minimum: 2) }
        #expect(error?.description == "\(folder.path)/oa.csv: district D1 has 4 MSOAs, too few for 5 areas")
    }
}
