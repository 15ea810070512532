import AreaNeedsTestSupport
import Testing
import AreaNeedsGeography
import AreaNeedsTables

@Suite("Small areas per district from ONS lookups")
struct SmallAreaReferenceTests {
    let folder = TemporaryFolder()

    @Test func outputAreaLookupGivesOutputAreasLsoasAndMsoas() throws {
        let path = folder.file("oa.csv", """
            OA11CD,LSOA11CD,LSOA11NM,MSOA11CD,MSOA11NM,LAD17CD,LAD17NM
            O1,L1,Alpha 001A,M1,Alpha 001,D1,Alpha
            O2,L1,Alpha 001A,M1,Alpha 001,D1,Alpha
            O3,L4,Beta 001A,M3,Beta 001,D2,Beta
            O4,L5,Gamma 001A,M5,Gamma 001,D3,Gamma

            """)
        let reference = try SmallAreaReference.load(onsLookup: path, districts: ["D1", "D2"])
        #expect(reference.levels == [.oa11, .lsoa11, .msoa11])
        #expect(reference.codes(at: .oa11, in: ["D1"]) == ["O1", "O2"])
        #expect(reference.codes(at: .lsoa11, in: ["D1", "D2", "D3"]) == ["L1", "L4"])
        #expect(reference.district(of: "M3", at: .msoa11) == "D2")
        #expect(reference.name(of: "L4", at: .lsoa11) == "Beta 001A")
        #expect(reference.district(of: "O4", at: .oa11) == nil, "D3 was not asked for")
    }

    @Test func wardLookupGivesWards() throws {
        var reference = SmallAreaReference()
        try reference.add(onsLookup: folder.file("ward.csv", "FID,LSOA11CD,WD19CD,WD19NM,LAD19CD\n1,L1,W1,Hill,D1\n2,L4,W3,Fell,D2\n"))
        #expect(reference.levels == [.lsoa11, .ward])
        #expect(reference.district(of: "W3", at: .ward) == "D2")
        #expect(reference.name(of: "W1", at: .ward) == "Hill")
    }

    @Test func aDistrictColumnIsNeeded() {
        let path = folder.file("no-district.csv", "LSOA11CD,MSOA11CD\nL1,M1\n")
        let error = thrown(TableError.self) { _ = try SmallAreaReference.load(onsLookup: path) }
        #expect(error?.description == "\(path): no column named \"LAD??CD (the district code)\"; the header has \"LSOA11CD\", \"MSOA11CD\"")
    }

    @Test func checkedAgainstTheFixture() throws {
        let path = folder.file("oa.csv", """
            OA11CD,LSOA11CD,MSOA11CD,LAD17CD
            O1,L1,M1,D1
            O2,L2,M1,D1
            O3,L3,M2,D1
            O4,L4,M3,D2
            O5,L5,M3,D2

            """)
        let geography = try Fixture.geography(in: folder)
        let problems = geography.check(districts: ["D1", "D2"], reference: try SmallAreaReference.load(onsLookup: path))
        #expect(problems.map(\.description) == ["\(folder.path)/lsoa11.csv: LSOA (2011) L5 of district D2 is not mapped to any area; add a row for it"])
    }
}
