import AreaNeedsCore
import AreaNeedsTables

/// The rows of a source that belong to it (`where:`, `where-not:`, `area-level:`), tested on
/// the text of the columns they name before any other check: the rows of other indicators,
/// breakdowns and levels of area are skipped, not errors.
///
/// The conditions are tested in order, each stopping the test when it fails
/// (`TextConditions`), and until each has passed on some row the filter notes which have: a
/// condition that never passed is the one to blame when no row is kept. The values the
/// blamed column holds are counted only then, by reading the file again (`valuesSeen`), so
/// that the usual case pays nothing per row but the test.
struct RowFilter {
    /// One condition, for messages.
    struct Test {
        let column: TableColumn
        /// True for `where:` and `area-level:` (the row holds one of the values), false for
        /// `where-not:` (it holds none of them).
        let keeps: Bool
        /// The pipeline key that sets it ("where", "where-not", "area-level") and its values.
        let key: String
        let texts: [String]
    }

    let tests: [Test]
    private let conditions: TextConditions
    /// Whether each condition passed on some row that passed the conditions before it.
    private(set) var passed: [Bool]
    private var allPassed = false

    /// The filter of a source's row conditions, its columns found in `header`; nil when the
    /// source keeps every row.
    init?(_ source: SourceSpec, header: TableHeader) throws {
        var tests: [Test] = []
        func add(_ conditions: RowConditions?, keeps: Bool, key: String) throws {
            for condition in conditions?.conditions ?? [] {
                tests.append(Test(column: try header.column(condition.column), keeps: keeps, key: key, texts: condition.values))
            }
        }
        if let level = source.areaLevel { try add(RowConditions([level.condition]), keeps: true, key: "area-level") }
        try add(source.rows, keeps: true, key: "where")
        try add(source.exceptRows, keeps: false, key: "where-not")
        guard !tests.isEmpty else { return nil }
        self.tests = tests
        conditions = RowFilter.conditions(tests)
        passed = Array(repeating: false, count: tests.count)
    }

    /// The conditions to test rows with.
    static func conditions(_ tests: [Test]) -> TextConditions {
        TextConditions(tests.map { TextConditions.Condition(column: $0.column, texts: $0.texts, holds: $0.keeps) })
    }

    /// Whether the row belongs.
    mutating func keeps(_ record: TableRecord) -> Bool {
        let failed = conditions.firstFailed(record)
        if !allPassed { notePassed(upTo: failed ?? tests.count) }
        return failed == nil
    }

    private mutating func notePassed(upTo end: Int) {
        for index in 0..<end { passed[index] = true }
        allPassed = !passed.contains(false)
    }

    /// The position of the first condition that no row passed (after passing those before
    /// it), if any.
    var blamed: Int? {
        passed.firstIndex(of: false)
    }

    /// The texts the blamed condition's column holds in the rows of `reader` that pass the
    /// conditions before it, the most frequent first (up to `shown`), with how many rows hold
    /// each, and how many distinct texts there are.
    func valuesSeen(in reader: TableReader, codeColumn: TableColumn, shown: Int = 10) throws -> (values: [(text: String, rows: Int)], distinct: Int) {
        guard let blamed else { return ([], 0) }
        var counts: [String: Int] = [:]
        try reader.forEachRecord { record in
            guard !record.isEmpty(codeColumn), (conditions.firstFailed(record) ?? tests.count) >= blamed else { return }
            counts[record.text(tests[blamed].column), default: 0] += 1
        }
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return (sorted.prefix(shown).map { ($0.key, $0.value) }, counts.count)
    }
}
