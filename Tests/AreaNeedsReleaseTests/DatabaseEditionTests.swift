import AreaNeedsCore
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsRelease

/// The database edition, queried through SQLite: every table equal to its CSV, the data
/// package's keys and types, the indexes and views, the metadata, and the same bytes from
/// two runs.
@Suite("The database edition")
struct DatabaseEditionTests {
    static func publishSample(into folder: ReleasesFolder) throws -> String {
        var sample = SampleDraft()
        sample.areas[0][1] = "=1+1 O'Brien"
        try folder.writer.publish(sample.draft, created: WorkbookEditionTests.created)
        return folder.path + "/1.0.0"
    }

    @Test func everyTableHoldsItsCSVRowForRow() throws {
        let project = FixtureProject()
        try project.run()
        let release = project.folder("1.0.0")
        let database = try SQLiteDatabase(path: release + "/test-1.0.0.sqlite", create: false)
        let schema = try Release.open(release).schema
        for table in schema.tables {
            let csv = try TableReader(path: release + "/" + table.fileName, options: ReadOptions(header: .line(1))).readAll()
            // Stored in primary key order: compared as sets of rows (the key makes each one).
            let rows = try database.rows("SELECT * FROM \"\(table.name)\"")
            #expect(rows.count == csv.count, "\(table.name)")
            let expected = csv.map { text in
                table.fields.enumerated().map { column, field -> SQLiteDatabase.Value in
                    switch field.type {
                    case _ where text[column].isEmpty: .null
                    case .string: .text(text[column])
                    case .integer: .integer(Int64(text[column])!)
                    case .number: .real(Double(text[column])!)
                    case .boolean: .integer(text[column] == "true" ? 1 : 0)
                    }
                }
            }
            let stored = Set(rows)
            for (index, row) in expected.enumerated() {
                #expect(stored.contains(row), "\(table.name) line \(index + 2): \(row) is not in the database")
            }
        }
    }

    @Test func tablesHaveTheDataPackagesTypesKeysAndIndexes() throws {
        let folder = ReleasesFolder()
        let release = try Self.publishSample(into: folder)
        let database = try SQLiteDatabase(path: release + "/draft-1.0.0.sqlite", create: false)
        // Column types as the data package's: text, integer, real; booleans as integers.
        let columns = try database.rows("SELECT name, type, \"notnull\", pk FROM pragma_table_info('indicator_needs') ORDER BY cid")
        let types: [TableSchema.FieldType: String] = [.string: "TEXT", .integer: "INTEGER", .number: "REAL", .boolean: "INTEGER"]
        #expect(columns.map { $0[1] } == ReleaseSchema().indicatorNeeds.fields.map { .text(types[$0.type]!) })
        #expect(columns.prefix(3).map { $0[1] } == [.text("TEXT"), .text("TEXT"), .text("REAL")])
        #expect(columns.filter { $0[3] != .integer(0) }.map { $0[0] } == [.text("spa_code"), .text("indicator_id")], "the primary key")
        let keys = try database.rows("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('indicator_needs') ORDER BY \"from\"")
        #expect(keys == [[.text("indicators"), .text("indicator_id"), .text("indicator_id")], [.text("areas"), .text("spa_code"), .text("spa_code")]])
        #expect(try database.rows("PRAGMA foreign_key_check").isEmpty)
        #expect(try database.rows("PRAGMA integrity_check") == [[.text("ok")]])
        let indexes = try database.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").map { $0[0] }
        #expect(indexes == [
            "area_lookup_by_spa_code", "framework_by_objective_id", "indicator_needs_by_indicator_id", "indicators_by_objective_id",
            "objective_needs_by_objective_id", "outcomes_by_objective_id",
        ].map { .text($0) })
        // The constraints hold: a quintile of 6 is refused.
        #expect(throws: SQLiteError.self) {
            let writable = try SQLiteDatabase(path: release + "/draft-1.0.0.sqlite", create: true)
            try writable.execute("UPDATE indicator_needs SET need_quintile = 6")
        }
    }

    @Test func viewsJoinWhatPeopleAskFor() throws {
        let folder = ReleasesFolder()
        let release = try Self.publishSample(into: folder)
        let database = try SQLiteDatabase(path: release + "/draft-1.0.0.sqlite", create: false)
        let indicators = try database.rows("""
            SELECT spa_name, district_name, objective_short_name, indicator_title, unit, value, need_quintile, quality
            FROM area_indicators WHERE spa_code = 'A1' ORDER BY indicator_id
            """)
        #expect(indicators == [
            [.text("=1+1 O'Brien"), .text("Dale"), .text("objective-1"), .text("Indicator A"), .text("%"), .real(10), .integer(5), .text("exact")],
            [.text("=1+1 O'Brien"), .text("Dale"), .text("objective-2"), .text("Indicator B"), .text("score"), .real(3.5), .integer(1), .text("exact")],
        ])
        let objectives = try database.rows("SELECT spa_code, objective_id, objective_short_name, need_quintile, highest_need FROM area_objectives WHERE objective_id = 1 ORDER BY spa_code")
        #expect(objectives == [
            [.text("A1"), .integer(1), .text("objective-1"), .integer(5), .integer(0)],
            [.text("A2"), .integer(1), .text("objective-1"), .integer(1), .integer(1)],
        ])
    }

    @Test func metadataDescribesTheRelease() throws {
        let folder = ReleasesFolder()
        let release = try Self.publishSample(into: folder)
        let database = try SQLiteDatabase(path: release + "/draft-1.0.0.sqlite", create: false)
        let facts = Dictionary(uniqueKeysWithValues: try database.rows("SELECT key, value FROM metadata").map { row in
            (row[0], row[1])
        })
        #expect(facts[.text("pipeline")] == .text("draft"))
        #expect(facts[.text("version")] == .text("1.0.0"))
        #expect(facts[.text("created")] == .text("2026-09-21T14:13:20Z"))
        #expect(facts[.text("synthetic")] == .text("true"))
        #expect(facts[.text("licence")] == .text("CC-BY-4.0"))
        let sums = ReleaseFiles.readSums(release + "/SHA256SUMS")
        let tables = try database.rows("SELECT csv_file, csv_sha256, rows FROM release_tables WHERE table_name = 'indicator_needs'")
        #expect(tables == [[.text("indicator_needs.csv"), .text(sums["indicator_needs.csv"]!), .integer(4)]])
    }

    @Test func twoRunsGiveTheSameBytes() throws {
        let first = ReleasesFolder(), second = ReleasesFolder()
        let one = try Self.publishSample(into: first)
        let two = try Self.publishSample(into: second)
        #expect(try sha256(one + "/draft-1.0.0.sqlite") == sha256(two + "/draft-1.0.0.sqlite"))
        // A fixed page size, whatever SQLite's default.
        let database = try SQLiteDatabase(path: one + "/draft-1.0.0.sqlite", create: false)
        #expect(try database.rows("PRAGMA page_size") == [[.integer(Int64(DatabaseEdition.pageSize))]])
    }

    @Test func theSampleReleasesCountsMatchItsCSVs() throws {
        let project = FixtureProject()
        try project.run()
        let release = project.folder("1.0.0")
        // As a person would check it: sqlite3's own answer, when sqlite3 is installed.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else {
            try Test.cancel("the sqlite3 command is not installed (Debian: sqlite3)")
        }
        let answer = try ChildProcess.run("/usr/bin/sqlite3", [release + "/test-1.0.0.sqlite", "select count(*) from indicator_needs"])
        let lines = try String(contentsOfFile: release + "/indicator_needs.csv", encoding: .utf8).split(separator: "\n").count
        #expect(answer.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == String(lines - 1))
    }
}
