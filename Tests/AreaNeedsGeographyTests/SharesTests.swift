import AreaNeedsTestSupport
import Testing
import AreaNeedsGeography

@Suite("Where a small area's figures go")
struct SharesTests {
    let folder = TemporaryFolder()

    @Test func smallAreaWhollyInOneArea() throws {
        let geography = try Fixture.geography(in: folder)
        #expect(geography.shares(for: "L3", at: .lsoa11) == [AreaShare(areaCode: "A2", weight: 1)])
        #expect(geography.shares(for: "M3", at: .msoa11) == [AreaShare(areaCode: "B1", weight: 1)])
    }

    @Test func splitSmallAreaCarriesItsWeights() throws {
        let geography = try Fixture.geography(in: folder)
        #expect(geography.shares(for: "W1", at: .ward) == [AreaShare(areaCode: "A1", weight: 0.25), AreaShare(areaCode: "A2", weight: 0.75)])
    }

    @Test func districtFiguresAreInheritedByEveryAreaOfTheDistrict() throws {
        let geography = try Fixture.geography(in: folder)
        #expect(geography.shares(for: "D1", at: .district) == [AreaShare(areaCode: "A1", weight: 1), AreaShare(areaCode: "A2", weight: 1)])
        #expect(geography.shares(for: "D2", at: .district) == [AreaShare(areaCode: "B1", weight: 1)])
    }

    @Test func areaFiguresStayWithTheArea() throws {
        let geography = try Fixture.geography(in: folder)
        #expect(geography.shares(for: "A2", at: .area) == [AreaShare(areaCode: "A2", weight: 1)])
    }

    @Test func unknownCodesGiveNil() throws {
        let geography = try Fixture.geography(in: folder)
        #expect(geography.shares(for: "L9", at: .lsoa11) == nil)
        #expect(geography.shares(for: "D9", at: .district) == nil)
        #expect(geography.shares(for: "Z9", at: .area) == nil)
        #expect(geography.shares(for: "O1", at: .oa11) == nil, "no OA lookup was given")
        #expect(geography.shares(for: "L1", at: .ward) == nil, "codes of one geography are unknown at another")
    }
}
