import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Testing

/// `latest` and what counts as a release: `latest` is followed only to a release beside
/// it, repaired only when it is a link areaneeds made, and never replaced when it is
/// anything else; a release is a real folder with its own verifying descriptor, and
/// anything else named like a version is ignored, with a warning, and shifts no number.
@Suite("latest, and what counts as a release")
struct LatestLinkTests {
    func areaneeds(_ project: FixtureProject, _ arguments: String...) throws -> ChildProcess.Result {
        try Executables.run("areaneeds", arguments, in: project.root)
    }

    /// A published project, and a copy of its release outside the pipeline's folder with
    /// another name in it (as an impostor would be).
    func published() throws -> (FixtureProject, copy: String) {
        let project = FixtureProject()
        let run = try areaneeds(project, "run", "pipelines/test.yml")
        #expect(run.status == 0, "\(run.transcript)")
        let copy = project.root + "/elsewhere/1.0.0"
        try FileManager.default.createDirectory(atPath: project.root + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: project.releases + "/1.0.0", toPath: copy)
        return (project, copy)
    }

    /// Every reader of a release refuses `latest` as it is (65), naming it.
    func readersRefuse(_ project: FixtureProject, naming text: String) throws {
        let readers: [[String]] = [
            ["summary"], ["assess", "--areas", "A1", "--objectives", "1,2", "--impact", "some"], ["report"],
            ["show", "areas"], ["diff", "data-out/test", "1.0.0", "latest"], ["summary", "--release", "data-out/test/latest"],
            ["advise", "--release", "data-out/test", "--areas", "A1"],
        ]
        for arguments in readers {
            let result = try Executables.run("areaneeds", arguments, in: project.root)
            #expect(result.status == 65, "\(arguments): \(result.transcript)")
            #expect(result.standardError.contains("data-out/test/latest: is \(text)"), "\(arguments): \(result.standardError)")
            #expect(result.standardOutput.isEmpty, "\(arguments): \(result.standardOutput)")
        }
    }

    @Test func aLatestLeadingOutsideIsNeitherFollowedNorReplaced() throws {
        let (project, copy) = try published()
        let latest = project.releases + "/latest"
        for target in [copy, "../../elsewhere/1.0.0", "1.0.0/../../../elsewhere/1.0.0"] {
            try FileManager.default.removeItem(atPath: latest)
            try FileManager.default.createSymbolicLink(atPath: latest, withDestinationPath: target)
            try readersRefuse(project, naming: "a symbolic link to ")
            let run = try areaneeds(project, "run", "pipelines/test.yml")
            #expect(run.status == 73, "\(run.transcript)")
            #expect(run.standardError.contains("rm \(latest)"), "\(run.standardError)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: latest) == target)
        }
        #expect(try snapshotOf(copy) == snapshotOf(project.releases + "/1.0.0"))
    }

    @Test func aLatestThatIsAFileOrFolderIsRefusedAndKept() throws {
        let (project, _) = try published()
        let latest = project.releases + "/latest"
        try FileManager.default.removeItem(atPath: latest)
        project.write("data-out/test/latest", "mine\n")
        try readersRefuse(project, naming: "a regular file")
        let run = try areaneeds(project, "run", "pipelines/test.yml", "--force")
        #expect(run.status == 73, "\(run.transcript)")
        #expect(project.read("data-out/test/latest") == "mine\n")
        try FileManager.default.removeItem(atPath: latest)
        try FileManager.default.createDirectory(atPath: latest, withIntermediateDirectories: true)
        project.write("data-out/test/latest/notes.txt", "mine\n")
        try readersRefuse(project, naming: "a folder")
        #expect(try areaneeds(project, "run", "pipelines/test.yml").status == 73)
        #expect(project.read("data-out/test/latest/notes.txt") == "mine\n")
        // Once it is moved away, the next run makes the link again.
        try FileManager.default.removeItem(atPath: latest)
        #expect(try areaneeds(project, "run", "pipelines/test.yml").status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: latest) == "1.0.0")
    }

    @Test func aDanglingOrStaleLatestIsRepairedByTheNextRun() throws {
        let (project, _) = try published()
        let latest = project.releases + "/latest"
        for target in ["7.7.7", "0.9.0"] {
            try FileManager.default.removeItem(atPath: latest)
            try FileManager.default.createSymbolicLink(atPath: latest, withDestinationPath: target)
            let summary = try areaneeds(project, "summary")
            #expect(summary.status == 65, "\(summary.transcript)")
            #expect(summary.standardError.contains("names \(target), which is not a release there"), "\(summary.standardError)")
            let run = try areaneeds(project, "run", "pipelines/test.yml")
            #expect(run.status == 0, "\(run.transcript)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: latest) == "1.0.0")
        }
        // A name like a version that is not a release (an empty folder) is stale too.
        try FileManager.default.createDirectory(atPath: project.releases + "/0.9.0", withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: latest)
        try FileManager.default.createSymbolicLink(atPath: latest, withDestinationPath: "0.9.0")
        #expect(try areaneeds(project, "summary").status == 65)
        #expect(try areaneeds(project, "run", "pipelines/test.yml").status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: latest) == "1.0.0")
    }

    @Test func whatIsNamedLikeAVersionButIsNotAReleaseCountsForNothing() throws {
        let (project, copy) = try published()
        let releases = project.releases
        try FileManager.default.createDirectory(atPath: releases + "/9.0.0", withIntermediateDirectories: true)
        project.write("data-out/test/8.0.0", "a stray file\n")
        try FileManager.default.createSymbolicLink(atPath: releases + "/7.0.0", withDestinationPath: copy)
        // A copy of the release under another version's name: its descriptor says 1.0.0.
        try FileManager.default.copyItem(atPath: copy, toPath: releases + "/6.0.0")
        // A copy whose descriptor was edited after its checksums were written.
        try FileManager.default.copyItem(atPath: copy, toPath: releases + "/5.0.0")
        let descriptor = releases + "/5.0.0/datapackage.json"
        let edited = try String(contentsOfFile: descriptor, encoding: .utf8).replacingOccurrences(of: "\"1.0.0\"", with: "\"5.0.0\"")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: descriptor))
        let history = ReleaseHistory(folder: releases)
        #expect(history.versions == [.first])
        #expect(history.ignored.map(\.name) == ["5.0.0", "6.0.0", "7.0.0", "8.0.0", "9.0.0"])
        // The next release is 1.1.0, not 10.0.0, and latest names it.
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(changing: 1))
        let run = try areaneeds(project, "run", "pipelines/test.yml")
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.standardOutput == releases + "/1.1.0\n", "\(run.transcript)")
        for name in ["5.0.0", "6.0.0", "7.0.0", "8.0.0", "9.0.0"] {
            #expect(run.standardError.contains(releases + "/\(name): not a release"), "\(name): \(run.standardError)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: releases + "/latest") == "1.1.0")
        // validate and summary warn of them too; a link named like a version is not read as a release.
        let validate = try areaneeds(project, "validate", "pipelines/test.yml")
        #expect(validate.status == 0 && validate.standardError.contains("/9.0.0: not a release"), "\(validate.transcript)")
        let summary = try areaneeds(project, "summary")
        #expect(summary.status == 0 && summary.standardError.contains("/7.0.0: not a release"), "\(summary.transcript)")
        let linked = try areaneeds(project, "summary", "--release", "data-out/test/7.0.0")
        #expect(linked.status == 65, "\(linked.transcript)")
        #expect(linked.standardError.contains("a symbolic link named like release 7.0.0"))
        let diff = try areaneeds(project, "diff", "data-out/test", "1.0.0", "7.0.0")
        #expect(diff.status == 65, "\(diff.transcript)")
        // Nothing was removed or changed.
        #expect(project.read("data-out/test/8.0.0") == "a stray file\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: releases + "/7.0.0") == copy)
    }

    /// Every file's bytes under a folder, by relative path.
    func snapshotOf(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            if let data = FileManager.default.contents(atPath: folder + "/" + path) { result[path] = data }
        }
        return result
    }
}
