import AreaNeedsCore
import AreaNeedsTestSupport
import Foundation
import Testing

/// Every exit code the README's table documents, each given by the built `areaneeds` as
/// cron would run it, and no code given that the table does not document.
@Suite("Exit codes as the README documents them")
struct ExitCodeTests {
    /// The codes of the README's "Exit codes" table.
    static let documented: Set<Int32> = {
        let readme = (try? String(contentsOfFile: FixtureProject.repository + "/README.md", encoding: .utf8)) ?? ""
        guard let start = readme.range(of: "### Exit codes") else { return [] }
        let section = readme[start.upperBound...].prefix { $0 != "#" }
        return Set(section.split(separator: "\n").compactMap { line -> Int32? in
            guard line.hasPrefix("| ") else { return nil }
            return Int32(line.dropFirst(2).prefix { $0.isNumber })
        })
    }()

    /// One way to get each code.
    struct Case: CustomTestStringConvertible, Sendable {
        var code: Int32
        var name: String
        var testDescription: String { "\(code): \(name)" }
    }

    static let cases: [Case] = [
        Case(code: 0, name: "a run that publishes"),
        Case(code: 1, name: "show with filters that match no row"),
        Case(code: 3, name: "assess on objectives the release does not rank"),
        Case(code: 64, name: "an unknown option"),
        Case(code: 64, name: "an unknown area"),
        Case(code: 64, name: "several pipelines published and none named"),
        Case(code: 65, name: "a figure that is not a number"),
        Case(code: 65, name: "latest leading outside the pipeline's folder"),
        Case(code: 66, name: "no such pipeline file"),
        Case(code: 66, name: "no such release folder"),
        Case(code: 70, name: "rank before normalise"),
        Case(code: 73, name: "a run whose output folder is a file"),
        Case(code: 73, name: "a report whose output is a regular file"),
        Case(code: 73, name: "a link planted at the pipeline's lock"),
        Case(code: 73, name: "a run whose latest is a regular file"),
        Case(code: 75, name: "the pipeline's lock held"),
        Case(code: 78, name: "an unknown key in the pipeline file"),
        Case(code: 78, name: "an unknown key in areaneeds.yml"),
    ]

    @Test func theTableListsEveryCodeTheCasesGive() {
        #expect(ExitCodeTests.documented == Set(ExitCodeTests.cases.map(\.code)))
    }

    @Test(arguments: cases)
    func eachCode(_ test: Case) throws {
        let project = FixtureProject()
        func areaneeds(_ arguments: String...) throws -> ChildProcess.Result {
            try Executables.run("areaneeds", arguments, in: project.root)
        }
        func published() throws { #expect(try areaneeds("run", "pipelines/test.yml").status == 0) }
        let result: ChildProcess.Result
        switch test.name {
        case "a run that publishes":
            result = try areaneeds("run", "pipelines/test.yml")
        case "assess on objectives the release does not rank":
            // The fixture has no indicator under objectives 1 and 4.
            try published()
            result = try areaneeds("assess", "--areas", "A1", "--objectives", "1,4", "--impact", "significant")
            #expect(result.standardOutput.hasPrefix("Social value weighting: cannot be decided from this release"))
        case "show with filters that match no row":
            // A1 has the least fuel poverty: not among the highest needs.
            try published()
            result = try areaneeds("show", "indicator_needs", "--area", "A1", "--indicator", "fuel-poverty", "--highest-need")
            #expect(result.standardError.contains("no row of indicator_needs matches"))
        case "an unknown option":
            result = try areaneeds("run", "pipelines/test.yml", "--fast")
        case "an unknown area":
            try published()
            result = try areaneeds("assess", "--areas", "Atlantis", "--objectives", "1,4", "--impact", "some")
        case "several pipelines published and none named":
            try published()
            project.write("pipelines/other.yml", FixtureProject.pipeline.replacingOccurrences(of: "pipeline: test", with: "pipeline: other"))
            #expect(try areaneeds("run", "pipelines/other.yml").status == 0)
            result = try areaneeds("summary")
            #expect(result.standardError.contains("--pipeline NAME"))
            #expect(try areaneeds("summary", "--pipeline", "other").status == 0)
            project.write("areaneeds.yml", "default-pipeline: other\n")
            #expect(try areaneeds("summary").standardOutput.contains("release other 1.0.0"))
        case "a figure that is not a number":
            project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty().replacingOccurrences(of: "L11,\"1,000\",100", with: "L11,\"1,000\",lots"))
            result = try areaneeds("run", "pipelines/test.yml")
        case "no such pipeline file":
            result = try areaneeds("run", "pipelines/missing.yml")
        case "no such release folder":
            result = try areaneeds("summary", "--release", "data-out/test/9.9.9")
        case "rank before normalise":
            result = try areaneeds("rank", "pipelines/test.yml")
        case "a run whose output folder is a file":
            project.write("not-a-folder", "a file")
            result = try areaneeds("run", "pipelines/test.yml", "--output", "not-a-folder")
            #expect(result.standardError.contains("not-a-folder: is a regular file, not a folder"))
        case "a report whose output is a regular file":
            try published()
            project.write("report.html", "mine")
            result = try areaneeds("report", "--output", "report.html")
            #expect(project.read("report.html") == "mine")
        case "a link planted at the pipeline's lock":
            try published()
            project.write("precious.txt", "mine")
            try FileManager.default.removeItem(atPath: project.releases + "/.lock")
            try FileManager.default.createSymbolicLink(atPath: project.releases + "/.lock", withDestinationPath: project.root + "/precious.txt")
            result = try areaneeds("run", "pipelines/test.yml", "--force")
            #expect(project.read("precious.txt") == "mine")
        case "a run whose latest is a regular file":
            try published()
            try FileManager.default.removeItem(atPath: project.releases + "/latest")
            project.write("data-out/test/latest", "mine")
            result = try areaneeds("run", "pipelines/test.yml")
            #expect(project.read("data-out/test/latest") == "mine")
        case "latest leading outside the pipeline's folder":
            try published()
            try FileManager.default.copyItem(atPath: project.releases + "/1.0.0", toPath: project.root + "/impostor")
            try FileManager.default.removeItem(atPath: project.releases + "/latest")
            try FileManager.default.createSymbolicLink(atPath: project.releases + "/latest", withDestinationPath: project.root + "/impostor")
            result = try areaneeds("summary")
            #expect(result.standardOutput.isEmpty)
        case "the pipeline's lock held":
            let lock = try PipelineLock.acquire(for: Pipeline.load(path: project.pipelinePath))
            defer { lock.release() }
            result = try areaneeds("run", "pipelines/test.yml")
        case "an unknown key in the pipeline file":
            project.write("pipelines/test.yml", FixtureProject.pipeline.replacingOccurrences(of: "release:", with: "relase:"))
            result = try areaneeds("run", "pipelines/test.yml")
        case "an unknown key in areaneeds.yml":
            try published()
            project.write("areaneeds.yml", "default-pipline: test\n")
            result = try areaneeds("summary")
        default:
            Issue.record("no case named \(test.name)")
            return
        }
        #expect(result.status == test.code, "\(test.name): \(result.standardError)")
        #expect(ExitCodeTests.documented.contains(result.status))
    }
}
