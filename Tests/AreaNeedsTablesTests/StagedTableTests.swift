import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsTables

@Suite("Staged tables")
struct StagedTableTests {
    let folder = TemporaryFolder()
    let columns: [StagedColumn] = [.init("code", .text), .init("value", .number), .init("line", .count)]

    func write(_ name: String, rows: [(String, Double?, Int)]) throws -> String {
        let path = folder.path + "/" + name
        let writer = try StagedTableWriter(path: path, columns: columns)
        for (code, value, line) in rows {
            try writer.writeRow { row in
                row.append(code)
                row.append(number: value)
                row.append(count: line)
            }
        }
        try writer.finish()
        return path
    }

    func read(_ path: String) throws -> [(String, Double?, Int)] {
        let reader = try StagedTableReader(path: path)
        let code = try reader.column("code", .text)
        let value = try reader.column("value", .number)
        let line = try reader.column("line", .count)
        var rows: [(String, Double?, Int)] = []
        try reader.forEachRow { row in rows.append((row.text(code), row.number(value), row.count(line))) }
        return rows
    }

    /// Codes written as `AreaCode`s and fields copied from a source's record read back as
    /// the text written, whatever their length; the same bytes as text written as text.
    @Test func codesAndCopiedFieldsReadBackAsWritten() throws {
        let source = folder.file("source.csv", "code,name\nE01,Burnley 001A\nW0100000101234567890,\n,Ynys Môn\n")
        let reader = try TableReader(path: source)
        let (code, name) = try (reader.header.column("code"), reader.header.column("name"))
        let writer = try StagedTableWriter(path: folder.path + "/codes.staged", columns: [.init("code", .text), .init("name", .text)])
        try reader.forEachRecord { record in
            try writer.writeRow { row in
                row.append(record.areaCode(code))
                row.append(name, of: record)
            }
        }
        try writer.finish()
        let staged = try StagedTableReader(path: folder.path + "/codes.staged")
        var back: [String] = []
        try staged.forEachRow { row in back.append("\(row.areaCode(0))|\(row.text(0))|\(row.text(1))") }
        #expect(back == ["E01|E01|Burnley 001A", "W0100000101234567890|W0100000101234567890|", "||Ynys Môn"])
        let asText = try write("text.staged", rows: [("E01", nil, 0)])
        let asCode = folder.path + "/code.staged"
        let codeWriter = try StagedTableWriter(path: asCode, columns: columns)
        try codeWriter.writeRow { row in
            row.append(AreaCode("E01"))
            row.append(number: nil)
            row.append(count: 0)
        }
        try codeWriter.finish()
        #expect(folder.bytes(of: "code.staged") == folder.bytes(of: "text.staged") && asText.hasSuffix("text.staged"))
    }

    @Test func everyValueReadsBackExactly() throws {
        let values: [Double?] = [0, 16, 245, 9_007_199_254_740_992, 9_007_199_254_740_994, 0.1, -3, -0.0, 1e-300, 1.5e300,
                                 Double.leastNonzeroMagnitude, -Double.greatestFiniteMagnitude, nil, 2.5]
        let rows = values.enumerated().map { ("E0\($0.offset)", $0.element, $0.offset * 1000) }
            + [("", nil, 0), ("Ynys Môn, \"quoted\"\nline", 7, Int.max)]
        let back = try read(try write("t.staged", rows: rows))
        #expect(back.count == rows.count)
        for (written, read) in zip(rows, back) {
            #expect(written.0 == read.0)
            #expect(written.1?.bitPattern == read.1?.bitPattern, "\(String(describing: written.1))")
            #expect(written.2 == read.2)
        }
    }

    @Test func rowsLargerThanTheReadBufferReadBack() throws {
        // The reader's buffer starts at 256 KB: these rows straddle it and outgrow it.
        let long = String(repeating: "x", count: 700_000)
        let rows = (0..<5000).map { ("E\($0)", Double($0) / 3, $0) } + [(long, 1.0, 1), ("after", nil, 2)]
        let back = try read(try write("big.staged", rows: rows))
        #expect(back.map(\.0) == rows.map(\.0))
        #expect(back.map(\.1) == rows.map(\.1))
    }

    @Test func showsAsTheCSVItStandsFor() throws {
        let path = try write("t.staged", rows: [("E01", 0.25, 2), ("E02, x", nil, 3), ("E03", 1234, 4)])
        var text = ""
        try StagedTableReader(path: path).writeCSV { text += String(decoding: $0, as: UTF8.self) }
        #expect(text == "code,value,line\nE01,0.25,2\n\"E02, x\",,3\nE03,1234,4\n")
        #expect(try StagedTableReader(path: path).texts() == [["E01", "0.25", "2"], ["E02, x", "", "3"], ["E03", "1234", "4"]])
    }

    @Test func anEmptyTableHasItsColumns() throws {
        let path = try write("empty.staged", rows: [])
        let reader = try StagedTableReader(path: path)
        #expect(reader.columns == columns)
        #expect(try reader.texts().isEmpty)
    }

    @Test func nothingAppearsUntilFinishedAndAFailedRowLeavesNothing() throws {
        let path = folder.path + "/pending.staged"
        struct Refused: Error {}
        do {
            let writer = try StagedTableWriter(path: path, columns: columns)
            try writer.writeRow { row in
                row.append("E01")
                row.append(number: 1)
                row.append(count: 2)
            }
            #expect(throws: Refused.self) {
                try writer.writeRow { row in
                    row.append("E02")
                    throw Refused()
                }
            }
            #expect(throws: TableError.self) { try writer.writeRow { row in row.append("E03") } }
            #expect(!FileManager.default.fileExists(atPath: path))
            try writer.finish()
        }
        #expect(try read(path).map(\.0) == ["E01"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pending.staged"])
    }

    @Test func aCutOffTableIsAnErrorNamingTheFile() throws {
        _ = try write("t.staged", rows: (0..<100).map { ("E\($0)", Double($0), $0) })
        let whole = folder.bytes(of: "t.staged")
        for length in [whole.count - 1, whole.count - 9, whole.count / 2, 30] {
            let cut = folder.file("cut.staged", bytes: Array(whole.prefix(length)))
            #expect {
                _ = try read(cut)
            } throws: { error in
                let text = "\(error)"
                return text.contains(cut) && text.contains("not a whole staged table") && text.contains("run the stage that writes it again")
            }
        }
    }

    @Test func aDamagedByteAnywhereIsReadOrRefusedNeverACrash() throws {
        _ = try write("t.staged", rows: [("E01", 0.5, 1), ("E02", nil, 2), ("E03", 7, 3)])
        let whole = folder.bytes(of: "t.staged")
        var refused = 0
        for position in whole.indices {
            for value: UInt8 in [0x00, 0x01, 0x02, 0x7F, 0x80, 0xFF] where whole[position] != value {
                var damaged = whole
                damaged[position] = value
                let path = folder.file("damaged.staged", bytes: damaged)
                do { _ = try read(path) } catch { refused += 1 }
            }
        }
        // Most damage shows: the marks, kinds, lengths and the row count all check each other.
        #expect(refused > whole.count * 3)
    }

    @Test func otherFilesAndWrongColumnsAreRefused() throws {
        let csv = folder.file("table.csv", "code,value\nE01,1\n")
        #expect { _ = try StagedTableReader(path: csv) } throws: { "\($0)".contains("not an AreaNeeds staged table") }
        #expect(throws: TableError(.fileNotFound, file: folder.path + "/none.staged")) {
            _ = try StagedTableReader(path: folder.path + "/none.staged")
        }
        let reader = try StagedTableReader(path: try write("t.staged", rows: [("E01", 1, 1)]))
        #expect { _ = try reader.column("cost", .number) } throws: { "\($0)".contains("no column named \"cost\"") }
        #expect { _ = try reader.column("code", .number) } throws: { "\($0)".contains("holds text values, not number") }
    }
}
