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

    /// The table writer, the need table's figure text and `format` must give the same bytes:
    /// a release's tables are compared byte by byte from one version to the next.
    @Test(arguments: [0.0, -0.0, 7, -7, 0.1, 1e-7, 999_999_999_999_999, -999_999_999_999_999, 1e15, -1e15, 9_007_199_254_740_993, 2.5e20])
    func everyWayOfWritingANumberGivesTheSameText(value: Double) throws {
        var appended: [UInt8] = []
        NumberText.append(value, to: &appended)
        let folder = TemporaryFolder()
        let writer = try TableWriter(path: folder.path + "/n.csv", columns: ["n"])
        try writer.writeRow { $0.append(number: value) }
        try writer.finish()
        let text = NumberText.format(value)
        #expect(String(decoding: appended, as: UTF8.self) == text)
        #expect(folder.bytes(of: "n.csv") == Array("n\n\(text)\n".utf8))
    }

    @Test(arguments: [0, 1, -1, 9, 10, -10, 1234567890, Int.max, Int.min])
    func wholeNumbersAreWrittenAsSwiftPrintsThem(value: Int) {
        var bytes = [UInt8](repeating: 0, count: NumberText.maxWholeNumberBytes)
        let count = bytes.withUnsafeMutableBufferPointer { NumberText.write(value, to: $0.baseAddress!) }
        #expect(String(decoding: bytes[..<count], as: UTF8.self) == String(value))
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
