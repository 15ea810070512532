import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

/// Text in Windows-1252 (and Latin-1), read with `ReadOptions.encoding`, and the error that
/// names the encoding a file looks like when none was said.
@Suite("Text encodings")
struct TextEncodingTests {
    let folder = TemporaryFolder()

    /// The same table in UTF-8 and in Windows-1252: names with é, ô, £, €, curly quotes.
    private let table = "Code,Name,Value\nE01,Ynys Môn café,£1\nE02,“Quoted” – €5,2\nE03,Ÿ œ ™ …,3\n"

    private func windows1252(_ text: String) -> [UInt8] {
        let high: [Character: UInt8] = ["€": 0x80, "‚": 0x82, "…": 0x85, "–": 0x96, "“": 0x93, "”": 0x94, "œ": 0x9C, "™": 0x99, "Ÿ": 0x9F]
        return text.unicodeScalars.map { scalar in
            if scalar.value < 0x100 { return UInt8(scalar.value) }
            return high[Character(scalar)]!
        }
    }

    @Test func windows1252ReadsAsItsUTF8Twin() throws {
        let utf8 = folder.file("utf8.csv", table)
        let legacy = folder.file("legacy.csv", bytes: windows1252(table))
        let expected = try TableReader(path: utf8).readAll()
        for name in ["windows-1252", "Latin-1", "iso-8859-1", "cp1252"] {
            let encoding = try #require(TextEncoding(name: name))
            #expect(try TableReader(path: legacy, options: ReadOptions(encoding: encoding)).readAll() == expected)
        }
        #expect(expected[1][1] == "“Quoted” – €5")
    }

    @Test func windows1252InGzip() throws {
        let legacy = folder.file("legacy.csv", bytes: windows1252(table))
        let compressed = legacy + ".gz"
        try GzipCopy.write(copyOf: legacy, to: compressed)
        let expected = try TableReader(path: folder.file("utf8.csv", table)).readAll()
        #expect(try TableReader(path: compressed, options: ReadOptions(encoding: .windows1252)).readAll() == expected)
    }

    @Test func undeclaredWindows1252NamesTheKeyToSet() {
        let path = folder.file("legacy.csv", bytes: windows1252(table))
        let error = #expect(throws: TableError.self) { _ = try TableReader(path: path).readAll() }
        #expect(error?.kind == .invalidUTF8(byteOffset: 6, looksLike: .windows1252))
        #expect(error?.line == 2)
        #expect(error?.description.contains("looks like Windows-1252 text; read it with `encoding: windows-1252`") == true)
    }

    @Test func binaryBytesAreNotTakenForText() {
        let path = folder.file("binary.csv", bytes: Array("Code,Value\nE01,".utf8) + [0xFF, 0x00, 0x01, 0xC3] + Array("\n".utf8))
        let error = #expect(throws: TableError.self) { _ = try TableReader(path: path).readAll() }
        #expect(error?.kind == .invalidUTF8(byteOffset: 0, looksLike: nil))
    }

    @Test func encodingNames() {
        #expect(TextEncoding(name: "UTF-8") == .utf8)
        #expect(TextEncoding(name: " latin1 ") == .windows1252)
        #expect(TextEncoding(name: "ebcdic") == nil)
    }
}
