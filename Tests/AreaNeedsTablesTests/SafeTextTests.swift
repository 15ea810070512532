import Testing
@testable import AreaNeedsTables

@Suite("Text that can be published, and shown safely")
struct SafeTextTests {
    @Test(arguments: [
        "=HYPERLINK(\"http://x\",\"click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
    ])
    func formulaStartsCannotBePublished(text: String) {
        let problem = SafeText.problem(in: text)
        #expect(problem?.contains("makes a spreadsheet read the cell as a formula") == true)
    }

    @Test(arguments: [
        "North\u{1B}[31mOne", "Bell\u{07}", "Null\u{00}", "Del\u{7F}", "C1\u{9B}31m", "\u{202E}evil", "isolate\u{2066}x", "two\nlines",
    ])
    func controlCharactersCannotBePublished(text: String) {
        #expect(SafeText.problem(in: text)?.contains("control character") == true)
    }

    @Test(arguments: ["Burnley", "Ribble Valley South", "R&D - plans", "E02001234", "Lancashire's", "£5 (2020-21)", "a=b", "Ynys Môn", ""])
    func plainTextCanBePublished(text: String) {
        #expect(SafeText.problem(in: text) == nil)
    }

    @Test func lineFeedsOnlyWhereTextIsMultiline() {
        #expect(SafeText.problem(in: "first\nsecond", multiline: true) == nil)
        #expect(SafeText.problem(in: "first\r\nsecond", multiline: true) != nil)
        #expect(SafeText.problem(in: "=first\nsecond", multiline: true) != nil)
    }

    /// The byte check that codes take reaches the same verdict as the text check.
    @Test(arguments: ["E01", "=1", "+1", "-1", "@a", "a\u{1B}", "a\u{85}b", "a\u{202D}", "Môn", "a\u{2028}b", "€5", "a\tb", "\t"])
    func bytesAndTextAgree(text: String) {
        var copy = text
        let fromBytes = copy.withUTF8 { SafeText.problem(inUTF8: UnsafeRawBufferPointer($0)) }
        #expect(fromBytes == SafeText.problem(in: text))
    }

    @Test func visibleShowsEveryControlCharacter() {
        #expect(SafeText.visible("North\u{1B}]0;x\u{07}One") == "North\\u001B]0;x\\u0007One")
        #expect(SafeText.visible("\u{202E}evil\u{9B}") == "\\u202Eevil\\u009B")
        #expect(SafeText.visible("two\nlines\r") == "two\nlines\\u000D")
        #expect(SafeText.visible("tab\there", keeping: ["\t"]) == "tab\there")
        #expect(SafeText.visible("plain £ text") == "plain £ text")
    }

    @Test func excerptIsShortOnOneLineAndVisible() {
        #expect(SafeText.excerpt(String(repeating: "a", count: 100), limit: 10) == "aaaaaaaaaa…")
        #expect(SafeText.excerpt("a\nb\u{1B}", limit: 10) == "a\\u000Ab\\u001B")
        #expect(SafeText.excerpt("short") == "short")
    }
}
