@testable import AreaNeedsAssess
import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// `areaneeds show`: a release table filtered, sorted and shown as a terminal table that
/// fits its width, or as CSV, JSON and Markdown; unknown names get suggestions, a release
/// that fails its checksums is refused, and filters that match nothing say so.
@Suite("Showing a release table")
struct ShowCommandTests {
    let project = FixtureProject()
    var release: String { project.folder("1.0.0") }

    init() throws {
        try project.run()
    }

    func show(_ arguments: [String]) throws -> ChildProcess.Result {
        try Executables.run("areaneeds", ["show"] + arguments + ["--release", release])
    }

    func query(_ table: String, _ configure: (inout TableQuery) -> Void = { _ in }) throws -> ShownTable {
        var query = TableQuery(table: table)
        configure(&query)
        return try query.run(on: try Release.open(release))
    }

    @Test func filtersKeepRowsMatchingEveryFilter() throws {
        // District Dale holds A1 to A3.
        let dale = try query("indicator_needs") { $0.districts = ["Dale"]; $0.indicators = ["fuel-poverty"] }
        #expect(dale.rows.map { $0[0] } == ["A1", "A2", "A3"])
        let areas = try query("objective_needs") { $0.areas = ["a1,A2"]; $0.objectives = ["2"] }
        #expect(areas.rows.map { [$0[0], $0[1]] } == [["A1", "2"], ["A2", "2"]])
        let highest = try query("indicator_needs") { $0.highestNeed = true }
        #expect(!highest.rows.isEmpty && highest.rows.allSatisfy { $0[9] == "true" })
        // An objective on the need table: its indicators' rows.
        let byObjective = try query("indicator_needs") { $0.objectives = ["living-standards"] }
        let indicatorsOfTwo = Set(try Release.open(release).indicators().filter { $0.objectiveId == 2 }.map(\.id))
        #expect(!byObjective.rows.isEmpty && byObjective.rows.allSatisfy { indicatorsOfTwo.contains($0[1]) })
    }

    @Test func columnsAreChosenAndRowsSortedAsTheirTypeSays() throws {
        let shown = try query("indicator_needs") {
            $0.indicators = ["fuel-poverty"]
            $0.columns = ["value,spa_code"]
            $0.sort = ["value:desc"]
        }
        #expect(shown.fields.map(\.name) == ["value", "spa_code"])
        let values = shown.rows.map { Double($0[0])! }
        #expect(values == values.sorted(by: >))
        #expect(shown.rows.first?[1] == "A6")
        // Numbers sort as numbers, not as text ("10.0" after "9.0"), and empty cells last.
        let ascending = SortKey.sorted([["10.0"], [""], ["9.0"]], by: [{ var key = SortKey("n"); key.type = .number; return key }()])
        #expect(ascending == [["9.0"], ["10.0"], [""]])
    }

    @Test func unknownNamesGetSuggestions() throws {
        let table = try show(["indicator_need"])
        #expect(table.status == AreaNeedsError.Category.usage.exitCode)
        #expect(table.standardError.contains("no table 'indicator_need'") && table.standardError.contains("did you mean 'indicator_needs'"))
        let column = try show(["areas", "--columns", "spa_nme"])
        #expect(column.status == AreaNeedsError.Category.usage.exitCode)
        #expect(column.standardError.contains("did you mean 'spa_name'"), "\(column.transcript)")
        let sort = try show(["areas", "--sort", "populaton"])
        #expect(sort.standardError.contains("--sort: no column 'populaton'") && sort.standardError.contains("'population'"))
        let area = try show(["areas", "--area", "North Onee"])
        #expect(area.status == AreaNeedsError.Category.usage.exitCode)
        #expect(area.standardError.contains("unknown area 'North Onee'; did you mean 'North One'"), "\(area.transcript)")
        let indicator = try show(["indicator_needs", "--indicator", "fuel-povrty"])
        #expect(indicator.standardError.contains("did you mean 'fuel-poverty'"), "\(indicator.transcript)")
        let notApplicable = try show(["objectives", "--area", "A1"])
        #expect(notApplicable.status == AreaNeedsError.Category.usage.exitCode)
        #expect(notApplicable.standardError.contains("--area does not apply to objectives"))
    }

    @Test func filtersThatMatchNothingSaySo() throws {
        // Area A1 is in need quintile 5 on fuel poverty: not among the highest needs.
        let result = try show(["indicator_needs", "--area", "A1", "--indicator", "fuel-poverty", "--highest-need"])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("no row of indicator_needs matches --area A1 --indicator fuel-poverty --highest-need"))
    }

    @Test func aReleaseThatFailsItsChecksumsIsRefused() throws {
        let copy = try copyOf(release)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try corrupt(copy + "/areas.csv")
        let result = try Executables.run("areaneeds", ["show", "areas", "--release", copy])
        #expect(result.status == AreaNeedsError.Category.inputData.exitCode)
        #expect(result.standardError.contains("areas.csv: does not match its checksum"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func theTerminalTableFitsItsWidthWithoutCuttingNumbers() throws {
        let shown = try query("indicator_needs") { $0.areas = ["A1"] }
        for width in [60, 100, 140] {
            let lines = shown.text(width: width).split(separator: "\n", omittingEmptySubsequences: false).dropLast(3)
            let widest = lines.map(\.count).max() ?? 0
            // A dozen columns cannot all fit in 60: numbers keep their width, text gives way.
            if width >= 100 { #expect(widest <= width, "width \(width): \(widest)\n\(lines.joined(separator: "\n"))") }
            for row in shown.rows {
                guard let value = Double(row[2]) else { continue }  // the unavailable indicator
                #expect(lines.contains { $0.contains(TextLayout.number(value)) }, "the value \(row[2]) is shown whole")
            }
        }
        let text = shown.text(width: 100)
        #expect(text.hasSuffix("5 rows of indicator_needs, release test 1.0.0\n"))
        // Text is wrapped or cut short with "…" in a narrow column, never overflowing it.
        #expect(ShownTable.fit("a long name of an area", width: 10) == ["a long na…"])
        #expect(ShownTable.fit("a long name of an area here", width: 24) == ["a long name of an area", "here"])
        #expect(ShownTable.wrapHeader("indicators_in_worst_two_fifths", width: 12) == ["indicators_", "in_worst_", "two_fifths"])
    }

    @Test func formatsForOtherTools() throws {
        let shown = try query("indicator_needs") { $0.areas = ["A1"]; $0.indicators = ["fuel-poverty", "wellbeing"] }
        let csv = shown.csv.split(separator: "\n").map(String.init)
        let file = try String(contentsOfFile: release + "/indicator_needs.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(csv.first == file.first)
        #expect(csv.dropFirst().allSatisfy(file.contains), "the CSV rows are the release's, byte for byte")
        let json = try JSONSerialization.jsonObject(with: Data(shown.json.utf8)) as? [[String: Any]]
        let fuel = try #require(json?.first { $0["indicator_id"] as? String == "fuel-poverty" })
        #expect(fuel["value"] as? Double == 10)
        #expect(fuel["need_rank"] as? Int == 6)
        #expect(fuel["highest_need"] as? Bool == false)
        let wellbeing = try #require(json?.first { $0["indicator_id"] as? String == "wellbeing" })
        #expect(wellbeing["value"] is NSNull)
        let markdown = shown.markdown.split(separator: "\n").map(String.init)
        let fields = ReleaseSchema().indicatorNeeds.fields
        #expect(markdown.first == "| " + fields.map(\.name).joined(separator: " | ") + " |")
        #expect(markdown.dropFirst().first == "|" + fields.map { $0.type == .number || $0.type == .integer ? "---:" : ":---" }.joined(separator: "|") + "|")
        #expect(markdown.dropFirst(2).first?.hasPrefix("| A1 | fuel-poverty | 10 | 300 | ") == true, "\(markdown)")
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        #expect(ShownTable.display("Bell\u{07}\u{1B}[31mRed", .string) == "Bell??[31mRed")
        #expect(ShownTable.jsonString("a\"b\u{1B}") == "\"a\\\"b\\u001b\"")
    }

    @Test func aPipelineNameNamesItsNewestRelease() throws {
        let arguments = ["show", "objectives", "--pipeline", "test", "--format", "csv", "--columns", "objective_id,short_name"]
        let result = try Executables.run("areaneeds", arguments, in: project.root)
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.standardOutput.hasPrefix("objective_id,short_name\n1,employment\n"))
        let both = try Executables.run("areaneeds", ["show", "areas", "--pipeline", "test", "--release", release], in: project.root)
        #expect(both.status == 64)
    }
}
