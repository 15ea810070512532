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

    /// The shares `forEachShare` gives, as `AreaShare`s.
    private func placed(_ geography: Geography, _ code: String, _ level: GeographyLevel) -> [AreaShare]? {
        var shares: [AreaShare] = []
        let known = geography.forEachShare(of: code, at: level) { area, weight in
            shares.append(AreaShare(areaCode: geography.areas[area].code, weight: weight))
        }
        return known ? shares : nil
    }

    @Test func forEachShareGoesWhereSharesSay() throws {
        let geography = try Fixture.geography(in: folder)
        let cases: [(String, GeographyLevel)] = [
            ("L1", .lsoa11), ("L3", .lsoa11), ("M3", .msoa11), ("W1", .ward), ("W2", .ward), ("D1", .district), ("D2", .district),
            ("A2", .area), ("L9", .lsoa11), ("D9", .district), ("Z9", .area), ("O1", .oa11), ("L1", .ward),
        ]
        for (code, level) in cases {
            #expect(placed(geography, code, level) == geography.shares(for: code, at: level), "\(code) at \(level)")
        }
    }

    @Test func aShareFinderFindsCodesInAnyOrder() throws {
        let geography = try Fixture.geography(in: folder)
        // In the lookup's order (the guess is right), out of order, repeated, unknown, and a
        // split ward: the same places as `shares` each time.
        for level: GeographyLevel in [.lsoa11, .ward] {
            var finder = geography.shareFinder(at: level)
            for code in ["L1", "L2", "L3", "L4", "L2", "L2", "L9", "L1", "W1", "W2", "W3", "W1"] {
                var shares: [AreaShare] = []
                let known = finder.forEachShare(of: code) { area, weight in
                    shares.append(AreaShare(areaCode: geography.areas[area].code, weight: weight))
                }
                #expect((known ? shares : nil) == geography.shares(for: code, at: level), "\(code) at \(level)")
            }
        }
        var districts = geography.shareFinder(at: .district)
        var inherited: [String] = []
        #expect(districts.forEachShare(of: "D1") { area, _ in inherited.append(geography.areas[area].code) })
        #expect(inherited == ["A1", "A2"])
    }
}
