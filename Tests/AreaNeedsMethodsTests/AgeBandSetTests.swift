import Testing
import AreaNeedsMethods

@Suite("Sets of age bands")
struct AgeBandSetTests {
    @Test func findsBandsGivenTwiceOrNotAtAll() {
        var seen = AgeBandSet()
        #expect(seen.firstMissing(of: 3) == 0)
        let first = seen.insert(0)
        let second = seen.insert(2)
        let again = seen.insert(2)
        #expect(first && second)
        #expect(!again, "a band given twice")
        #expect(seen.count == 2)
        #expect(seen.contains(2) && !seen.contains(1) && !seen.contains(70))
        #expect(seen.firstMissing(of: 3) == 1)
        seen.insert(1)
        #expect(seen.firstMissing(of: 3) == nil)
        #expect(seen.firstMissing(of: 4) == 3)
    }

    @Test func namesTheBandGivenTwiceOrMissing() throws {
        // What the stage keeps for each small area: its rows' bands.
        let scheme = try AgeBandScheme(startAges: [0, 1, 5])
        var smallArea = AgeBandSet()
        try smallArea.insert(0, of: scheme)
        try smallArea.insert(2, of: scheme)
        #expect(throws: AgeBandError.duplicatedBand(scheme.band(2))) { try smallArea.insert(2, of: scheme) }
        #expect(throws: AgeBandError.missingBand(scheme.band(1))) { try smallArea.requireEvery(of: scheme) }
        try smallArea.insert(1, of: scheme)
        try smallArea.requireEvery(of: scheme)
    }

    @Test func holdsSixtyFourBands() {
        var seen = AgeBandSet()
        for band in 0..<63 { seen.insert(band) }
        #expect(seen.firstMissing(of: 64) == 63)
        seen.insert(63)
        #expect(seen.firstMissing(of: 64) == nil)
        #expect(seen.count == 64)
    }
}
