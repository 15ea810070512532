import Testing
import AreaNeedsMethods

@Suite("Age band schemes")
struct AgeBandSchemeTests {
    @Test func standardHasTheTwentyBandsOfPheLifeExpectancy() {
        // phe_life_expectancy's default age_contents: 0, 1, 5, 10, ..., 85, 90.
        let scheme = AgeBandScheme.standard
        #expect(scheme.startAges == [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90])
        #expect(scheme.description == "0, 1-4, 5-9, 10-14, 15-19, 20-24, 25-29, 30-34, 35-39, 40-44, 45-49, 50-54, 55-59, 60-64, 65-69, 70-74, 75-79, 80-84, 85-89, 90+")
        #expect(scheme.band(0) == AgeBand(index: 0, start: 0, end: 0))
        #expect(scheme.band(19) == AgeBand(index: 19, start: 90, end: nil))
    }

    @Test func findsTheBandALabelNames() throws {
        let scheme = AgeBandScheme.standard
        #expect(try scheme.index(labelled: "0") == 0)
        #expect(try scheme.index(labelled: "Under 1") == 0)
        #expect(try scheme.index(labelled: "1-4") == 1)
        #expect(try scheme.index(labelled: "10 – 14") == 3)
        #expect(try scheme.index(labelled: "65") == 14)
        #expect(try scheme.index(labelled: "90 +") == 19)
        #expect(try scheme.index(labelled: "Aged 90 years and over") == 19)
        #expect(scheme.index(startingAt: 65) == 14)
        #expect(scheme.index(startingAt: 66) == nil)
    }

    @Test func refusesLabelsOfOtherBands() {
        let scheme = AgeBandScheme.standard
        // 0-4 is a band of the 19-band scheme, not of the standard 20.
        #expect(throws: AgeBandError.labelNotInScheme("0-4", scheme: scheme.description)) { try scheme.index(labelled: "0-4") }
        // 85+ would be open, but 85-89 is not the last band here.
        #expect(throws: AgeBandError.labelNotInScheme("85+", scheme: scheme.description)) { try scheme.index(labelled: "85+") }
        #expect(throws: AgeBandError.labelNotInScheme("90-94", scheme: scheme.description)) { try scheme.index(labelled: "90-94") }
        #expect(throws: AgeBandError.labelNotInScheme("3", scheme: scheme.description)) { try scheme.index(labelled: "3") }
        #expect(throws: AgeBandError.unknownLabel("adults")) { try scheme.index(labelled: "adults") }
    }

    @Test func customSchemeForAnotherStandardPopulation() throws {
        // PHEindicatormethods' esp2013 vector: 19 bands, 0-4 to 90+.
        let scheme = try AgeBandScheme(startAges: Array(stride(from: 0, through: 90, by: 5)))
        #expect(scheme.count == 19)
        #expect(try scheme.index(labelled: "0-4") == 0)
        #expect(try scheme.index(labelled: "90+") == 18)
        #expect(scheme.band(0).label == "0-4")
    }

    @Test func refusesListsThatAreNoScheme() {
        #expect(throws: AgeBandError.invalidScheme("no bands")) { try AgeBandScheme(startAges: []) }
        #expect(throws: AgeBandError.invalidScheme("start age 5 does not follow 10 in rising order")) {
            try AgeBandScheme(startAges: [0, 10, 5])
        }
        #expect(throws: AgeBandError.invalidScheme("start age 10 does not follow 10 in rising order")) {
            try AgeBandScheme(startAges: [0, 10, 10])
        }
        #expect(throws: AgeBandError.invalidScheme("a negative start age, -1")) { try AgeBandScheme(startAges: [-1, 5]) }
        #expect(throws: AgeBandError.invalidScheme("65 bands, more than 64")) { try AgeBandScheme(startAges: Array(0..<65)) }
    }

    @Test func errorsSayWhatIsWrong() {
        let band = AgeBandScheme.standard.band(1)
        #expect(AgeBandError.missingBand(band).description == "age band 1-4 is missing")
        #expect(AgeBandError.duplicatedBand(band).description == "age band 1-4 is given more than once")
        #expect(AgeBandError.unknownLabel("adults").description.hasPrefix("unknown age band 'adults'"))
    }
}
