import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// One broken input: what it is, where it goes in the fixture project, and what the run
/// must answer.
struct BrokenInput: Sendable, CustomTestStringConvertible {
    /// How the input is made.
    enum Content: Sendable {
        /// A file of the corpus in `Tests/BrokenInputs/`.
        case corpus(String)
        /// Bytes made by the test (too big to commit).
        case generated(@Sendable () -> [UInt8])
        /// The file is removed.
        case removed
    }

    var name: String
    var content: Content
    /// Where it goes, relative to the fixture project.
    var installAs: String
    /// Text added to the pipeline file's top level.
    var pipelineAddition: String?
    /// Settings of the fuel poverty source changed in the pipeline file: its `file:` line
    /// replaced by these lines (a workbook and its `sheet:`, an `encoding:`).
    var fuelSource: [String]?
    /// The documented exit code.
    var status: Int32
    /// Fragments the message must hold ($ROOT is the project's folder): what, and where.
    var mentions: [String]

    var testDescription: String { name }

    static let fuel = "data-raw/sources/fuel.csv"
    static let workbook = "data-raw/sources/fuel.xlsx"
    /// The fuel poverty source read from sheet "Table 3" of `workbook`.
    static let fromSheet = ["file: ../data-raw/sources/fuel.xlsx", "sheet: Table 3"]
    static let corpusFolder = FixtureProject.repository + "/Tests/BrokenInputs"

    /// The corpus: one row per broken input.
    static let all: [BrokenInput] = [
        BrokenInput(name: "empty file", content: .corpus("empty.csv"), installAs: fuel, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv: the file is empty", "line 24 (indicators[0].source.file)"]),
        BrokenInput(name: "header only", content: .corpus("header-only.csv"), installAs: fuel, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv has no data rows (rows with an area code in column \"LSOA Code\") below its header on line 1"]),
        BrokenInput(name: "binary garbage", content: .corpus("garbage.bin"), installAs: fuel, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv, line 1, column", "invalid UTF-8"]),
        BrokenInput(name: "an Excel workbook with no sheet named", content: .generated { workbookBytes(FixtureProject.fuelPovertyWorkbook()) },
                    installAs: fuel, status: 78,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv: it is an Excel workbook: say which sheet to read with `sheet:`",
                               "its sheets are \"Table 3\"", "line 24 (indicators[0].source.file); add `sheet:` beside it)"]),
        BrokenInput(name: "a truncated workbook", content: .corpus("truncated.xlsx"), installAs: workbook, fuelSource: fromSheet, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.xlsx: the workbook is damaged or incomplete (the zip archive has no end record"]),
        BrokenInput(name: "a workbook without its shared strings", content: .generated { workbookBytes(FixtureProject.fuelPovertyWorkbook(), sharedStrings: false) },
                    installAs: workbook, fuelSource: fromSheet, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.xlsx, sheet \"Table 3\", row 1, column A: the workbook is damaged or incomplete",
                               "the workbook has no shared strings part"]),
        BrokenInput(name: "an old .xls renamed .xlsx", content: .corpus("old-excel.xlsx"), installAs: workbook, fuelSource: fromSheet, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.xlsx: it is in the old binary Excel format (.xls)", "save it as an Excel workbook (.xlsx)"]),
        BrokenInput(name: "a workbook zip bomb", content: .generated(workbookBomb), installAs: workbook,
                    pipelineAddition: "limits: {max-decompressed-bytes: 1 MiB}", fuelSource: fromSheet, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.xlsx, sheet \"Table 3\": decompresses to more than 1 MiB",
                               "(the limit is `limits: {max-decompressed-bytes: 1 MiB}` in pipelines/test.yml)"]),
        BrokenInput(name: "a sheet with a 10 MB cell", content: .generated(hugeCell), installAs: workbook, fuelSource: fromSheet, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.xlsx, sheet \"Table 3\", row 5, column C: a field is larger than 1 MiB",
                               "(the limit is `limits: {max-field-bytes: 1 MiB}` in pipelines/test.yml)"]),
        BrokenInput(name: "a sheet the workbook does not have", content: .generated { workbookBytes(FixtureProject.fuelPovertyWorkbook()) },
                    installAs: workbook, fuelSource: ["file: ../data-raw/sources/fuel.xlsx", "sheet: Table 9"], status: 78,
                    mentions: ["$ROOT/data-raw/sources/fuel.xlsx: the workbook has no sheet \"Table 9\"; its sheets are \"Table 3\"",
                               "(set in pipelines/test.yml, line 25 (indicators[0].source.sheet))"]),
        BrokenInput(name: "a sheet named for a CSV file", content: .generated { Array(FixtureProject.fuelPoverty().utf8) },
                    installAs: fuel, fuelSource: ["file: ../data-raw/sources/fuel.csv", "sheet: 1"], status: 78,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv: a sheet was named, but the file is not an Excel workbook (.xlsx)",
                               "line 25 (indicators[0].source.sheet)"]),
        BrokenInput(name: "an unknown encoding", content: .generated { Array(FixtureProject.fuelPoverty().utf8) },
                    installAs: fuel, fuelSource: ["file: ../data-raw/sources/fuel.csv", "encoding: ebcdic"], status: 78,
                    mentions: ["pipelines/test.yml, line 25", "unknown encoding \"ebcdic\""]),
        BrokenInput(name: "undeclared Windows-1252", content: .corpus("windows-1252.csv"), installAs: fuel, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv, line 1, column 1: invalid UTF-8 at byte 23 of the field: "
                               + "the file looks like Windows-1252 text; read it with `encoding: windows-1252`"]),
        BrokenInput(name: "UTF-16 text", content: .corpus("utf16.csv"), installAs: fuel, status: 66,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv: cannot read the file (the file is UTF-16 text; save it as CSV UTF-8)"]),
        BrokenInput(name: "truncated gzip", content: .corpus("truncated.csv.gz"), installAs: fuel, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv: the gzip stream ends early"]),
        BrokenInput(name: "gzip bomb", content: .generated(gzipBomb), installAs: fuel,
                    pipelineAddition: "limits: {max-decompressed-bytes: 1 MiB}", status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv: decompresses to more than 1 MiB",
                               "(the limit is `limits: {max-decompressed-bytes: 1 MiB}` in pipelines/test.yml)"]),
        BrokenInput(name: "invalid UTF-8", content: .corpus("invalid-utf8.csv"), installAs: fuel, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv, line 8, column 3 (Fuel poor): invalid UTF-8 at byte 2 of the field"]),
        BrokenInput(name: "ragged row", content: .corpus("ragged.csv"), installAs: fuel, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv, line 6: the row has 2 fields but the header has 3: \"L13,1,000\""]),
        BrokenInput(name: "quote never closed", content: .corpus("unclosed-quote.csv"), installAs: fuel, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv, line 21, column 2 (Households): a quoted field is never closed"]),
        BrokenInput(name: "a 10 MB field", content: .generated(hugeField), installAs: fuel, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv, line 4, column 3 (Fuel poor): a field is larger than 1 MiB",
                               "(the limit is `limits: {max-field-bytes: 1 MiB}` in pipelines/test.yml)"]),
        BrokenInput(name: "a where: that keeps no row", content: .corpus("long-where-nothing.csv"), installAs: fuel,
                    fuelSource: ["file: ../data-raw/sources/fuel.csv", "where: {Measure: Low income high costs}"], status: 65,
                    mentions: ["indicator fuel-poverty: $ROOT/data-raw/sources/fuel.csv: no row has \"Low income high costs\" in column \"Measure\", so `where:` keeps no row; "
                               + "the column holds \"Low income low energy efficiency\" (18 rows)",
                               "(set in pipelines/test.yml, line 25 (indicators[0].source.where))"]),
        BrokenInput(name: "a period that is not one", content: .corpus("long-period-not-a-period.csv"), installAs: fuel,
                    fuelSource: ["file: ../data-raw/sources/fuel.csv", "period: {column: Period}"], status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv, line 27, column 2 (Period): expected a period, such as 2023-04-01/P1Y",
                               ": \"2022/23 (revised)\""]),
        BrokenInput(name: "an area whose latest period is older", content: .corpus("long-older-period.csv"), installAs: fuel,
                    pipelineAddition: "checks: {older-period: error}", fuelSource: ["file: ../data-raw/sources/fuel.csv", "period: {column: Year}"], status: 65,
                    mentions: ["indicator fuel-poverty: 1 area's latest period in $ROOT/data-raw/sources/fuel.csv is older than 2022, the others' latest: L32 (2021)",
                               "`checks: {older-period: warning}`"]),
        BrokenInput(name: "duplicate headers", content: .corpus("duplicate-headers.csv"), installAs: fuel, status: 78,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv: the column name \"Households\" appears more than once (columns 2 and 4)"]),
        // Read as if every line ended in LF: the same rows, so nothing after ingest changes.
        BrokenInput(name: "CRLF mixed with LF", content: .corpus("mixed-line-ends.csv"), installAs: fuel, status: 0,
                    mentions: ["normalise: up to date"]),
        BrokenInput(name: "missing lookup", content: .removed, installAs: "data-raw/geography/ward.csv", status: 66,
                    mentions: ["geography: $ROOT/data-raw/geography/ward.csv: file not found", "(set in pipelines/test.yml, line 13 (geography.lookups[1].file))"]),
        BrokenInput(name: "lookup weights not summing to one", content: .corpus("lookup-weights.csv"), installAs: "data-raw/geography/ward.csv",
                    status: 65, mentions: ["$ROOT/data-raw/geography/ward.csv", "W1", "0.8"]),
        BrokenInput(name: "pipeline file with a tab", content: .corpus("pipeline-tabs.yml"), installAs: "pipelines/test.yml", status: 78,
                    mentions: ["pipelines/test.yml, line 5, column 1", "(a tab: YAML is indented with spaces only)"]),
        BrokenInput(name: "pipeline file with an anchor", content: .corpus("pipeline-anchors.yml"), installAs: "pipelines/test.yml", status: 78,
                    mentions: ["pipelines/test.yml, line 4: anchors and aliases (&name, *name) are not allowed"]),
        BrokenInput(name: "pipeline file with an unknown key", content: .corpus("pipeline-unknown-key.yml"), installAs: "pipelines/test.yml", status: 78,
                    mentions: ["pipelines/test.yml, line 4 (relase): unknown key \"relase\""]),
        BrokenInput(name: "pipeline file with a tag carrying an anchor", content: .corpus("pipeline-tag-alias.yml"), installAs: pipeline, status: 78,
                    mentions: ["pipelines/test.yml, line 13: tags (!!str, !name) are not allowed in a pipeline file"]),
        BrokenInput(name: "pipeline file with a merge key", content: .corpus("pipeline-merge-key.yml"), installAs: pipeline, status: 78,
                    mentions: ["pipelines/test.yml, line 5 (release): merge keys (<<) are not allowed in a pipeline file"]),
        BrokenInput(name: "pipeline file of 2 MB", content: .generated(hugePipeline), installAs: pipeline, status: 78,
                    mentions: ["pipelines/test.yml: larger than 1 MiB, the most a pipeline file may be"]),
        BrokenInput(name: "pipeline file with a repeated key", content: .generated { fixturePipeline("title: Fixture pipeline", "title: Fixture pipeline\ntitle: Again") },
                    installAs: pipeline, status: 78,
                    mentions: ["pipelines/test.yml, line 2: the key \"title\" is given more than once in one mapping (first on this line); keep one"]),
        BrokenInput(name: "scale of zero", content: .generated { fixturePipeline("    scale: 100\n    source:\n      file: ../data-raw/sources/fuel.csv", "    scale: 0\n    source:\n      file: ../data-raw/sources/fuel.csv") },
                    installAs: pipeline, status: 78, mentions: ["pipelines/test.yml, line 22 (indicators[0].scale): a multiplier above 0 and at most 1000000000", "not 0"]),
        BrokenInput(name: "infinite scale", content: .generated { fixturePipeline("    scale: 100\n    source:\n      file: ../data-raw/sources/fuel.csv", "    scale: .inf\n    source:\n      file: ../data-raw/sources/fuel.csv") },
                    installAs: pipeline, status: 78, mentions: ["pipelines/test.yml, line 22 (indicators[0].scale)", "not .inf"]),
        BrokenInput(name: "national count of zero", content: .generated { fixturePipeline("    aggregation: weighted-mean", "    aggregation: average-rank\n    national-count: 0") },
                    installAs: pipeline, status: 78,
                    mentions: ["pipelines/test.yml, line 36 (indicators[1].national-count): the number of small areas the national ranks run over", "not 0"]),
        BrokenInput(name: "a 300-character pipeline name", content: .generated { fixturePipeline("pipeline: test", "pipeline: " + String(repeating: "a", count: 300)) },
                    installAs: pipeline, status: 78, mentions: ["pipelines/test.yml, line 1 (pipeline):", "is 300 characters long; it may have at most 64"]),
        BrokenInput(name: "a title that is a formula", content: .generated { fixturePipeline("    title: Households in fuel poverty", "    title: \"=HYPERLINK(\\\"http://example.org\\\")\"") },
                    installAs: pipeline, status: 78,
                    mentions: ["pipelines/test.yml, line 16 (indicators[0].title): \"=HYPERLINK(\"http://example.org\")\": it begins with \"=\", which makes a spreadsheet read the cell as a formula"]),
        BrokenInput(name: "a label with an escape sequence", content: .generated { fixturePipeline("  label: test", "  label: \"test\\e[31m\"") },
                    installAs: pipeline, status: 78,
                    mentions: ["pipelines/test.yml, line 5 (release.label): the text \"test\\u001B[31m\" holds a control character (escape, U+001B)"]),
        BrokenInput(name: "an area name that is a formula", content: .corpus("areas-formula-name.csv"), installAs: areas, status: 65,
                    mentions: ["$ROOT/data-raw/geography/areas.csv, line 3: the \"spa_name\" cell \"=HYPERLINK(\"http://example.org\",\"North T…\" cannot be published: it begins with \"=\""]),
        BrokenInput(name: "names with escape sequences", content: .corpus("areas-escape-name.csv"), installAs: areas, status: 65,
                    mentions: ["$ROOT/data-raw/geography/areas.csv, line 5: the \"spa_name\" cell \"South\\u001B]0;pwned\\u0007One\" cannot be published: it holds a control character (escape, U+001B)",
                               "$ROOT/data-raw/geography/areas.csv, line 5: the \"district_name\" cell \"\\u202EelaV\" cannot be published"]),
        BrokenInput(name: "a lookup code that is a formula", content: .corpus("lookup-formula-code.csv"), installAs: "data-raw/geography/lsoa11.csv", status: 65,
                    mentions: ["$ROOT/data-raw/geography/lsoa11.csv, line 7: the \"lsoa11_code\" cell \"+L23\" cannot be published: it begins with \"+\""]),
        BrokenInput(name: "a number beyond a double", content: .corpus("fuel-beyond-a-double.csv"), installAs: fuel, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv, line 10, column 3 (Fuel poor): expected a number or a suppression marker: \"1e309\""]),
        BrokenInput(name: "figures that add up beyond a double", content: .corpus("fuel-overflowing-sum.csv"), installAs: fuel, status: 65,
                    mentions: ["indicator fuel-poverty: the figure of area A4 (South One) is beyond the range of a number",
                               "the largest figure among its small areas is 1e+308 on line 13, column \"Fuel poor\" of $ROOT/data-raw/sources/fuel.csv"]),
        BrokenInput(name: "a carriage return alone inside a line", content: .corpus("fuel-stray-carriage-return.csv"), installAs: fuel, status: 65,
                    mentions: ["$ROOT/data-raw/sources/fuel.csv, line 17: a carriage return (\\r) at byte 14 of the line, not at its end, breaks the row in two"]),
        BrokenInput(name: "a source file named as the areas table", content: .generated { Array(FixtureProject.fuelPoverty().utf8) },
                    installAs: areas, status: 78,
                    mentions: ["geography: $ROOT/data-raw/geography/areas.csv: no column named \"spa_code\"",
                               "this does not look like a geography file", "(set in pipelines/test.yml, line"]),
        BrokenInput(name: "a long line with escapes named as the areas table",
                    content: .generated { Array(("\u{1B}[31m" + String(repeating: "A", count: 5000) + ",b\u{07}\n1,2\n").utf8) },
                    installAs: areas, status: 78,
                    mentions: ["the header has \"\\u001B[31mAAAA", "\"b\\u0007\"", "this does not look like a geography file"]),
        BrokenInput(name: "an age band missing for a small area", content: .corpus("deaths-band-missing.csv"), installAs: deaths,
                    pipelineAddition: lifeExpectancy, status: 65,
                    mentions: ["indicator life-expectancy: $ROOT/data-raw/sources/deaths.csv: small area L32 (rows from line 142), age band 85-89: the age band is missing"]),
        BrokenInput(name: "an age band twice for a small area", content: .corpus("deaths-band-twice.csv"), installAs: deaths,
                    pipelineAddition: lifeExpectancy, status: 65,
                    mentions: ["indicator life-expectancy: $ROOT/data-raw/sources/deaths.csv, line 64: small area L21, age band 1-4: the age band is given more than once for the small area (its first row is on line 62)"]),
        BrokenInput(name: "an unknown age band", content: .corpus("deaths-unknown-band.csv"), installAs: deaths,
                    pipelineAddition: lifeExpectancy, status: 65,
                    mentions: ["$ROOT/data-raw/sources/deaths.csv, line 227: small area L43, age band 25 to: unknown age band '25 to'"]),
        BrokenInput(name: "negative deaths", content: .corpus("deaths-negative.csv"), installAs: deaths,
                    pipelineAddition: lifeExpectancy, status: 65,
                    mentions: ["$ROOT/data-raw/sources/deaths.csv, line 265: small area L52, age band 10-14: deaths in column \"Deaths\" is negative (-2)"]),
        BrokenInput(name: "more deaths than population", content: .corpus("deaths-above-population.csv"), installAs: deaths,
                    pipelineAddition: lifeExpectancy, status: 65,
                    mentions: ["$ROOT/data-raw/sources/deaths.csv, line 61: small area L13, age band 90+: deaths (1200) are more than the population (1000)"]),
        BrokenInput(name: "deaths that are not a number", content: .corpus("deaths-not-a-number.csv"), installAs: deaths,
                    pipelineAddition: lifeExpectancy, status: 65,
                    mentions: ["$ROOT/data-raw/sources/deaths.csv, line 312: small area L61, age band 45-49: deaths \"n/a deaths\" in column \"Deaths\" is not a number"]),
    ]

    static let deaths = "data-raw/sources/deaths.csv"
    /// An indicator added to the fixture's pipeline file that reads `deaths` by age band.
    static let lifeExpectancy = """
          - id: life-expectancy
            title: Life expectancy at birth
            objective: 4
            polarity: higher-is-better
            unit: years
            vintage: 2018-22
            aggregation: life-expectancy
            source:
              file: ../data-raw/sources/deaths.csv
              geography: lsoa11
              area-code: LSOA
              age-band: Age band
              deaths: Deaths
              population: Person-years
        """

    static let pipeline = "pipelines/test.yml"
    static let areas = "data-raw/geography/areas.csv"

    /// The fixture's pipeline file with `original` replaced.
    static func fixturePipeline(_ original: String, _ replacement: String) -> [UInt8] {
        precondition(FixtureProject.pipeline.contains(original), "no \(original) in the fixture's pipeline")
        return Array(FixtureProject.pipeline.replacingOccurrences(of: original, with: replacement).utf8)
    }

    /// Two megabytes of one key repeated: refused by its size, before it is read or quoted.
    static func hugePipeline() -> [UInt8] {
        Array(String(repeating: "title: again and again\n", count: 100_000).utf8)
    }

    /// The fuel table compressed, with rows enough to decompress to 2 MiB: a small file
    /// that grows far past the 1 MiB limit set for it.
    static func gzipBomb() -> [UInt8] {
        let path = NSTemporaryDirectory() + "areaneeds-bomb-" + UUID().uuidString + ".csv.gz"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try! TableWriter(path: path, columns: ["LSOA Code", "Households", "Fuel poor"], compression: .gzip)
        for row in 0..<150_000 { try! writer.write(["L\(row)", "1000", "100"]) }
        try! writer.finish()
        return Array(FileManager.default.contents(atPath: path)!)
    }

    /// A workbook's bytes, with or without its shared strings part.
    static func workbookBytes(_ workbook: WorkbookFile, sharedStrings: Bool = true) -> [UInt8] {
        var workbook = workbook
        workbook.writesSharedStrings = sharedStrings
        let path = NSTemporaryDirectory() + "areaneeds-workbook-" + UUID().uuidString + ".xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try! workbook.write(to: path)
        return Array(FileManager.default.contents(atPath: path)!)
    }

    /// The fuel table with 100,000 more rows of the same numbers below: a sheet whose XML
    /// grows a hundredfold inflated, far past the 1 MiB limit set for it.
    static func workbookBomb() -> [UInt8] {
        var rows: [[WorkbookCell?]] = [[.text("Table 3")], [], [.text("LSOA Code"), .text("Households"), .text("Fuel poor")]]
        rows += (1...100_000).map { _ in [.text("L11"), .number("1000"), .number("100")] }
        return workbookBytes(WorkbookFile(sheets: [WorkbookFile.Sheet("Table 3", rows: rows)]))
    }

    /// The fuel workbook with ten million digits in a cell (row 5, column C).
    static func hugeCell() -> [UInt8] {
        workbookBytes(FixtureProject.fuelPovertyWorkbook(replacing: [(5, 3, .inlineText(String(repeating: "9", count: 10_000_000)))]))
    }

    /// A row whose third field is ten million digits.
    static func hugeField() -> [UInt8] {
        Array("\"Table 3\"\n\nLSOA Code,Households,Fuel poor\nL11,1000,".utf8) + [UInt8](repeating: UInt8(ascii: "9"), count: 10_000_000) + [0x0A]
    }
}

/// Every file of the broken-input corpus, run through `areaneeds run` and `validate`: the
/// documented exit code, a message naming the problem and where it is, and no change to
/// the releases or `latest`.
@Suite("Broken inputs")
struct BrokenInputTests {
    @Test(arguments: BrokenInput.all)
    func brokenInputGivesItsExitCodeAndMessageAndPublishesNothing(_ input: BrokenInput) throws {
        let project = FixtureProject()
        try Self.publishFirstRelease(project)
        let before = try Self.releases(project)

        try install(input, in: project)
        for command in ["run", "validate"] {
            let result = try Executables.run("areaneeds", [command, "pipelines/test.yml"], in: project.root)
            #expect(result.status == input.status, "\(command): \(result.transcript)")
            #expect(ExitCodeTests.documented.contains(result.status), "\(command) gave \(result.status), which the README does not list")
            #expect(!result.standardError.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(command) printed a raw escape")
            for mention in input.mentions {
                let expected = mention.replacingOccurrences(of: "$ROOT", with: project.root)
                #expect(result.standardError.contains(expected), "\(command): no \"\(expected)\" in:\n\(result.standardError)")
            }
            #expect(try Self.releases(project) == before, "\(command) changed the releases")
            let leftovers = try Self.files(under: project.releases).filter { $0.contains(".partial-") }
            #expect(leftovers.isEmpty, "\(command) left \(leftovers)")
        }
    }

    @Test func everyCorpusFileHasARow() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: BrokenInput.corpusFolder).filter { $0 != "README.md" }
        let used = BrokenInput.all.compactMap { input -> String? in
            if case .corpus(let name) = input.content { return name }
            return nil
        }
        #expect(Set(files) == Set(used))
    }

    private func install(_ input: BrokenInput, in project: FixtureProject) throws {
        let path = project.root + "/" + input.installAs
        try? FileManager.default.removeItem(atPath: path)
        switch input.content {
        case .corpus(let name):
            try FileManager.default.copyItem(atPath: BrokenInput.corpusFolder + "/" + name, toPath: path)
        case .generated(let make):
            _ = FileManager.default.createFile(atPath: path, contents: Data(make()))
        case .removed:
            break
        }
        if let addition = input.pipelineAddition {
            project.write("pipelines/test.yml", project.read("pipelines/test.yml") + addition + "\n")
        }
        if let lines = input.fuelSource {
            let indent = "      "
            let replaced = project.read("pipelines/test.yml").replacingOccurrences(
                of: indent + "file: ../data-raw/sources/fuel.csv\n", with: lines.map { indent + $0 + "\n" }.joined())
            project.write("pipelines/test.yml", replaced)
        }
    }

    /// The first release, made in this process.
    static func publishFirstRelease(_ project: FixtureProject) throws {
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        _ = try PipelineRunner(pipeline: pipeline, logger: logger).run()
    }

    /// Every file of the releases and `latest` with its content hash: the staging folder
    /// and the lock aside, equal snapshots mean nothing was published.
    static func releases(_ project: FixtureProject) throws -> [String: String] {
        var snapshot: [String: String] = [:]
        for file in try files(under: project.releases) where !file.hasPrefix("staging/") && file != ".lock" {
            let path = project.releases + "/" + file
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                snapshot[file] = "-> " + target
            } else {
                snapshot[file] = try FileHash.sha256(ofFile: path)
            }
        }
        #expect(snapshot["latest"] == "-> 1.0.0")
        return snapshot
    }

    /// Paths under `folder`, relative to it; links are listed, not followed.
    static func files(under folder: String) throws -> [String] {
        var found: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let path = folder + "/" + name
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                found += try files(under: path).map { name + "/" + $0 }
            } else {
                found.append(name)
            }
        }
        return found
    }
}
