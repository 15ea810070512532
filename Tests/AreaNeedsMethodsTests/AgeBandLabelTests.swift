import Testing
import AreaNeedsMethods

@Suite("Age band labels as publishers write them")
struct AgeBandLabelTests {
    @Test(arguments: [
        // phe_life_expectancy's own examples and tests: "1-4", "5-9", "10 – 14" (en dash), "90 +".
        ("0", 0, AgeBandLabel.Upper.unstated),
        ("1-4", 1, .through(4)),
        ("5 – 9", 5, .through(9)),
        ("10 \u{2013} 14", 10, .through(14)),
        ("85-89", 85, .through(89)),
        ("90+", 90, .open),
        ("90 +", 90, .open),
        // ONS and Census 2021 wording.
        ("<1", 0, .through(0)),
        ("Under 1", 0, .through(0)),
        ("Aged under 1 year", 0, .through(0)),
        ("Aged 5 to 9", 5, .through(9)),
        ("Aged 5 to 9 years", 5, .through(9)),
        ("Aged 4 years and under", 0, .through(4)),
        ("Aged 90 years and over", 90, .open),
        ("90 and over", 90, .open),
        ("85 plus", 85, .open),
        // A plain number is a start age.
        ("45", 45, .unstated),
        (" 5 ", 5, .unstated),
    ])
    func reads(text: String, start: Int, upper: AgeBandLabel.Upper) throws {
        let label = try #require(AgeBandLabel(text))
        #expect(label == AgeBandLabel(start: start, upper: upper))
    }

    @Test(arguments: ["", "adults", "5 to", "-5", "9-5", "5-9-14", "1e3", "five", "<0", "90++", "1000"])
    func refusesWhatIsNoAgeBand(text: String) {
        #expect(AgeBandLabel(text) == nil)
    }
}
