import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

@Suite("Maps and sets of area codes")
struct CodeMapTests {
    @Test func behavesAsADictionary() {
        var map = CodeMap<Int>()
        var dictionary: [String: Int] = [:]
        var generator = SeededGenerator(seed: 7)
        // Codes as published, and awkward ones: empty, long (more than one 8-byte word),
        // non-ASCII, and ones that differ only in their last byte.
        var codes = (0..<5_000).map { String(format: "E%08d", $0 * 37 % 100_000) }
        codes += ["", "E", "E01024821", "W0100000101234567890", "Ynys Môn 001A", "E0000000a", "E0000000b"]
        for _ in 0..<20_000 {
            let code = codes.randomElement(using: &generator)!
            let value = Int.random(in: 0..<1_000, using: &generator)
            #expect(map.updateValue(value, forKey: AreaCode(code)) == dictionary.updateValue(value, forKey: code))
        }
        #expect(map.count == dictionary.count)
        for code in codes { #expect(map[AreaCode(code)] == dictionary[code], "\(code)") }
        #expect(map["absent"] == nil && map.position(of: "E99999999") == nil)
        #expect(Set(map.keys.map(\.text)) == Set(dictionary.keys))
    }

    @Test func keepsTheOrderCodesCameInAndTheirPositions() {
        var map = CodeMap<String>()
        for (index, code) in ["E2", "E1", "E3"].enumerated() { map[AreaCode(code)] = "v\(index)" }
        map["E1"] = "again"
        #expect(map.keys == ["E2", "E1", "E3"] && map.values == ["v0", "again", "v2"])
        #expect(map.position(of: "E3") == 2)
        map.reserveCapacity(10_000)
        #expect(map["E3"] == "v2" && map["E1"] == "again" && map.count == 3)
        for index in 0..<10_000 { map[AreaCode("X\(index)")] = "\(index)" }
        #expect(map["X9999"] == "9999" && map.position(of: "E2") == 0)
    }

    @Test func seenCodesFindRepeatsInOrderAndOutOfOrder() {
        var seen = SeenCodes()
        // In code order: nothing is hashed, nothing repeats.
        #expect(seen.updateValue(2, forKey: "E01") == nil)
        #expect(seen.updateValue(3, forKey: "E02") == nil)
        #expect(seen.updateValue(4, forKey: "E05") == nil)
        // Out of order: a code seen before is a repeat, with its first line.
        #expect(seen.updateValue(5, forKey: "E02") == 3)
        #expect(seen.updateValue(6, forKey: "E03") == nil)
        #expect(seen.updateValue(7, forKey: "E06") == nil)
        #expect(seen.updateValue(8, forKey: "E01") == 2)
        #expect(seen.updateValue(9, forKey: "E06") == 7)
        #expect(seen.count == 5)
    }

    @Test func seenCodesAreLookedUpAndListedInEitherState() {
        var seen = SeenCodes()
        for (line, code) in ["E01", "E03", "E05"].enumerated() { _ = seen.updateValue(line + 2, forKey: AreaCode(code)) }
        // In order, found by searching the sorted codes.
        #expect(seen["E03"] == 3 && seen["E01"] == 2 && seen["E05"] == 4)
        #expect(seen["E02"] == nil && seen["E00"] == nil && seen["E09"] == nil)
        _ = seen.updateValue(5, forKey: "E02")
        // Out of order, found by the map.
        #expect(seen["E02"] == 5 && seen["E05"] == 4 && seen["E04"] == nil)
        var listed: [String] = []
        seen.forEachCode(notIn: SeenCodes()) { code, line in listed.append("\(code)@\(line)") }
        #expect(listed == ["E01@2", "E03@3", "E05@4", "E02@5"])
    }

    /// The codes one table has and another lacks, in the order read, whether either is still
    /// in code order (walked side by side) or not (looked up).
    @Test(arguments: [false, true], [false, true])
    func codesMissingFromAnotherTableAreFoundInEitherState(firstOutOfOrder: Bool, secondOutOfOrder: Bool) {
        func seen(_ codes: [String]) -> SeenCodes {
            var seen = SeenCodes()
            for (line, code) in codes.enumerated() { _ = seen.updateValue(line + 2, forKey: AreaCode(code)) }
            return seen
        }
        let first = seen(["E01", "E02", "E04", "E07", "E0700", "E09"] + (firstOutOfOrder ? ["E00"] : []))
        let second = seen(["E00", "E02", "E03", "E07", "E08", "E10"] + (secondOutOfOrder ? ["E01"] : []))
        var onlyFirst: [String] = []
        first.forEachCode(notIn: second) { code, line in onlyFirst.append("\(code)@\(line)") }
        var onlySecond: [String] = []
        second.forEachCode(notIn: first) { code, line in onlySecond.append("\(code)@\(line)") }
        #expect(onlyFirst == (secondOutOfOrder ? [] : ["E01@2"]) + ["E04@4", "E0700@6", "E09@7"])
        #expect(onlySecond == (firstOutOfOrder ? [] : ["E00@2"]) + ["E03@4", "E08@6", "E10@7"])
    }

    @Test func aRepeatRightAfterItselfIsFound() {
        var seen = SeenCodes()
        #expect(seen.updateValue(2, forKey: "E01") == nil)
        #expect(seen.updateValue(3, forKey: "E01") == 2)
    }
}
