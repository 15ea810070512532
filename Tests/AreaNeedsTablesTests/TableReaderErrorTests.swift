import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

@Suite("Broken input gives errors with places, never crashes")
struct TableReaderErrorTests {
    let folder = TemporaryFolder()

    @Test func missingFile() {
        let error = tableError { _ = try TableReader(path: folder.path + "/absent.csv") }
        #expect(error?.kind == .fileNotFound)
        #expect(error?.description == "\(folder.path)/absent.csv: file not found")
    }

    @Test func folderIsNotAFile() {
        let error = tableError { _ = try TableReader(path: folder.path) }
        #expect(error?.kind == .unreadable(reason: "it is a folder"))
    }

    @Test func emptyFile() {
        let path = folder.file("empty.csv", "")
        #expect(tableError { _ = try TableReader(path: path) }?.kind == .emptyFile)
    }

    @Test func onlyBlankLinesHaveNoHeader() {
        let path = folder.file("blank.csv", "\n\n\n")
        let error = tableError { _ = try TableReader(path: path) }
        #expect(error?.kind == .headerNotFound(expected: [], linesSearched: 4))
    }

    @Test func expectedColumnsNotFound() {
        let path = folder.file("cols.csv", "a,b\n1,2\n")
        let error = tableError { _ = try TableReader(path: path, options: ReadOptions(header: .containing(["LSOA code"]))) }
        #expect(error?.description.contains("no row in the first 3 lines has all the expected columns \"LSOA code\"") == true)
    }

    @Test func declaredHeaderLineMissing() {
        let path = folder.file("short.csv", "a,b\n1,2\n")
        let error = tableError { _ = try TableReader(path: path, options: ReadOptions(header: .line(9))) }
        #expect(error?.kind == .headerLineMissing(line: 9))
    }

    @Test func unknownColumnListsTheHeader() throws {
        let path = folder.file("h.csv", "LSOA Code,Value\nE01,1\n")
        let reader = try TableReader(path: path)
        let error = tableError { _ = try reader.header.column("LSOA Cod") }
        #expect(error?.description == "\(path): no column named \"LSOA Cod\"; the header has \"LSOA Code\", \"Value\"")
    }

    /// A file named by mistake has some first line: it is quoted short, each name at most
    /// 40 characters with control characters shown, about 400 characters in all.
    @Test func unknownColumnQuotesAShortHeader() throws {
        let secret = "root:$6$" + String(repeating: "x", count: 200) + "\u{1B}[2J:0:0"
        let path = folder.file("passwd", secret + "," + (1...200).map { "column \($0)" }.joined(separator: ",") + "\n1,2\n")
        let reader = try TableReader(path: path)
        let message = try #require(tableError { _ = try reader.header.column("spa_code") }).description
        #expect(message.hasPrefix("\(path): no column named \"spa_code\"; the header has \"root:$6$xxxx"))
        #expect(!message.contains(String(repeating: "x", count: 41)))
        #expect(!message.contains("\u{1B}"))
        #expect(message.hasSuffix("more"))
        #expect(message.count < 600)
    }

    @Test func duplicatedHeaderIsAmbiguous() throws {
        let path = folder.file("dup.csv", "code,value,Value\nE01,1,2\n")
        let reader = try TableReader(path: path)
        let error = tableError { _ = try reader.header.column("value") }
        #expect(error?.kind == .ambiguousColumn(name: "value", positions: [2, 3]))
    }

    @Test func truncatedGzip() {
        let full = gzip(Array(("code,value\n" + String(repeating: "E01,1\n", count: 2000)).utf8))
        let path = folder.file("cut.csv.gz", bytes: Array(full.prefix(full.count / 2)))
        let error = tableError { _ = try readTable(path) }
        #expect(error?.kind == .truncatedGzip)
        #expect(error?.description.contains("ends early") == true)
    }

    @Test func gzipWithoutItsTrailerIsTruncated() {
        let full = gzip(Array("code,value\nE01,1\n".utf8))
        let path = folder.file("notrailer.csv.gz", bytes: Array(full.dropLast(4)))
        #expect(tableError { _ = try readTable(path) }?.kind == .truncatedGzip)
    }

    @Test func corruptGzip() {
        var bytes = gzip(Array(("code,value\n" + String(repeating: "E01,1\n", count: 200)).utf8))
        for index in 12..<min(40, bytes.count) { bytes[index] ^= 0x5A }
        let path = folder.file("corrupt.csv.gz", bytes: bytes)
        let error = tableError { _ = try readTable(path) }
        guard case .corruptGzip = error?.kind else {
            Issue.record("expected a corrupt gzip error, got \(String(describing: error))")
            return
        }
    }

    @Test func decompressionBombStopsAtTheLimit() {
        let bomb = gzip([UInt8](repeating: UInt8(ascii: "a"), count: 4 << 20))
        let path = folder.file("bomb.csv.gz", bytes: bomb)
        var limits = ReadLimits()
        limits.maxDecompressedBytes = 1 << 20
        limits.maxFieldBytes = 8 << 20
        limits.maxRowBytes = 8 << 20
        let error = tableError { _ = try readTable(path, ReadOptions(limits: limits)) }
        #expect(error?.kind == .decompressedTooLarge(limit: 1 << 20))
        #expect(error?.description.contains("decompresses to more than 1 MiB") == true)
    }

    @Test func theStartOfAWorkbookInPlaceOfItsCSVIsNamed() {
        // A zip archive is read as a workbook, whatever the file's name: this one is cut short.
        let path = folder.file("fuel.csv", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8))
        let error = tableError { _ = try readTable(path) }
        #expect(error?.description == "\(path): the workbook is damaged or incomplete (the zip archive has no end record: it is truncated or not a whole file); download or save it again")
    }

    @Test func aReaderDroppedEarlyStopsItsReadAhead() throws {
        // Many chunks of decompressed text, so the read-ahead thread is still at work when
        // the reader is dropped after one row.
        let text = "code,value\n" + String(repeating: "E01,1\n", count: 400_000)
        let path = folder.gzipFile("long.csv.gz", bytes: Array(text.utf8))
        let file = try FileInput(path: path)
        _ = try file.peek(count: 2)
        var source: BackgroundSource? = BackgroundSource(try GzipDecoder(source: file, path: path, limit: 1 << 30), file: file)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 1)
        defer { buffer.deallocate() }
        #expect(try source?.read(into: buffer) == 64)
        weak let dropped = source
        source = nil
        // The thread holds only the queue, so dropping the reader frees the source (and
        // tells the thread to stop) at once.
        #expect(dropped == nil)
    }

    @Test func notesBelowTheDataAreCountedButFewAreKept() throws {
        let notes = (1...1000).map { "Note \($0)" }.joined(separator: "\n")
        let path = folder.file("notes.csv", "code,value\nE01,1\n" + notes + "\n")
        let reader = try TableReader(path: path)
        #expect(try reader.readAll() == [["E01", "1"]])
        #expect(reader.noteCount == 1000)
        #expect(reader.notes.count == TableReader.maxNotesKept)
        #expect(reader.notes.last?.text == "Note 100")
    }

    @Test func invalidUTF8NamesLineAndColumn() {
        let path = folder.file("latin1.csv", bytes: Array("code,name\nE01,".utf8) + [0x43, 0x61, 0x66, 0xE9] + Array("\n".utf8))
        let error = tableError { _ = try readTable(path) }
        #expect(error?.kind == .invalidUTF8(byteOffset: 3, looksLike: .windows1252))
        #expect(error?.line == 2)
        #expect(error?.column == 2)
        #expect(error?.columnName == "name")
    }

    @Test func invalidUTF8InsideAFieldSpanningLines() {
        let bytes = Array("code,name\nE01,\"first line ".utf8) + [0xC3, 0x28] + Array("\nsecond line\"\nE02,ok\n".utf8)
        let path = folder.file("multiline.csv", bytes: bytes)
        let error = tableError { _ = try readTable(path) }
        #expect(error?.kind == .invalidUTF8(byteOffset: 11, looksLike: .windows1252))
        #expect(error?.line == 2)
        #expect(error?.columnName == "name")
    }

    @Test func validUTF8AfterInvalidRowIsNotBlamed() throws {
        let path = folder.file("fine.csv", "code,name\nE01,Caf\u{E9}\nE02,Plain\n")
        #expect(try readTable(path).rows == [["E01", "Caf\u{E9}"], ["E02", "Plain"]])
    }

    @Test func utf16IsRefusedWithAHint() {
        let path = folder.file("utf16.csv", bytes: [0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00])
        let error = tableError { _ = try readTable(path) }
        #expect(error?.description.contains("UTF-16") == true)
    }

    @Test func raggedShortRow() {
        let path = folder.file("ragged.csv", "code,name,value\nE01,A,1\nE02,B\nE03,C,3\n")
        let error = tableError { _ = try readTable(path) }
        #expect(error?.kind == .raggedRow(expected: 3, found: 2))
        #expect(error?.line == 3)
        #expect(error?.description == "\(path), line 3: the row has 2 fields but the header has 3: \"E02,B\"")
    }

    @Test func raggedLongRow() {
        let path = folder.file("long.csv", "code,value\nE01,1,extra\n")
        let error = tableError { _ = try readTable(path) }
        #expect(error?.kind == .raggedRow(expected: 2, found: 3))
        #expect(error?.column == 3)
    }

    /// A carriage return alone inside a line ends the row there: said as what it is, with
    /// the line shown, wherever in the line it falls and whatever the other line ends.
    @Test(arguments: [
        ("code,name,value\nE01,A,1\nE02,Bur\rnley,2\nE03,C,3\n", 8),
        ("code,name,value\nE01,A,1\nE\r02,B,2\n", 2),
        ("code,name,value\r\nE01,A,1\r\nE02,B\r,2\r\n", 6),
        ("code,name,value\nE01,A,1\nE02,B,2\r00\nE03,C,3\n", 8),
        ("code,name,value\nE01,A,1\nE02,B,2,\rextra,x\n", 9),
    ])
    func strayCarriageReturnIsSaidAsSuch(text: String, byte: Int) {
        let path = folder.file("cr.csv", text)
        let error = tableError { _ = try readTable(path) }
        #expect(error?.kind == .strayCarriageReturn(byteOffset: byte - 1))
        #expect(error?.line == 3)
        #expect(error?.description.contains("a carriage return (\\r) at byte \(byte) of the line, not at its end, breaks the row in two") == true)
        #expect(error?.description.contains("\\r") == true)
    }

    /// Inside quotes a carriage return is part of the field, and a file of CR line ends
    /// reads as before.
    @Test func carriageReturnsThatAreNotStray() throws {
        let quoted = folder.file("quoted.csv", "code,name\nE01,\"Bur\rnley\"\n")
        #expect(try readTable(quoted).rows == [["E01", "Bur\rnley"]])
        let mac = folder.file("mac.csv", "code,name\rE01,A\rE02,B\r")
        #expect(try readTable(mac).rows == [["E01", "A"], ["E02", "B"]])
    }

    @Test func dataAfterNotes() {
        let path = folder.file("after.csv", "code,value\nE01,1\nSource: ONS\nE02,2\n")
        let error = tableError { _ = try readTable(path) }
        #expect(error?.kind == .dataAfterNotes(notesBeganAt: 3))
        #expect(error?.line == 4)
    }

    @Test func unterminatedQuote() {
        let path = folder.file("open.csv", "code,name\nE01,\"Burnley\nE02,Pendle\n")
        let error = tableError { _ = try readTable(path) }
        #expect(error?.kind == .unterminatedQuote)
        #expect(error?.line == 2)
        #expect(error?.column == 2)
    }

    @Test func strayQuoteInUnquotedField() {
        let path = folder.file("stray.csv", "code,name\nE01,Bur\"nley\n")
        let error = tableError { _ = try readTable(path) }
        #expect(error?.kind == .malformedQuote)
        #expect(error?.line == 2)
        #expect(error?.text == "E01,Bur\"nley\\n")
    }

    @Test func hugeFieldHitsTheLimit() {
        let big = String(repeating: "x", count: 3 << 20)
        let path = folder.file("huge.csv", "code,name\nE01,\(big)\n")
        let error = tableError { _ = try readTable(path) }
        #expect(error?.kind == .fieldTooLarge(limit: 1 << 20))
        #expect(error?.line == 2)
    }

    @Test func unclosedQuoteStopsAtTheFieldLimitNotAtTheEnd() {
        let rows = String(repeating: "E01,some text\n", count: 200_000)
        let path = folder.file("runaway.csv", "code,name\nE00,\"open\n" + rows)
        let error = tableError { _ = try readTable(path) }
        #expect(error?.kind == .fieldTooLarge(limit: 1 << 20))
        #expect(error?.line == 2)
        #expect(error?.description.contains("missing closing quote") == true)
    }

    @Test func tooManyFields() {
        var limits = ReadLimits()
        limits.maxFieldsPerRow = 10
        let path = folder.file("wide.csv", "a,b\n" + String(repeating: ",", count: 50) + "\n")
        let error = tableError { _ = try readTable(path, ReadOptions(limits: limits)) }
        #expect(error?.kind == .tooManyFields(limit: 10))
    }

    @Test func binaryGarbageIsAnErrorNotACrash() {
        var generator = SeededGenerator(seed: 7)
        for round in 0..<50 {
            let bytes = (0..<Int.random(in: 1...3000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let path = folder.file("garbage-\(round).bin", bytes: bytes)
            do {
                _ = try readTable(path)
            } catch let error as TableError {
                #expect(!error.description.isEmpty)
            } catch {
                Issue.record("unexpected error type \(error)")
            }
        }
    }

    @Test func notANumberNamesTheCell() throws {
        let path = folder.file("nan.csv", "code,value\nE01,1\nE02,abc\n")
        let reader = try TableReader(path: path)
        let value = try reader.header.column("value")
        let error = tableError { try reader.forEachRecord { _ = try $0.number(value) } }
        #expect(error?.description == "\(path), line 3, column 2 (value): expected a number or a suppression marker: \"abc\"")
    }

    @Test func controlCharactersInMessagesAreMadeVisible() throws {
        let path = folder.file("escape.csv", "code,value\nE01,\u{1B}[31mred\tx\u{7}\n")
        let reader = try TableReader(path: path)
        let value = try reader.header.column("value")
        let error = tableError { try reader.forEachRecord { _ = try $0.number(value) } }
        #expect(error?.text == "\\x1B[31mred\\tx\\x07")
        #expect(error?.description.unicodeScalars.allSatisfy { $0.value >= 0x20 } == true)
    }

    @Test func longTextInMessagesIsCutShort() {
        let error = TableError(.notANumber, file: "f.csv", text: String(repeating: "9", count: 1_000_000))
        #expect(error.text == String(repeating: "9", count: 80) + "…")
        #expect(TableError(.notANumber, file: "f.csv", text: String(repeating: "9", count: 80)).text == String(repeating: "9", count: 80))
    }

    @Test func errorsFromTheCallerStopTheRead() throws {
        struct Stop: Error {}
        let path = folder.file("stop.csv", "code\nE01\nE02\nE03\n")
        let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
        var seen = 0
        #expect(throws: Stop.self) {
            try reader.forEachRecord { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }
}
