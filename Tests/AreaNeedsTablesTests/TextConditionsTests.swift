import AreaNeedsTestSupport
import Testing
@testable import AreaNeedsTables

@Suite("Fields tested against the texts they must hold")
struct TextConditionsTests {
    /// The first failed condition of each record of `text`, read as a CSV file.
    static func firstFailed(_ text: String, _ conditions: (TableHeader) throws -> [TextConditions.Condition]) throws -> [Int?] {
        let folder = TemporaryFolder()
        let reader = try TableReader(path: folder.file("long.csv", text))
        let tested = TextConditions(try conditions(reader.header))
        var failed: [Int?] = []
        try reader.forEachRecord { failed.append(tested.firstFailed($0)) }
        return failed
    }

    @Test func aFieldHoldsATextExactlyAfterTrimming() throws {
        let failed = try Self.firstFailed("""
            code,indicator,value
            A,Claimant Count,1
            A,"Claimant Count, seasonally adjusted",2
            A, Claimant Count\t,3
            A,claimant count,4
            A,,5
            A,Claimant,6

            """) { [.init(column: try $0.column("indicator"), texts: [" Claimant Count "], holds: true)] }
        #expect(failed == [nil, 0, nil, 0, 0, 0])
    }

    @Test func oneOfSeveralTextsOrNoneOfThem() throws {
        let csv = """
            code,sex,age
            A,Male,16-24
            A,Female,25-49
            A,Total,16-24
            A,Female,

            """
        let holds = try Self.firstFailed(csv) { [.init(column: try $0.column("sex"), texts: ["Male", "Female"], holds: true)] }
        #expect(holds == [nil, nil, 0, nil])
        let holdsNone = try Self.firstFailed(csv) { [.init(column: try $0.column("sex"), texts: ["Total", ""], holds: false)] }
        #expect(holdsNone == [nil, nil, 0, nil])
        let empty = try Self.firstFailed(csv) { [.init(column: try $0.column("age"), texts: [""], holds: true)] }
        #expect(empty == [0, 0, 0, nil])
    }

    @Test func theFirstConditionNotMetIsNamed() throws {
        let failed = try Self.firstFailed("""
            code,sex,age
            A,Male,16-24
            A,Female,16-24
            A,Male,25-49
            A,Total,Total

            """) {
            [.init(column: try $0.column("sex"), texts: ["Total"], holds: false),
             .init(column: try $0.column("age"), texts: ["16-24"], holds: true)]
        }
        #expect(failed == [nil, nil, 1, 0])
    }

    @Test func noConditionsKeepEveryRow() throws {
        let failed = try Self.firstFailed("code,value\nA,1\nB,2\n") { _ in [] }
        #expect(failed == [nil, nil])
        #expect(TextConditions([]).count == 0)
    }
}
