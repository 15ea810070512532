import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

@Suite("Texts of a column numbered as they are met")
struct TextIndexTests {
    @Test func theSameTextHasTheSameNumber() throws {
        let folder = TemporaryFolder()
        let reader = try TableReader(path: folder.file("long.csv", """
            code,category
            A,No qualifications
            A,Level 1
            B,No qualifications
            B,level 1
            B,
            C,Level 1
            C,

            """))
        let column = try reader.header.column("category")
        var index = TextIndex()
        var numbers: [Int] = []
        try reader.forEachRecord { numbers.append($0.field(column, in: &index)) }
        #expect(numbers == [0, 1, 0, 2, 3, 1, 3])
        #expect(index.count == 4)
        #expect((0..<index.count).map(index.text) == ["No qualifications", "Level 1", "level 1", ""])
    }

    @Test func manyTextsKeepTheirNumbersAsTheIndexGrows() throws {
        let folder = TemporaryFolder()
        let texts = (0..<1000).map { "Category number \($0) of a long breakdown" }
        let rows = (texts + texts.reversed()).map { "A,\($0)" }.joined(separator: "\n")
        let reader = try TableReader(path: folder.file("many.csv", "code,category\n" + rows + "\n"))
        let column = try reader.header.column("category")
        var index = TextIndex()
        var numbers: [Int] = []
        try reader.forEachRecord { numbers.append($0.field(column, in: &index)) }
        #expect(numbers == Array(0..<1000) + Array((0..<1000).reversed()))
        #expect(index.count == 1000)
        #expect(index.text(999) == texts[999])
    }
}
