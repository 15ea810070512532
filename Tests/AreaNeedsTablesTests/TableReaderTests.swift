import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

@Suite("Reading the tables publishers ship")
struct TableReaderTests {
    let folder = TemporaryFolder()

    @Test func readsPlainTable() throws {
        let path = folder.file("plain.csv", "code,value\nE01,1\nE02,2\n")
        let table = try readTable(path)
        #expect(table.header == ["code", "value"])
        #expect(table.rows == [["E01", "1"], ["E02", "2"]])
    }

    @Test func gzipIsRecognisedByContentNotName() throws {
        let text = Array("code,value\nE01,1\nE02,2\n".utf8)
        let hidden = folder.gzipFile("looks-plain.csv", bytes: text)
        let named = folder.file("looks-compressed.csv.gz", bytes: text)
        #expect(try readTable(hidden).rows == [["E01", "1"], ["E02", "2"]])
        #expect(try readTable(named).rows == [["E01", "1"], ["E02", "2"]])
    }

    @Test func readsConcatenatedGzipMembers() throws {
        let path = folder.file("two.csv.gz", bytes: gzip(Array("code,value\nE01,1\n".utf8)) + gzip(Array("E02,2\n".utf8)))
        #expect(try readTable(path).rows == [["E01", "1"], ["E02", "2"]])
    }

    @Test func byteOrderMarkIsDropped() throws {
        let path = folder.file("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("code,value\nE01,1\n".utf8))
        let reader = try TableReader(path: path)
        #expect(reader.header.names == ["code", "value"])
        _ = try reader.header.column("code")
    }

    @Test func crlfAndMixedLineEnds() throws {
        let path = folder.file("crlf.csv", "code,value\r\nE01,1\r\nE02,2\nE03,3\r\n")
        #expect(try readTable(path).rows == [["E01", "1"], ["E02", "2"], ["E03", "3"]])
    }

    @Test func mixedLineEndsCountLinesAsAnEditorDoes() throws {
        let path = folder.file("mixed.csv", "code,value\r\nE01,1\nE02,2\r\nE03,zz\n")
        let reader = try TableReader(path: path)
        let value = try reader.header.column("value")
        let error = tableError { try reader.forEachRecord { _ = try $0.number(value) } }
        #expect(error?.line == 4)
    }

    @Test func oldMacLineEndsAreReadAndCounted() throws {
        let path = folder.file("mac.csv", "code,value\rE01,1\r\"E\r02\",2\rE03,zz\r")
        let reader = try TableReader(path: path)
        let value = try reader.header.column("value")
        var lines: [Int] = []
        let error = tableError { try reader.forEachRecord { lines.append($0.line); _ = try $0.number(value) } }
        #expect(lines == [2, 3, 5])
        #expect(error?.line == 5)
        #expect(try readTable(path).rows == [["E01", "1"], ["E\r02", "2"], ["E03", "zz"]])
    }

    @Test func quotedFieldsKeepCommasQuotesAndNewlines() throws {
        let path = folder.file("quoted.csv", "name,note\n\"Burnley, Town\",\"said \"\"hi\"\"\"\n\"two\nlines\",x\nlast,y\n")
        let reader = try TableReader(path: path)
        var lines: [Int] = []
        var rows: [[String]] = []
        try reader.forEachRecord { record in
            lines.append(record.line)
            rows.append(record.texts)
        }
        #expect(rows == [["Burnley, Town", "said \"hi\""], ["two\nlines", "x"], ["last", "y"]])
        #expect(lines == [2, 3, 5])
    }

    @Test func titleAndBlankRowsAboveHeaderAreSkipped() throws {
        let path = folder.file("title.csv", "\"Table 3: Fuel poverty, 2020\"\n\nLSOA Code,Households\nE01,936\n")
        let reader = try TableReader(path: path)
        #expect(reader.headerLine == 3)
        #expect(reader.header.names == ["LSOA Code", "Households"])
        #expect(try reader.readAll() == [["E01", "936"]])
    }

    @Test func headerByDeclaredLine() throws {
        let path = folder.file("line.csv", "Source,ONS\nRelease,2021\ncode,value\nE01,1\n")
        let reader = try TableReader(path: path, options: ReadOptions(header: .line(3)))
        #expect(reader.header.names == ["code", "value"])
        #expect(try reader.readAll() == [["E01", "1"]])
    }

    @Test func headerByExpectedColumns() throws {
        let path = folder.file("cols.csv", "Source,ONS\nRelease,2021\nArea code,Value\nE01,1\n")
        let reader = try TableReader(path: path, options: ReadOptions(header: .containing(["value", " AREA  CODE "])))
        #expect(reader.headerLine == 3)
        #expect(try reader.readAll() == [["E01", "1"]])
    }

    @Test func notesAndBlankRowsBelowDataAreNotData() throws {
        let path = folder.file("notes.csv", """
            code,name,value
            E01,A,1
            ,,
            E02,B,2
            ,,England

            Note A: estimates are modelled
            "Source: ONS, 2021"
            Back to contents
            """)
        let reader = try TableReader(path: path)
        let rows = try reader.readAll()
        #expect(rows == [["E01", "A", "1"], ["E02", "B", "2"], ["", "", "England"]])
        #expect(reader.notes.map(\.text) == ["Note A: estimates are modelled", "Source: ONS, 2021", "Back to contents"])
        #expect(reader.notes.map(\.line) == [7, 8, 9])
        #expect(reader.blankRowsSkipped == 1)
    }

    @Test func trailingEmptyFieldsFromSpreadsheetsAreAccepted() throws {
        let path = folder.file("padded.csv", "code,value,,\nE01,1,,\nE02,2\n")
        #expect(try readTable(path).rows == [["E01", "1", "", ""], ["E02", "2"]])
    }

    @Test func columnsAreFoundByTrimmedCaseInsensitiveName() throws {
        let path = folder.file("names.csv", "  LSOA Code ,Income deprivation- Average score \nE01,0.2\n")
        let reader = try TableReader(path: path)
        let code = try reader.header.column("lsoa code")
        let score = try reader.header.column("income DEPRIVATION-  average score")
        #expect(code.index == 0 && score.index == 1)
        #expect(score.name == "Income deprivation- Average score")
    }

    @Test func lastRowWithoutLineBreak() throws {
        let path = folder.file("nolf.csv", "code,value\nE01,1\nE02,2")
        #expect(try readTable(path).rows == [["E01", "1"], ["E02", "2"]])
    }

    @Test func headerOnlyTableHasNoRows() throws {
        let path = folder.file("header.csv", "code,value\n")
        #expect(try readTable(path).rows.isEmpty)
    }

    @Test func unicodeIsKeptIntact() throws {
        let path = folder.file("unicode.csv", "name,value\nYnys Môn – Caergybi,£1\n\"Ceredigion 😀\",2\n")
        #expect(try readTable(path).rows == [["Ynys Môn – Caergybi", "£1"], ["Ceredigion 😀", "2"]])
    }

    @Test func typedValuesThroughRecords() throws {
        let path = folder.file("typed.csv", "code,count,rate\nE01,\"1,234\",12.5%\nE02,c,..\nE03,7,\n")
        let reader = try TableReader(path: path)
        let count = try reader.header.column("count")
        let rate = try reader.header.column("rate")
        var cells: [[NumericCell]] = []
        try reader.forEachRecord { record in
            cells.append([try record.wholeNumber(count), try record.number(rate)])
        }
        #expect(cells == [
            [.number(1234), .number(12.5)],
            [.missing(marker: "c"), .missing(marker: "..")],
            [.number(7), .missing(marker: "")],
        ])
    }

    @Test func extraMissingMarkersFromTheCaller() throws {
        let path = folder.file("na.csv", "code,value\nE01,N/A\n")
        let reader = try TableReader(path: path, options: ReadOptions(extraMissingMarkers: ["n/a"]))
        let value = try reader.header.column("value")
        var cells: [NumericCell] = []
        try reader.forEachRecord { record in cells.append(try record.number(value)) }
        #expect(cells == [.missing(marker: "N/A")])
    }

    @Test func progressIsReported() throws {
        let rows = (0..<50_000).map { "E\($0),\($0)" }.joined(separator: "\n")
        let path = folder.file("big.csv", "code,value\n" + rows + "\n")
        let reader = try TableReader(path: path)
        var reports: [Int] = []
        reader.onProgress = { read, size in
            reports.append(read)
            #expect(read <= size)
        }
        #expect(try reader.readAll().count == 50_000)
        #expect(reports.count > 1)
        #expect(reports == reports.sorted())
    }
}
