import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// The column types a downstream tool gets from the CSV tables, checked with DuckDB on three
/// releases that differ as much as releases do: the synthetic sample, the real Lancashire
/// release and the districts check (whose numerator, denominator, population and interval
/// columns are empty throughout).
///
/// Two things are checked. DuckDB's own guess (`read_csv_auto`) gives every column that
/// holds a value the type its data package declares, so the same type in every release: a
/// `number` column is never guessed as a whole number in one release and a decimal in the
/// next. A column empty throughout a release cannot say its type in its text, whatever is
/// written (DuckDB guesses VARCHAR); for those, the recipe `data-out/README.md` gives, the
/// types read from `datapackage.json`, gives every column, empty or not, its declared type
/// in every release.
@Suite("Column types a CSV reader infers", .enabled(if: RealData.isPresent, "../shared/data/real is not present"))
struct CSVColumnTypeTests {
    /// The Python program: for each table of each release, each column's type as guessed,
    /// as read by the documented recipe, and whether it holds a value.
    static let program = #"""
        import duckdb, json, sys
        types = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN"}
        found = {}
        for folder in sys.argv[1:]:
            package = json.load(open(folder + "/datapackage.json"))
            area = package["areaneeds"]["area_key"]
            for resource in package["resources"]:
                path = folder + "/" + resource["path"]
                columns = {field["name"]: types[field["type"]] for field in resource["schema"]["fields"]}
                guessed = dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_csv_auto('{path}'))").fetchall())
                # The recipe: the data package's types, given to read_csv.
                typed = duckdb.read_csv(path, header=True, dtype=columns)
                recipe = dict(zip(typed.columns, map(str, typed.types)))
                counts = typed.aggregate(", ".join(f'count("{name}")' for name in columns)).fetchall()[0]
                for (name, declared), count in zip(columns.items(), counts):
                    # Area columns are named after the area key: compared as one column.
                    key = resource["name"] + "." + name.replace(area + "_", "area_", 1)
                    found.setdefault(key, []).append({"release": folder, "declared": declared, "guessed": guessed[name],
                                                      "recipe": recipe[name], "values": count})
        print(json.dumps(found))
        """#

    @Test func everyColumnHasOneTypeInEveryRelease() throws {
        guard let python = PythonReaders.located.python else { try Test.cancel(Comment(rawValue: PythonReaders.located.reason)) }
        let project = try RealProject(pipeline: "lancashire")
        let repository = FixtureProject.repository
        for name in ["iod2019-districts", "sample"] {
            try FileManager.default.copyItem(atPath: "\(repository)/pipelines/\(name).yml", toPath: project.pipelinePath(name))
        }
        try FileManager.default.copyItem(atPath: repository + "/data-raw/sample", toPath: project.root + "/data-raw/sample")
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        var releases: [String] = []
        for name in ["sample", "lancashire", "iod2019-districts"] {
            let outcome = try PipelineRunner(pipeline: try Pipeline.load(path: project.pipelinePath(name)), logger: logger).run()
            releases.append(try #require(outcome.releaseFolder))
        }

        let result = try PythonReaders.run(python, program: Self.program, releases)
        #expect(result.status == 0, "\(result.transcript)")
        let found = try JSONDecoder().decode([String: [Observation]].self, from: Data(result.standardOutput.utf8))
        #expect(found.count > 50, "every column of every table")
        var emptyThroughout: [String] = []
        for (column, observations) in found.sorted(by: { $0.key < $1.key }) {
            #expect(observations.count == 3, "\(column) is in every release")
            for observation in observations {
                #expect(observation.recipe == observation.declared, "\(column) in \(observation.release): the recipe gives \(observation.recipe)")
                if observation.values > 0 {
                    #expect(observation.guessed == observation.declared,
                            "\(column) in \(observation.release): DuckDB guesses \(observation.guessed), the data package says \(observation.declared)")
                } else {
                    emptyThroughout.append("\(column) (\((observation.release as NSString).pathComponents.suffix(2).first ?? ""))")
                }
            }
        }
        // The districts release has no counts: the case the recipe is for.
        #expect(emptyThroughout.contains("indicator_needs.numerator (iod2019-districts)"), "\(emptyThroughout)")
    }

    struct Observation: Decodable {
        var release: String
        var declared: String
        var guessed: String
        var recipe: String
        var values: Int
    }
}
