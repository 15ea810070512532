import AreaNeedsCore
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Testing

/// A run writes only inside the output folder it is given: the pipeline's folder, its
/// staging folders and its lock are never reached through a link, and what is in the way
/// is refused (73) with a message naming it, and left as it was.
@Suite("The pipeline's folder: nothing written through what is there")
struct PipelineFolderTests {
    func areaneeds(_ project: FixtureProject, _ arguments: String...) throws -> ChildProcess.Result {
        try Executables.run("areaneeds", arguments, in: project.root)
    }

    /// A file elsewhere that a link is planted at, and how to see it was not touched.
    func victim(_ project: FixtureProject) -> String {
        try? FileManager.default.createDirectory(atPath: project.root + "/elsewhere", withIntermediateDirectories: true)
        project.write("elsewhere/precious.txt", "untouched\n")
        return project.root + "/elsewhere/precious.txt"
    }

    @Test func aLinkPlantedAtTheLockIsRefusedAndItsTargetUntouched() throws {
        let project = FixtureProject()
        #expect(try areaneeds(project, "run", "pipelines/test.yml").status == 0)
        let target = victim(project)
        try FileManager.default.removeItem(atPath: project.releases + "/.lock")
        try FileManager.default.createSymbolicLink(atPath: project.releases + "/.lock", withDestinationPath: target)
        let result = try areaneeds(project, "run", "pipelines/test.yml", "--force")
        #expect(result.status == 73, "\(result.transcript)")
        #expect(result.standardError.contains(project.releases + "/.lock: is a symbolic link"), "\(result.standardError)")
        #expect(project.read("elsewhere/precious.txt") == "untouched\n")
        // A dangling link is not followed to make a file either.
        try FileManager.default.removeItem(atPath: project.releases + "/.lock")
        try FileManager.default.createSymbolicLink(atPath: project.releases + "/.lock", withDestinationPath: project.root + "/elsewhere/made")
        #expect(try areaneeds(project, "run", "pipelines/test.yml").status == 73)
        #expect(!FileManager.default.fileExists(atPath: project.root + "/elsewhere/made"))
    }

    @Test func aLockThatIsAFIFOOrAFolderIsRefused() throws {
        let project = FixtureProject()
        try FileManager.default.createDirectory(atPath: project.releases, withIntermediateDirectories: true)
        let made = try ChildProcess.run("/usr/bin/env", ["mkfifo", project.releases + "/.lock"])
        #expect(made.status == 0, "\(made.transcript)")
        let fifo = try areaneeds(project, "run", "pipelines/test.yml")
        #expect(fifo.status == 73, "\(fifo.transcript)")
        #expect(fifo.standardError.contains("FIFO"))
        try FileManager.default.removeItem(atPath: project.releases + "/.lock")
        try FileManager.default.createDirectory(atPath: project.releases + "/.lock", withIntermediateDirectories: true)
        let folder = try areaneeds(project, "run", "pipelines/test.yml")
        #expect(folder.status == 73, "\(folder.transcript)")
        #expect(folder.standardError.contains(".lock: is a folder"))
    }

    @Test func aPipelineOrStagingFolderThatIsALinkIsRefused() throws {
        let project = FixtureProject()
        let elsewhere = project.root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: project.root + "/data-out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.releases, withDestinationPath: elsewhere)
        let linked = try areaneeds(project, "run", "pipelines/test.yml")
        #expect(linked.status == 73, "\(linked.transcript)")
        #expect(linked.standardError.contains(project.releases + ": a symbolic link to "), "\(linked.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
        // The staging folder likewise.
        try FileManager.default.removeItem(atPath: project.releases)
        try FileManager.default.createDirectory(atPath: project.releases, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.releases + "/staging", withDestinationPath: elsewhere)
        let staging = try areaneeds(project, "run", "pipelines/test.yml")
        #expect(staging.status == 73, "\(staging.transcript)")
        #expect(staging.standardError.contains("/staging: a symbolic link"), "\(staging.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
        // And a stage's own folder within it.
        try FileManager.default.removeItem(atPath: project.releases + "/staging")
        try FileManager.default.createDirectory(atPath: project.releases + "/staging", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.releases + "/staging/ingest", withDestinationPath: elsewhere)
        let stage = try areaneeds(project, "run", "pipelines/test.yml")
        #expect(stage.status == 73, "\(stage.transcript)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
    }

    @Test func anOutputThatIsNotAFolderIsNamedWithoutFoundationsErrorNumbers() throws {
        let project = FixtureProject()
        project.write("a-file", "keep me\n")
        let file = try areaneeds(project, "run", "pipelines/test.yml", "--output", "a-file")
        #expect(file.status == 73, "\(file.transcript)")
        #expect(file.standardError.contains("a-file: is a regular file, not a folder"), "\(file.standardError)")
        #expect(!file.standardError.contains("NSCocoaErrorDomain"))
        #expect(project.read("a-file") == "keep me\n")
        // Below a file: the folder cannot be made, and says why.
        let below = try areaneeds(project, "run", "pipelines/test.yml", "--output", "a-file/out")
        #expect(below.status == 73, "\(below.transcript)")
        #expect(!below.standardError.contains("NSCocoaErrorDomain"), "\(below.standardError)")
        // A device, and a link to nothing.
        let device = try areaneeds(project, "run", "pipelines/test.yml", "--output", "/dev/null")
        #expect(device.status == 73, "\(device.transcript)")
        try FileManager.default.createSymbolicLink(atPath: project.root + "/dangling", withDestinationPath: project.root + "/nowhere")
        let dangling = try areaneeds(project, "run", "pipelines/test.yml", "--output", "dangling")
        #expect(dangling.status == 73, "\(dangling.transcript)")
        #expect(!FileManager.default.fileExists(atPath: project.root + "/nowhere"))
        // A link to a folder, given by the operator, is theirs to choose: followed.
        try FileManager.default.createDirectory(atPath: project.root + "/real-out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.root + "/linked-out", withDestinationPath: project.root + "/real-out")
        let linked = try areaneeds(project, "run", "pipelines/test.yml", "--output", "linked-out")
        #expect(linked.status == 0, "\(linked.transcript)")
        #expect(FileManager.default.fileExists(atPath: project.root + "/real-out/test/1.0.0/SHA256SUMS"))
    }
}
