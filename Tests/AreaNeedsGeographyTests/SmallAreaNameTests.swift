import Testing
@testable import AreaNeedsGeography

@Suite("What LSOA and MSOA names say")
struct SmallAreaNameTests {
    @Test func msoaOfAnLsoaName() {
        #expect(SmallAreaName.msoaName(ofLsoa: "Burnley 001A") == "Burnley 001")
        #expect(SmallAreaName.msoaName(ofLsoa: "Ribble Valley 008F") == "Ribble Valley 008")
        #expect(SmallAreaName.msoaName(ofLsoa: "Burnley 001") == nil)
        #expect(SmallAreaName.msoaName(ofLsoa: "Burnley Wood") == nil)
        #expect(SmallAreaName.msoaName(ofLsoa: "001A") == nil)
    }

    @Test func districtAndNumber() {
        #expect(SmallAreaName.district(of: "West Lancashire 015C") == "West Lancashire")
        #expect(SmallAreaName.district(of: "Wyre Forest 010A") == "Wyre Forest")
        #expect(SmallAreaName.parts(of: "Preston 017")?.number == 17)
        #expect(SmallAreaName.district(of: "Preston 17A") == nil)
    }
}
