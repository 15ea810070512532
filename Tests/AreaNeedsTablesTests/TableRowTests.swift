import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsTables

@Suite("Writing tables field by field and to several files")
struct TableRowTests {
    let folder = TemporaryFolder()

    @Test func rowsBuiltFieldByFieldMatchRowsOfStrings() throws {
        let values: [Double] = [0, -0.0, 3, -42, 0.1, 1e-5, 123456.789, 1e15, 2.5e20, 1.0 / 3]
        let fields = try TableWriter(path: folder.path + "/fields.csv", columns: ["text", "int", "number", "bytes"])
        let strings = try TableWriter(path: folder.path + "/strings.csv", columns: ["text", "int", "number", "bytes"])
        for (index, value) in values.enumerated() {
            let text = index % 2 == 0 ? "with, comma" : " padded "
            try fields.writeRow { row in
                row.append(text)
                row.append(index * -7)
                row.append(number: value)
                row.append(AreaCode("say \"hi\""))
            }
            try strings.write([text, String(index * -7), NumberText.format(value), "say \"hi\""])
        }
        try fields.finish()
        try strings.finish()
        #expect(folder.bytes(of: "fields.csv") == folder.bytes(of: "strings.csv"))
        #expect(fields.rowCount == values.count)
    }

    @Test func aRowWithTheWrongFieldCountOrAFailureLeavesNothing() throws {
        let writer = try TableWriter(path: folder.path + "/x.csv", columns: ["a", "b"])
        let short = tableError { try writer.writeRow { $0.append("only") } }
        #expect(short?.kind == .wrongFieldCount(expected: 2, found: 1))
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try writer.writeRow { row in
                row.append("half")
                throw Failure()
            }
        }
        try writer.writeRow { row in
            row.append("1")
            row.append("2")
        }
        try writer.finish()
        #expect(String(decoding: folder.bytes(of: "x.csv"), as: UTF8.self) == "a,b\n1,2\n")
    }

    @Test func formattedFieldsAndRowsAreCopiedAsTheyAre() throws {
        let writer = try TableWriter(path: folder.path + "/copy.csv", columns: ["code", "x", "y", "z"])
        try writer.writeRow { row in
            row.append("E1")
            Array("1.5,,-2".utf8).withUnsafeBytes { row.append(formatted: $0, count: 3) }
        }
        try Array("E2,1,2,3\nE3,,,\n".utf8).withUnsafeBytes { try writer.write(formattedRows: $0) }
        try writer.finish()
        #expect(String(decoding: folder.bytes(of: "copy.csv"), as: UTF8.self) == "code,x,y,z\nE1,1.5,,-2\nE2,1,2,3\nE3,,,\n")
        #expect(writer.rowCount == 3)
    }

    @Test func aTableIsCopiedUnderANewHeaderOnlyWhenItsHeaderAndLastLineAreWhole() throws {
        let rows = (0..<40_000).map { ["E\($0)", NumberText.format(Double($0) / 7)] }
        try TableWriter.write(path: folder.path + "/staged.csv", columns: ["area_code", "value"], rows: rows)
        let copy = try TableWriter(path: folder.path + "/copy.csv", columns: ["spa_code", "value"])
        try copy.copyRows(ofTableAt: folder.path + "/staged.csv", header: ["area_code", "value"])
        try copy.finish()
        #expect(copy.rowCount == rows.count)
        #expect(folder.bytes(of: "copy.csv") == Array("spa_code,value\n".utf8) + folder.bytes(of: "staged.csv").dropFirst("area_code,value\n".utf8.count))

        let other = try TableWriter(path: folder.path + "/other.csv", columns: ["spa_code", "value"])
        let wrongHeader = tableError { try other.copyRows(ofTableAt: folder.path + "/staged.csv", header: ["area_code", "score"]) }
        #expect(wrongHeader?.file == folder.path + "/staged.csv")
        #expect(wrongHeader?.kind == .unreadable(reason: "it has the header area_code,value, not area_code,score"))
        _ = folder.file("cut.csv", "area_code,value\nE1,2\nE2,")
        let cut = tableError { try other.copyRows(ofTableAt: folder.path + "/cut.csv", header: ["area_code", "value"]) }
        #expect(cut?.kind == .unreadable(reason: "it is not a whole table: no header line, or a last row without its line end"))
        let missing = tableError { try other.copyRows(ofTableAt: folder.path + "/none.csv", header: ["area_code", "value"]) }
        #expect(missing?.kind == .fileNotFound)
    }

    @Test func oneWriterMakesAPlainAndAGzipCopyAndChecksumsTheirBytes() throws {
        let (plainSeen, gzipSeen) = (StreamingDigest(), StreamingDigest())
        let writer = try TableWriter(outputs: [
            .init(path: folder.path + "/t.csv", digest: plainSeen),
            .init(path: folder.path + "/t.csv.gz", compression: .gzip, digest: gzipSeen),
        ], columns: ["code", "value"])
        // Enough rows for several pieces (64 KiB each).
        for index in 0..<20_000 { try writer.write(["E\(index)", NumberText.format(Double(index) / 3)]) }
        try writer.finish()
        let (plainDigest, gzipDigest) = try (StreamingDigest.sha256(ofFile: folder.path + "/t.csv"), StreamingDigest.sha256(ofFile: folder.path + "/t.csv.gz"))
        #expect(plainSeen.bytes == folder.bytes(of: "t.csv").count && plainSeen.finish() == plainDigest)
        #expect(gzipSeen.bytes == folder.bytes(of: "t.csv.gz").count && gzipSeen.finish() == gzipDigest)
        #expect(folder.bytes(of: "t.csv.gz").starts(with: [0x1f, 0x8b]))
        #expect(try readTable(folder.path + "/t.csv.gz").rows == readTable(folder.path + "/t.csv").rows)
        #expect(try readTable(folder.path + "/t.csv").rows.count == 20_000)
    }
}
