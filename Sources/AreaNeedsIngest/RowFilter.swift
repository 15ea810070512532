import AreaNeedsCore
import AreaNeedsTables

/// The rows of a source that belong to it (`where:`, `where-not:`, `area-level:`), tested on
/// the text of the columns they name before any other check: the rows of other indicators,
/// breakdowns and levels of area are skipped, not errors.
///
/// The tests run in order and stop at the first that fails, remembering which have passed
/// on some row: a test that never passed is the one to blame when no row is kept. The
/// values the blamed column holds are counted only then, by reading the file again
/// (`valuesSeen`), so that the usual case pays a flag per test, not a string per row.
struct RowFilter {
    /// One column's test.
    struct Test {
        let column: TableColumn
        let values: TextSet
        /// True for `where:` and `area-level:` (the row holds one of the values), false for
        /// `where-not:` (it holds none of them).
        let keeps: Bool
        /// The pipeline key that sets it ("where", "where-not", "area-level") and its values, for messages.
        let key: String
        let texts: [String]

        func passes(_ record: TableRecord) -> Bool {
            (record.field(column, in: values) != nil) == keeps
        }
    }

    let tests: [Test]
    /// Whether each test passed on some row that passed the tests before it.
    private(set) var passed: [Bool]

    /// The filter of a source's row conditions, its columns found in `header`; nil when the
    /// source keeps every row.
    init?(_ source: SourceSpec, header: TableHeader) throws {
        var tests: [Test] = []
        func add(_ conditions: RowConditions?, keeps: Bool, key: String) throws {
            for condition in conditions?.conditions ?? [] {
                tests.append(Test(column: try header.column(condition.column), values: TextSet(condition.values), keeps: keeps,
                                  key: key, texts: condition.values))
            }
        }
        if let level = source.areaLevel { try add(RowConditions([level.condition]), keeps: true, key: "area-level") }
        try add(source.rows, keeps: true, key: "where")
        try add(source.exceptRows, keeps: false, key: "where-not")
        guard !tests.isEmpty else { return nil }
        self.tests = tests
        passed = Array(repeating: false, count: tests.count)
    }

    /// Whether the row belongs.
    mutating func keeps(_ record: TableRecord) -> Bool {
        for index in tests.indices {
            guard tests[index].passes(record) else { return false }
            passed[index] = true
        }
        return true
    }

    /// The position of the first test that no row passed (after passing those before it), if any.
    var blamed: Int? {
        passed.firstIndex(of: false)
    }

    /// The texts the blamed test's column holds in the rows of `reader` that pass the tests
    /// before it, the most frequent first (up to `shown`), with how many rows hold each, and
    /// how many distinct texts there are.
    func valuesSeen(in reader: TableReader, codeColumn: TableColumn, shown: Int = 10) throws -> (values: [(text: String, rows: Int)], distinct: Int) {
        guard let blamed = passed.firstIndex(of: false) else { return ([], 0) }
        var counts: [String: Int] = [:]
        try reader.forEachRecord { record in
            guard !record.isEmpty(codeColumn), tests[..<blamed].allSatisfy({ $0.passes(record) }) else { return }
            counts[record.text(tests[blamed].column), default: 0] += 1
        }
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return (sorted.prefix(shown).map { ($0.key, $0.value) }, counts.count)
    }
}
