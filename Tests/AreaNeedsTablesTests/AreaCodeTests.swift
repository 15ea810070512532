import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

@Suite("Area codes as values")
struct AreaCodeTests {
    /// Codes of every length around the two words a code holds itself (8 and 16 bytes) and
    /// past them, with bytes that sort differently as signed and unsigned, or as words.
    @Test func codesCompareHashAndReadBackAsTheirBytes() {
        var generator = SeededGenerator(seed: 3)
        let alphabet: [UInt8] = [0x00, 0x30, 0x31, 0x45, 0x57, 0x7F, 0x80, 0xC3, 0xFF]
        func code(_ bytes: [UInt8]) -> AreaCode { bytes.withUnsafeBytes(AreaCode.init(bytes:)) }
        for _ in 0..<5_000 {
            let a = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            // Often sharing a long prefix, as codes of one table do.
            var b = Array(a.prefix(Int.random(in: 0...a.count, using: &generator)))
            b += (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let (left, right) = (code(a), code(b))
            #expect((left < right) == a.lexicographicallyPrecedes(b), "\(a) < \(b)")
            #expect((left == right) == (a == b), "\(a) == \(b)")
            #expect(left.byteCount == a.count && left.withBytes(Array.init) == a)
            if a == b { #expect(left.hashValue == right.hashValue && left.quickHash == right.quickHash) }
            var list = AreaCodeList()
            list.append(left)
            #expect(list[0] == left && list.code(at: 0, is: left) && list.code(at: 0, is: right) == (a == b))
        }
    }

    @Test func codesAreMadeFromTextAndFieldsAlike() throws {
        let folder = TemporaryFolder()
        let path = folder.file("codes.csv", "code,name\nE01024821, Burnley 001A\n\"W0100000101234567890\",Long\n,Empty\n")
        let reader = try TableReader(path: path)
        let column = try reader.header.column("code")
        var codes: [AreaCode] = []
        try reader.forEachRecord { codes.append($0.areaCode(column)) }
        #expect(codes == [AreaCode("E01024821"), "W0100000101234567890", ""])
        #expect(codes.map(\.text) == ["E01024821", "W0100000101234567890", ""])
        #expect(codes.map(\.isEmpty) == [false, false, true])
        #expect(codes[0] < codes[1] && codes[2] < codes[0])
        #expect(Set(codes).count == 3 && "\(codes[1])" == "W0100000101234567890")
    }
}
