import Testing
@testable import AreaNeedsTables

@Suite("Sheet columns")
struct SheetColumnTests {
    func number(_ reference: String) -> Int? {
        Array(reference.utf8).withUnsafeBytes(SheetColumn.number(ofReference:))
    }

    @Test func referencesNameTheirColumn() {
        #expect(number("A1") == 1)
        #expect(number("d7") == 4)
        #expect(number("AA10") == 27)
        #expect(number("XFD1048576") == 16_384)
        #expect(SheetColumn.letters(16_384) == "XFD")
    }

    /// A damaged workbook can name a cell with any run of letters: beyond three there is
    /// no column, and a long run (it overflowed, and trapped) is no column either.
    @Test(arguments: ["AAAA1", String(repeating: "Z", count: 40) + "1", "", "1", "$A$1"])
    func whatNamesNoColumn(reference: String) {
        #expect(number(reference) == nil)
    }
}
