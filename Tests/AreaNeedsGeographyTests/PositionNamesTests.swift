import Testing
@testable import AreaNeedsGeography

@Suite("Naming a district's areas by position")
struct PositionNamesTests {
    @Test func namesByPosition() {
        #expect(PositionNames.names(district: "Burnley", count: 3) == ["Burnley North", "Burnley Central", "Burnley South"])
        #expect(PositionNames.names(district: "Fylde", count: 2) == ["Fylde North", "Fylde South"])
        #expect(PositionNames.names(district: "Preston", count: 4)
            == ["Preston North", "Preston North Central", "Preston South Central", "Preston South"])
        #expect(PositionNames.names(district: "Wyre", count: 1) == ["Wyre"])
        #expect(PositionNames.names(district: "Leeds", count: 6).last == "Leeds 6")
    }
}
