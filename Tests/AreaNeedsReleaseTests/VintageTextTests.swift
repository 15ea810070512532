import Testing
@testable import AreaNeedsRelease

/// Vintages recorded as the periods sources publish, shown as a reader would write them.
@Suite("Vintages as a reader writes them")
struct VintageTextTests {
    @Test(arguments: [
        ("2024-09-01/P1Y", "2024/25"),             // an academic year
        ("2023-04-01/P1Y", "2023/24"),             // a financial year
        ("2022-01-01/P1Y", "2022"),
        ("2022-01-01/P3Y", "2022 to 2024"),        // three calendar years
        ("2025-04-30", "30 April 2025"),           // one day
        ("2024-02-29", "29 February 2024"),
        ("2023-04-01/2023-09-30", "April 2023 to September 2023"),
        ("2023-04-15/P10D", "15 April 2023 to 24 April 2023"),
    ])
    func isoPeriodsReadAsWords(_ vintage: String, _ expected: String) {
        #expect(VintageText.readable(vintage) == expected)
    }

    @Test(arguments: ["Census 2021", "IoD 2019", "2024/25", "2020", "May 2025", "", "2024-13-01/P1Y"])
    func otherVintagesAreShownAsWritten(_ vintage: String) {
        #expect(VintageText.readable(vintage) == vintage)
    }
}
