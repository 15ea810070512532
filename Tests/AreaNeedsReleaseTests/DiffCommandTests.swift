import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// `areaneeds diff`, run as people and cron run it: the built executable.
@Suite("The diff command")
struct DiffCommandTests {
    func diff(_ arguments: String...) throws -> ChildProcess.Result {
        try ChildProcess.run(try Executables.path("areaneeds"), ["diff"] + arguments)
    }

    @Test func bothSyntaxesReportTheAreasThatCrossedTheLine() throws {
        let project = try ReleaseDiffTests.twoReleases()
        let byFolders = try diff(project.folder("1.0.0"), project.folder("1.1.0"))
        #expect(byFolders.status == 0, "\(byFolders.transcript)")
        let lines = byFolders.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "From test 1.0.0 to test 1.1.0")
        #expect(lines[3].hasPrefix("1 area crossed into the highest-need fifths on 1 objective"))
        #expect(lines.contains("  A3 North Three: objective 5 environment: rank 4 -> 3, quintile 3 -> 2 (into highest need)"))
        #expect(lines.contains("  A4 South One: fuel-poverty: 40% -> 30%, rank 3 -> 4, quintile 2 -> 3 (out of highest need)"))

        let byVersions = try diff(project.releases, "1.0.0", "latest")
        #expect(byVersions.status == 0, "\(byVersions.transcript)")
        #expect(byVersions.standardOutput == byFolders.standardOutput)
    }

    @Test func jsonIsForTools() throws {
        let project = try ReleaseDiffTests.twoReleases()
        let result = try diff(project.releases, "1.0.0", "1.1.0", "--json")
        #expect(result.status == 0, "\(result.transcript)")
        let json = try JSONDecoder().decode(JSONValue.self, from: Data(result.standardOutput.utf8))
        let crossings = json["highest_need_crossings"]?["indicators"]?.array ?? []
        #expect(crossings.map { [$0["area_code"], $0["from"]?["quintile"], $0["to"]?["quintile"], $0["highest_need_crossing"]] } == [
            [.string("A3"), .integer(3), .integer(2), .string("into")],
            [.string("A4"), .integer(2), .integer(3), .string("out_of")],
        ])
        #expect(json["areas"] == .object(["added": .array([]), "removed": .array([])]))
    }

    @Test func noDifferencesStillExitsZero() throws {
        let project = FixtureProject()
        try project.run()
        let result = try diff(project.folder("1.0.0"), project.releases + "/latest")
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.standardOutput.contains("No differences"))
    }

    @Test func missingReleaseExits66AndNamesTheVersionsThere() throws {
        let project = FixtureProject()
        try project.run()
        let result = try diff(project.releases, "1.0.0", "9.9.9")
        #expect(result.status == 66, "\(result.transcript)")
        #expect(result.standardError.contains("9.9.9: no such release folder (the releases there are 1.0.0)"))
    }

    @Test func corruptReleaseExits65() throws {
        let project = FixtureProject()
        try project.run()
        let copy = try copyOf(project.folder("1.0.0"))
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try corrupt(copy + "/objective_needs.csv")
        let result = try diff(project.folder("1.0.0"), copy)
        #expect(result.status == 65, "\(result.transcript)")
        #expect(result.standardError.contains("objective_needs.csv: does not match its checksum"))
    }

    @Test func wrongArgumentsExit64() throws {
        #expect(try diff("only-one").status == 64)
        let badVersion = try diff("data-out/test", "1.0", "1.1.0")
        #expect(badVersion.status == 64)
        #expect(badVersion.standardError.contains("1.0 is not a version"))
    }
}
