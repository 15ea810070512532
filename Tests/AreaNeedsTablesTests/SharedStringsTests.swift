import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsTables

/// A workbook's shared strings, held in memory up to a budget and read back from a
/// temporary file beyond it: the same fields either way.
@Suite("Shared strings")
struct SharedStringsTests {
    let folder = TemporaryFolder()

    @Test func stringsBeyondTheMemoryBudgetReadBackFromTheTemporaryFile() throws {
        let texts = (0..<500).map { index in index % 7 == 0 ? "name, \"\(index)\"" : "E0\(index)" }
        let path = folder.path + "/strings.xlsx"
        try WorkbookFile(sheets: [WorkbookFile.Sheet("S", rows: texts.map { [.text($0)] })]).write(to: path)
        let archive = try WorkbookArchive(path: path)
        let inMemory = try SharedStrings("xl/sharedStrings.xml", in: archive, limits: ReadLimits())
        let spilled = try SharedStrings("xl/sharedStrings.xml", in: archive, limits: ReadLimits(), memoryBudget: 1_000)
        #expect(inMemory.count == 500)
        #expect(spilled.count == 500)
        for index in 0..<500 {
            let expected = try inMemory.withField(index) { Array($0) }
            #expect(try spilled.withField(index) { Array($0) } == expected, "string \(index)")
        }
        #expect(try spilled.withField(7) { String(decoding: $0, as: UTF8.self) } == "\"name, \"\"7\"\"\"")
        #expect(try spilled.withField(500) { _ in () } == nil)
    }

    @Test func aSheetOfSpilledStringsReadsAsOneInMemory() throws {
        let rows: [[WorkbookCell?]] = [[.text("Code"), .text("Name")]] + (1...3_000).map { [.text("E\($0)"), .text("Area \($0), of many")] }
        let path = folder.path + "/many.xlsx"
        try WorkbookFile(sheets: [WorkbookFile.Sheet("S", rows: rows)]).write(to: path)
        let inMemory = try csv(of: path, memoryBudget: SharedStrings.memoryBudget)
        #expect(inMemory.hasSuffix("E3000,\"Area 3000, of many\"\n"))
        #expect(try csv(of: path, memoryBudget: 2_000) == inMemory)
    }

    /// The sheet's CSV text, its shared strings held in `memoryBudget` bytes.
    private func csv(of path: String, memoryBudget: Int) throws -> String {
        let workbook = try Workbook(path: path)
        workbook.sharedStringsMemoryBudget = memoryBudget
        let source = SheetSource.open(workbook.sheets[0], of: workbook)
        var bytes: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 12, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let got = try source.read(into: buffer)
            if got == 0 { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(contentsOf: buffer[0..<got])
        }
    }
}
