import AreaNeedsTestSupport
import Testing
import AreaNeedsGeography

@Suite("Resolving 2021 LSOAs through 2011 lookups")
struct Lsoa21ResolutionTests {
    let folder = TemporaryFolder()

    /// L1 and L2 split into N1, N2; L2 and L3 merge into N3; L3 and L4 change in a complex
    /// way into N4 and N5 (rows for N4 only); N6 comes from an LSOA the lookup does not know.
    static let bestFit = """
        LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND,LAD22CD
        L1,Alpha 001A,L1,Alpha 001A,U,D1
        L1,Alpha 001A,N1,Alpha 001E,S,D1
        L1,Alpha 001A,N2,Alpha 001F,S,D1
        L2,Alpha 001B,N3,Alpha 001G,M,D1
        L3,Alpha 002A,N3,Alpha 001G,M,D1
        L3,Alpha 002A,N4,Alpha 002B,X,D1
        L4,Beta 001A,N4,Alpha 002B,X,D1
        L9,Gamma 001A,N6,Beta 001C,S,D3

        """

    private func geography(population: [String: Double] = [:], bestFit: String? = Self.bestFit) throws -> Geography {
        try Fixture.geography(in: folder, bestFit: bestFit, lsoa11Population: population)
    }

    @Test func unchangedCodesGoThroughThe2011Lookup() throws {
        let resolution = try geography().resolveLsoa21("L3", name: "Alpha 002A")
        #expect(resolution == Lsoa21Resolution(route: .unchanged, shares: [AreaShare(areaCode: "A2", weight: 1)]))
    }

    @Test func splitGoesWhereItsParentGoes() throws {
        let resolution = try geography().resolveLsoa21("N2", name: nil)
        #expect(resolution == Lsoa21Resolution(route: .bestFit, shares: [AreaShare(areaCode: "A1", weight: 1)]))
    }

    @Test func mergeGoesWhereItsPartsGoEquallyWeighted() throws {
        let resolution = try geography().resolveLsoa21("N3", name: nil)
        #expect(resolution.route == .bestFit)
        #expect(resolution.shares == [AreaShare(areaCode: "A1", weight: 0.5), AreaShare(areaCode: "A2", weight: 0.5)])
    }

    @Test func mergeWeightedByPopulationWhenEveryPartHasOne() throws {
        let weighted = try geography(population: ["L2": 100, "L3": 300]).resolveLsoa21("N3", name: nil)
        #expect(weighted.shares == [AreaShare(areaCode: "A1", weight: 0.25), AreaShare(areaCode: "A2", weight: 0.75)])
        let partly = try geography(population: ["L2": 100]).resolveLsoa21("N3", name: nil)
        #expect(partly.shares == [AreaShare(areaCode: "A1", weight: 0.5), AreaShare(areaCode: "A2", weight: 0.5)])
    }

    @Test func complexChangeUsesTheRowsThereAre() throws {
        let resolution = try geography().resolveLsoa21("N4", name: nil)
        #expect(resolution == Lsoa21Resolution(route: .bestFit, shares: [AreaShare(areaCode: "A2", weight: 0.5), AreaShare(areaCode: "B1", weight: 0.5)]))
    }

    @Test func partsOutsideTheLookupFallBackToTheMsoaName() throws {
        let geography = try geography()
        #expect(geography.resolveLsoa21("N6", name: "Beta 001C") == Lsoa21Resolution(route: .msoaName, shares: [AreaShare(areaCode: "B1", weight: 1)]))
        #expect(geography.resolveLsoa21("N6", name: nil) == Lsoa21Resolution(route: .unresolved, shares: []))
    }

    @Test func withoutABestFitLookupNewCodesGoByMsoaName() throws {
        let geography = try geography(bestFit: nil)
        #expect(geography.resolveLsoa21("N9", name: "Alpha 002C") == Lsoa21Resolution(route: .msoaName, shares: [AreaShare(areaCode: "A2", weight: 1)]))
        #expect(geography.shares(for: "N9", at: .lsoa21, name: "Alpha 002C") == [AreaShare(areaCode: "A2", weight: 1)])
        #expect(geography.resolveLsoa21("N9", name: "Alpha 005A").route == .unresolved, "no MSOA Alpha 005")
        #expect(geography.resolveLsoa21("N9", name: "Alpha 002").route == .unresolved, "an MSOA name is not an LSOA name")
        #expect(geography.shares(for: "N9", at: .lsoa21, name: "Alpha 005A") == nil)
    }

    @Test func aLookupFrom2021LsoasComesFirst() throws {
        let lsoa21 = "lsoa21_code,spa_code\nL1,A2\n"
        let geography = try Fixture.geography(in: folder, lookups: [.lsoa11: Fixture.lsoa11, .lsoa21: lsoa21])
        #expect(geography.resolveLsoa21("L1", name: nil) == Lsoa21Resolution(route: .lookup, shares: [AreaShare(areaCode: "A2", weight: 1)]))
        #expect(geography.resolveLsoa21("L2", name: nil).route == .unchanged)
    }

    @Test func tallyCountsRoutesAndListsTheUnresolved() throws {
        let geography = try geography()
        var tally = Lsoa21Tally()
        for (code, name) in [("L1", "Alpha 001A"), ("N1", "Alpha 001E"), ("N3", "Alpha 001G"), ("N7", "Alpha 001H"), ("N8", "Gamma 001A")] {
            tally.add(code, geography.resolveLsoa21(code, name: name))
        }
        #expect(tally.counts == [.unchanged: 1, .bestFit: 2, .msoaName: 1, .unresolved: 1])
        #expect(tally.unresolved == ["N8"])
        #expect(tally.description == "5 LSOAs (2021): 1 unchanged, 2 best-fit, 1 msoa-name, 1 unresolved; unresolved: N8")
    }
}
