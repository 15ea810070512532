import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

@Suite("Numbers written as the shortest text that reads back the same")
struct NumberTextTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (1, "1"), (-3, "-3"), (0.1, "0.1"), (0.25, "0.25"),
        (1e-5, "0.00001"), (1.5e-7, "0.00000015"), (123456.789, "123456.789"),
        (1e15, "1000000000000000"), (1.25e20, "125000000000000000000"), (-2.5e-10, "-0.00000000025"),
        (1.0 / 3.0, "0.3333333333333333"), (32844, "32844"),
    ])
    func formats(value: Double, text: String) {
        #expect(NumberText.format(value) == text)
    }

    @Test func roundTripsRandomDoubles() {
        var generator = SeededGenerator(seed: 9)
        let parser = NumberParser()
        for _ in 0..<20_000 {
            let bits = generator.next()
            let value = Double(bitPattern: bits)
            guard value.isFinite else { continue }
            let text = NumberText.format(value)
            #expect(!text.contains("e") && !text.contains("E"))
            #expect(parser.parse(text)?.number == value, "\(value) -> \(text)")
        }
    }
}
