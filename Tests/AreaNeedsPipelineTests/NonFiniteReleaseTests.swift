import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// A release edited by hand to hold numbers no double holds (`inf`, `nan`, `1e400`), its
/// checksums made again, makes no command trap: those that read the need table refuse it
/// (65) naming the line and column, as its data package declares the column a number;
/// `summary`, which does not read it, answers.
@Suite("Releases edited to hold numbers that are not finite")
struct NonFiniteReleaseTests {
    @Test(arguments: [
        ["summary"], ["assess", "--areas", "county", "--objectives", "2,3,5", "--impact", "significant"],
        ["assess", "--areas", "A1", "--objectives", "2,3,5", "--impact", "some", "--json"], ["advise", "--areas", "A1"], ["report"],
    ])
    func commandsReadItWithoutATrap(arguments: [String]) throws {
        let project = FixtureProject()
        try BrokenInputTests.publishFirstRelease(project)
        let folder = project.releases + "/1.0.0"
        let needs = try String(contentsOfFile: folder + "/indicator_needs.csv", encoding: .utf8)
        let values = ["inf", "nan", "1e400", "-1e308", "1.7e308", "-inf"]
        var lines = needs.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in 1..<lines.count where !lines[index].isEmpty {
            var fields = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[2] = values[index % values.count]
            fields[5] = values[(index + 1) % values.count]
            lines[index] = fields.joined(separator: ",")
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder + "/indicator_needs.csv"))
        try LiveContentTests.reseal(folder)
        let result = try Executables.run("areaneeds", arguments, in: project.root)
        if arguments == ["summary"] {
            #expect(result.status == 0, "\(result.transcript)")
            return
        }
        #expect(result.status == 65, "\(result.transcript)")
        #expect(result.standardError.contains("indicator_needs.csv, line 2, column value: \"nan\" is not a number"), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty, "\(result.standardOutput)")
    }
}
