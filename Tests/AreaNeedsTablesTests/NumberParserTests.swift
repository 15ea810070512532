import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

@Suite("Numbers as government tables write them")
struct NumberParserTests {
    let parser = NumberParser()

    @Test(arguments: [
        ("0", 0.0), ("42", 42), ("-7", -7), ("+3", 3), ("3.25", 3.25), (".5", 0.5), ("5.", 5),
        ("1,234", 1234), ("12,345,678", 12_345_678), ("-1,234.5", -1234.5),
        ("12.5%", 12.5), ("100%", 100), ("£1,234", 1234), ("-£5", -5),
        ("1e3", 1000), ("2.5E-3", 0.0025), (" 17 ", 17), ("007", 7),
        ("4.273504273504273", 4.273504273504273), ("0.1", 0.1),
    ])
    func readsNumbers(text: String, value: Double) {
        #expect(parser.parse(text) == .number(value))
    }

    @Test(arguments: ["", "*", "..", ".", "c", "C", "x", "X", "z", "Z", "-", ":", "[c]", "[x]", "[z]", "[X]", "  ..  "])
    func suppressionMarkersAreMissingWithTheirReason(text: String) {
        let trimmed = text.trimmingWhitespace()
        #expect(parser.parse(text) == .missing(marker: trimmed))
    }

    @Test(arguments: ["abc", "1,23", "1,2345", ",123", "1,,234", "12a", "--5", "1.2.3", "e5", "1e", "%", "+", "inf", "nan", "0x10", "1 234", "12%%"])
    func rejectsWhatIsNotANumber(text: String) {
        #expect(parser.parse(text) == nil)
    }

    /// A number a double cannot hold would read as infinite: it is not a number, so every
    /// figure read is finite.
    @Test(arguments: ["1e309", "-1e309", "1e99999", "1.8e308", String(repeating: "9", count: 400), "£1e400", "1e309%"])
    func numbersBeyondADoubleAreNotNumbers(text: String) {
        #expect(parser.parse(text) == nil)
    }

    @Test func theLargestDoubleIsStillANumber() {
        #expect(parser.parse("1.7976931348623157e308") == .number(.greatestFiniteMagnitude))
        #expect(parser.parse("4.9e-324") == .number(.leastNonzeroMagnitude))
        #expect(parser.parse("1e-400") == .number(0))
    }

    @Test func extraMarkersAreAdded() {
        let parser = NumberParser(extraMissingMarkers: ["n/a", "#N/A"])
        #expect(parser.parse("N/A") == .missing(marker: "N/A"))
        #expect(parser.parse("#n/a") == .missing(marker: "#n/a"))
        #expect(NumberParser().parse("n/a") == nil)
    }

    @Test func agreesWithTheStandardLibraryOnRandomDecimals() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<20_000 {
            let value = Double.random(in: -1e6...1e6, using: &generator)
            let digits = Int.random(in: 0...17, using: &generator)
            let text = digits == 17 ? "\(value)" : String(format: "%.\(digits)f", value)
            #expect(parser.parse(text)?.number == Double(text), "\(text)")
        }
    }

    @Test func longMantissasAreCorrectlyRounded() {
        for text in ["123456789012345678901234567890", "0.1000000000000000055511151231257827",
                     "9007199254740993", "1.7976931348623157e308", "4.9e-324", "2.2250738585072014e-308"] {
            #expect(parser.parse(text)?.number == Double(text), "\(text)")
        }
    }
}
