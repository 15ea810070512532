import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsTables

@Suite("Writing tables")
struct TableWriterTests {
    let folder = TemporaryFolder()

    @Test func writesRFC4180WithLFAndNoBOM() throws {
        let path = folder.path + "/out.csv"
        try TableWriter.write(path: path, columns: ["code", "note"], rows: [
            ["E01", "plain"], ["E02", "with, comma"], ["E03", "say \"hi\""], ["E04", "two\nlines"], ["E05", " padded "], ["E06", ""],
        ])
        let text = String(decoding: folder.bytes(of: "out.csv"), as: UTF8.self)
        #expect(text == "code,note\nE01,plain\nE02,\"with, comma\"\nE03,\"say \"\"hi\"\"\"\nE04,\"two\nlines\"\nE05,\" padded \"\nE06,\n")
    }

    @Test func gzipOutputReadsBackAndIsDeterministic() throws {
        let rows = (0..<1000).map { ["E\($0)", NumberText.format(Double($0) / 7)] }
        try TableWriter.write(path: folder.path + "/a.csv.gz", columns: ["code", "value"], rows: rows, compression: .gzip)
        try TableWriter.write(path: folder.path + "/b.csv.gz", columns: ["code", "value"], rows: rows, compression: .gzip)
        #expect(folder.bytes(of: "a.csv.gz").starts(with: [0x1f, 0x8b]))
        #expect(folder.bytes(of: "a.csv.gz") == folder.bytes(of: "b.csv.gz"))
        #expect(try readTable(folder.path + "/a.csv.gz").rows == rows)
    }

    @Test func nothingAppearsUntilFinished() throws {
        let path = folder.path + "/pending.csv"
        do {
            let writer = try TableWriter(path: path, columns: ["a"])
            try writer.write(["1"])
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        // Abandoned without finish(): neither the table nor its temporary file remains.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func finishingReplacesAnOlderTableWhole() throws {
        let path = folder.file("table.csv", "old\n1\n")
        try TableWriter.write(path: path, columns: ["new"], rows: [["2"]])
        #expect(try readTable(path, ReadOptions(header: .line(1))).rows == [["2"]])
    }

    @Test func wrongFieldCountIsRefused() throws {
        let writer = try TableWriter(path: folder.path + "/x.csv", columns: ["a", "b"])
        let error = tableError { try writer.write(["1"]) }
        #expect(error?.kind == .wrongFieldCount(expected: 2, found: 1))
    }

    @Test func unwritableFolder() {
        let error = tableError { _ = try TableWriter(path: folder.path + "/missing/x.csv", columns: ["a"]) }
        #expect(error?.description.contains("cannot write the file") == true)
    }

    /// Property: any table of text written out reads back unchanged, plain and gzip.
    @Test(arguments: [TableWriter.Compression.none, .gzip])
    func randomTablesRoundTrip(compression: TableWriter.Compression) throws {
        var generator = SeededGenerator(seed: compression == .none ? 1 : 2)
        let alphabet: [String] = ["a", "Z", "0", "9", " ", ",", "\"", "\n", "\r\n", "\t", "é", "–", "£", "😀", "Ω", ".", "-", "'"]
        for round in 0..<150 {
            let columnCount = Int.random(in: 1...6, using: &generator)
            // Header names are distinct and non-empty, as a reader needs them to be.
            let columns = (0..<columnCount).map { "col \($0) \(randomText(alphabet, &generator))" }
            let rows: [[String]] = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                (0..<columnCount).map { _ in randomText(alphabet, &generator) }
            }
            let path = folder.path + "/round-\(round).csv"
            try TableWriter.write(path: path, columns: columns, rows: rows, compression: compression)
            let table = try readTable(path, ReadOptions(header: .line(1)))
            #expect(table.header == columns.map { $0.trimmingWhitespace() })
            // The reader drops rows that are wholly empty, as it does in published files.
            #expect(table.rows == rows.filter { $0.contains { !$0.isEmpty } }.map(pad(to: columnCount)))
        }
    }

    private func randomText(_ alphabet: [String], _ generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    private func pad(to count: Int) -> ([String]) -> [String] {
        { $0 + Array(repeating: "", count: max(0, count - $0.count)) }
    }
}
