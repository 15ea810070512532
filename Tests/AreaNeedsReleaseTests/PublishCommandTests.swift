import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// `areaneeds run` and `areaneeds-publish` as executables: what the release records of
/// the run's environment, and what they print.
@Suite("Publishing from the command line")
struct PublishCommandTests {
    @Test func sourceDateEpochSetsTheReleaseTime() throws {
        let project = FixtureProject()
        let result = try ChildProcess.run(try Executables.path("areaneeds"), ["run", project.pipelinePath],
                                          environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.transcript)")
        // The folder of the new release is the one line on standard output.
        #expect(result.standardOutput == project.folder("1.0.0") + "\n")
        let package = try readJSON(project.folder("1.0.0") + "/datapackage.json")
        #expect(package["created"]?.string == "2023-11-14T22:13:20Z")
        let provenance = try readJSON(project.folder("1.0.0") + "/provenance.json")
        #expect(provenance["created"]?.string == "2023-11-14T22:13:20Z")
    }

    @Test func publishExecutablePublishesTheRankedTables() throws {
        let project = FixtureProject()
        try project.run([.ingest, .normalise, .rank])
        let result = try ChildProcess.run(try Executables.path("areaneeds-publish"), [project.pipelinePath, "--quiet"])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(project.history.versions == [.first])
        try ReleaseVerifier.verify(folder: project.folder("1.0.0"))
    }
}
