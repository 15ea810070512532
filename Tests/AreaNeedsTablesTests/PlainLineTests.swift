import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsTables

/// Lines without quotes are split by the reader itself (`PlainLine`), the rest by libcsv:
/// both must give the same rows, lines, notes and errors, whatever the input.
@Suite("Plain lines split as libcsv splits them")
struct PlainLineTests {
    /// Everything a read shows, or its error.
    struct Outcome: Equatable, CustomStringConvertible {
        var header: [String] = []
        var rows: [[String]] = []
        var lines: [Int] = []
        var notes: [String] = []
        var blankRows = 0
        var error: String?

        var description: String { error ?? "header \(header), rows \(rows) on lines \(lines), notes \(notes), \(blankRows) blank" }
    }

    /// What reading `path` shows: every field of each row, or with `show` its first `show`
    /// fields and its field count, as a reader told it reads no column after `upTo` sees it.
    static func read(_ path: String, _ options: ReadOptions, upTo: Int? = nil, show: Int? = nil) -> Outcome {
        var outcome = Outcome()
        do {
            let reader = try TableReader(path: path, options: options)
            outcome.header = reader.header.names
            if let upTo { reader.readFields(upTo: TableColumn(index: upTo, name: "")) }
            try reader.forEachRecord { record in
                if let show {
                    outcome.rows.append((0..<min(record.count, show)).map { record.text(TableColumn(index: $0, name: "")) } + ["\(record.count) fields"])
                } else {
                    outcome.rows.append(record.texts)
                }
                outcome.lines.append(record.line)
            }
            outcome.notes = reader.notes.map(\.text)
            outcome.blankRows = reader.blankRowsSkipped
        } catch {
            outcome.error = "\(error)"
        }
        return outcome
    }

    /// The outcome of reading `bytes` split by the reader, and through libcsv alone.
    static func bothWays(_ bytes: [UInt8], header: HeaderLocation = .automatic, limits: ReadLimits = .init(),
                         in folder: TemporaryFolder) -> (split: Outcome, libcsv: Outcome) {
        let path = folder.file("table.csv", bytes: bytes)
        return (read(path, ReadOptions(header: header, limits: limits)),
                read(path, ReadOptions(header: header, limits: limits, splitsPlainLines: false)))
    }

    @Test func fieldsAreTrimmedOfSpacesAndTabsAsLibcsvTrimsThem() throws {
        let folder = TemporaryFolder()
        let (split, libcsv) = Self.bothWays(Array("code,value,name\n  E01 ,\t12\t, x y \n,,\n".utf8), in: folder)
        #expect(split == libcsv)
        #expect(split.rows == [["E01", "12", "x y"]])
        #expect(split.error == nil)
    }

    @Test func blankLinesMakeNoRowAndRowsOfEmptyFieldsAreCounted() throws {
        let folder = TemporaryFolder()
        let (split, libcsv) = Self.bothWays(Array("code,value\n\n \t \r\nE01,1\n , \nE02,2\n".utf8), in: folder)
        #expect(split == libcsv)
        #expect(split.rows == [["E01", "1"], ["E02", "2"]])
        #expect(split.lines == [4, 6])
        #expect(split.blankRows == 1)
    }

    @Test func crlfAndQuotedLinesMixed() throws {
        let folder = TemporaryFolder()
        let text = "code,name,value\r\nE01,\"Smith, Jo\",1\r\nE02,Plain,2\r\nE03,\"two\nlines\",3\nE04,After,4"
        let (split, libcsv) = Self.bothWays(Array(text.utf8), in: folder)
        #expect(split == libcsv)
        #expect(split.rows == [["E01", "Smith, Jo", "1"], ["E02", "Plain", "2"], ["E03", "two\nlines", "3"], ["E04", "After", "4"]])
        #expect(split.lines == [2, 3, 4, 6])
    }

    @Test func quotedFieldsKeepWhatIsBetweenTheirQuotes() throws {
        let folder = TemporaryFolder()
        let text = "code,name,value\nE01, \" Burnley 001A \" ,\"1,234\"\nE02,\"\",\"a\"\"b\"\nE03,\"x\"y,1\nE04,\"open,1\n"
        let (split, libcsv) = Self.bothWays(Array(text.utf8), in: folder)
        #expect(split == libcsv)
        // The fourth line's quote is stray: both stop there, with the same error.
        #expect(split.rows == [["E01", " Burnley 001A ", "1,234"], ["E02", "", "a\"b"]])
        #expect(split.error?.contains("line 4") == true)
    }

    @Test func problemsInPlainLinesAreTheSameErrors() throws {
        let folder = TemporaryFolder()
        let limits = ReadLimits(maxFieldBytes: 8, maxRowBytes: 20, maxFieldsPerRow: 4)
        for text in ["code,value\nE01,123456789\n", "code,value\nE01,1,2,3,4\n", "code,value\nE01,1234567,1234567,1234567\n",
                     "code,value\nE01,\u{FF}1\n", "code,value\nE01\nE02,1\n", "code,value\nE01,1,x\n"] {
            var bytes = Array(text.utf8)
            if let marker = bytes.firstIndex(of: 0xC3) { bytes[marker...marker + 1] = [0xFF] }
            let (split, libcsv) = Self.bothWays(bytes, limits: limits, in: folder)
            #expect(split == libcsv, "\(text.debugDescription)")
            #expect(split.error != nil, "\(text.debugDescription)")
        }
    }

    @Test func rowsReadUpToAColumnHaveTheirFieldsCountedAndChecked() throws {
        let folder = TemporaryFolder()
        let text = "title\ncode,a,b,c,d\nE01,1,2,3,4\nE02,5,6,7,8,9\nE03,1,2,,\n ,,, , \nE04,1\nE05,1,2,3,4,\nNote: the end\n"
        let path = folder.file("wide.csv", bytes: Array(text.utf8))
        for options in [ReadOptions(header: .line(2)), ReadOptions(header: .line(2), splitsPlainLines: false)] {
            let whole = Self.read(path, options, show: 2)
            let prefix = Self.read(path, options, upTo: 1, show: 2)
            // Every count and line the same; the second row, with a field too many, is an error.
            #expect(prefix.error == whole.error && whole.error?.contains("line 4") == true)
            #expect(prefix.rows.map { $0.last } == whole.rows.map { $0.last })
            #expect(prefix.rows.first == ["E01", "1", "5 fields"])
        }
        let good = folder.file("good.csv", bytes: Array("code,a,b,c,d\nE01,1,2,3,4\nE03,1,2,,\n ,,, , \nE05,1,2,3,4,\n".utf8))
        let prefix = Self.read(good, ReadOptions(header: .line(1)), upTo: 1, show: 2)
        #expect(prefix.rows == [["E01", "1", "5 fields"], ["E03", "1", "5 fields"], ["E05", "1", "6 fields"]])
        #expect(prefix.blankRows == 1 && prefix.error == nil)
    }

    /// A reader told it reads no column after the second still gives every column asked for,
    /// spaces and tabs trimmed, and every field of a row as text.
    @Test func everyColumnCanBeReadAfterReadingUpToAColumn() throws {
        let folder = TemporaryFolder()
        let path = folder.file("wide.csv", bytes: Array("code,a,b,c,d\nE01,1, 2 ,,\t4\nE02,5,6,7,8\n".utf8))
        let reader = try TableReader(path: path)
        let (b, c, d) = try (reader.header.column("b"), reader.header.column("c"), reader.header.column("d"))
        reader.readFields(upTo: try reader.header.column("a"))
        var seen: [String] = []
        try reader.forEachRecord { record in
            seen.append([record.text(b), record.text(c), record.nonEmptyText(d) ?? "-", "\(try record.number(d))"].joined(separator: "|"))
            seen.append(record.texts.joined(separator: "|"))
        }
        #expect(seen == ["2||4|number(4.0)", "E01|1|2||4", "6|7|8|number(8.0)", "E02|5|6|7|8"])
    }

    /// Found by the fuzzer: a data row after the notes, read up to a column, is told whole.
    @Test func aDataRowAfterNotesIsShownWholeWhenReadUpToAColumn() throws {
        let folder = TemporaryFolder()
        let path = folder.file("notes.csv", bytes: Array("code,vAalue,rate\nE01,\nE04,n/a,1e3\nE05,%\nE,-0.5\n".utf8))
        let prefix = Self.read(path, ReadOptions(header: .line(1)), upTo: 1, show: 2)
        #expect(prefix == Self.read(path, ReadOptions(header: .line(1), splitsPlainLines: false), show: 2))
        #expect(prefix.error?.contains("line 3") == true && prefix.error?.contains("E04,n/a,1e3") == true)

        // Notes begun among the rows read with the header, before the caller says what it reads.
        let early = folder.file("early.csv", bytes: Array("codco\0\0\0\0\0ue,\nE01,1,\0E%\rMM1M0EMMMue,\nE01,1,\0E\n\06\0\0\0\0\0\n".utf8))
        #expect(Self.read(early, ReadOptions(), upTo: 1, show: 2) == Self.read(early, ReadOptions(splitsPlainLines: false), show: 2))
    }

    /// Made-up tables of commas, quotes, spaces, tabs, line ends of every kind, non-ASCII and
    /// invalid bytes, read with each way of finding the header and with small limits.
    @Test func madeUpTablesReadTheSameBothWays() throws {
        let folder = TemporaryFolder()
        var random = SeededGenerator(seed: 2026)
        let pieces: [[UInt8]] = [
            Array("E01".utf8), Array("12".utf8), Array("x y".utf8), [0x20], [0x09], [0x22], Array("\"a,b\"".utf8),
            Array("\"\"".utf8), Array("é".utf8), [0xFF], [0x0D], [], Array("code".utf8), Array("value".utf8), Array("..".utf8),
        ]
        let ends: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D], [0x0A, 0x0A]]
        let headers: [HeaderLocation] = [.automatic, .line(1), .line(2), .containing(["code", "value"])]
        let limits = ReadLimits(maxFieldBytes: 12, maxRowBytes: 48, maxFieldsPerRow: 6, headerSearchLines: 6)
        var differences: [String] = []
        for _ in 0..<1_500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                for field in 0..<Int.random(in: 1...5, using: &random) {
                    if field > 0 { bytes.append(0x2C) }
                    for _ in 0..<Int.random(in: 0...2, using: &random) { bytes += pieces.randomElement(using: &random)! }
                }
                if Bool.random(using: &random) || Int.random(in: 0..<10, using: &random) > 0 { bytes += ends.randomElement(using: &random)! }
            }
            let header = headers.randomElement(using: &random)!
            let chosenLimits = Bool.random(using: &random) ? limits : .init()
            let (split, libcsv) = Self.bothWays(bytes, header: header, limits: chosenLimits, in: folder)
            if split != libcsv {
                differences.append("\(String(decoding: bytes, as: UTF8.self).debugDescription) with \(header): split \(split), libcsv \(libcsv)")
            }
            // Read up to the second column, the rows are the same, every field of them.
            let path = folder.path + "/table.csv"
            let prefix = Self.read(path, ReadOptions(header: header, limits: chosenLimits), upTo: 1)
            let whole = Self.read(path, ReadOptions(header: header, limits: chosenLimits, splitsPlainLines: false))
            if prefix != whole {
                differences.append("\(String(decoding: bytes, as: UTF8.self).debugDescription) with \(header) up to column 2: \(prefix), libcsv \(whole)")
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(3).joined(separator: "\n"))")
    }
}
