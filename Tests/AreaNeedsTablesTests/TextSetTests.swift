import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

@Suite("Fields compared with a few texts")
struct TextSetTests {
    @Test func findsTheTextAFieldHoldsExactly() {
        let set = TextSet(["Male", " Female ", "Children in relative poverty after housing costs", ""])
        #expect(set.count == 4)
        #expect(set.index(of: "Male") == 0)
        #expect(set.index(of: "Female") == 1)
        #expect(set.index(of: "  Female\t") == 1)
        #expect(set.index(of: "Children in relative poverty after housing costs") == 2)
        #expect(set.index(of: "") == 3)
        #expect(set.index(of: "male") == nil)
        #expect(set.index(of: "Males") == nil)
        #expect(set.index(of: "Fema") == nil)
        #expect(set.index(of: "Children in relative poverty before housing costs") == nil)
    }

    @Test func aRecordsFieldIsComparedAsRead() throws {
        let folder = TemporaryFolder()
        let path = folder.file("long.csv", """
            code,indicator,value
            A,Claimant Count,1
            A,"Claimant Count, seasonally adjusted",2
            A, Claimant Count ,3
            A,claimant count,4

            """)
        let reader = try TableReader(path: path)
        let column = try reader.header.column("indicator")
        let set = TextSet(["Claimant Count"])
        var matches: [Int?] = []
        try reader.forEachRecord { matches.append($0.field(column, in: set)) }
        #expect(matches == [0, nil, 0, nil])
    }
}
