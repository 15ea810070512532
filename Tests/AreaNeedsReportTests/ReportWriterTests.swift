import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsReport
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// Writing the report: into the release without breaking its verification, replacing an
/// earlier report, refusing anything else; and the `areaneeds report` command.
@Suite("Writing the report")
struct ReportWriterTests {
    /// A fresh fixture release of its own, to write into.
    func publish() throws -> (FixtureProject, Release) {
        let project = FixtureProject()
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let outcome = try PipelineRunner(pipeline: pipeline, logger: logger).run()
        return (project, try Release.open(try #require(outcome.releaseFolder)))
    }

    /// Every file's hash under a folder, by relative path.
    func hashes(_ folder: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                result[path] = try FileHash.sha256(ofFile: folder + "/" + path)
            }
        }
        return result
    }

    @Test func theReleaseStillVerifiesWithItsReportInside() throws {
        let (project, release) = try publish()
        // The project's folder goes with it: keep it to the end of the test.
        defer { withExtendedLifetime(project) {} }
        let before = try hashes(release.folder)
        let index = try AreaReport(release: release).write()
        #expect(index == release.folder + "/report/index.html")
        let after = try hashes(release.folder)
        // Nothing of the release changed; only report/ was added.
        #expect(after.filter { !$0.key.hasPrefix("report/") } == before)
        #expect(after.keys.contains("report/index.html"))
        // The tools still open it, and sha256sum agrees.
        #expect(throws: Never.self) { try Release.open(release.folder) }
        let check = try ChildProcess.run("/usr/bin/env", ["sha256sum", "--check", "--strict", "SHA256SUMS"], in: release.folder)
        #expect(check.status == 0, "\(check.transcript)")
        // SHA256SUMS does not list the report: it is derived, not part of the release.
        let sums = try String(contentsOfFile: release.folder + "/SHA256SUMS", encoding: .utf8)
        #expect(!sums.contains("report/"))
        // The next publish still sees the same release (no new version from the report).
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let again = try PipelineRunner(pipeline: pipeline, logger: logger).run(force: true)
        #expect(again.releaseFolder == nil || again.releaseFolder == release.folder, "\(String(describing: again.release))")
        #expect(ReleaseHistory(folder: project.releases).versions.count == 1)
    }

    @Test func writingAgainReplacesTheReportWithTheSameBytes() throws {
        let (project, release) = try publish()
        // The project's folder goes with it: keep it to the end of the test.
        defer { withExtendedLifetime(project) {} }
        let report = AreaReport.defaultFolder(for: release)
        try AreaReport(release: release).write()
        let first = try hashes(report)
        // A stray file in the old report goes with it; a dead run's leftover is tidied.
        _ = FileManager.default.createFile(atPath: report + "/stray.html", contents: Data())
        let leftover = release.folder + "/.report-partial-999999999-deadbeef"
        try FileManager.default.createDirectory(atPath: leftover, withIntermediateDirectories: true)
        try AreaReport(release: release).write()
        #expect(try hashes(report) == first)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: release.folder).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "\(hidden)")
    }

    @Test func aFolderThatIsNotAReportIsLeftAlone() throws {
        let (project, release) = try publish()
        // The project's folder goes with it: keep it to the end of the test.
        defer { withExtendedLifetime(project) {} }
        let other = project.root + "/notes"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: other + "/keep.txt", contents: Data("mine".utf8))
        #expect {
            try AreaReport(release: release).write(to: other)
        } throws: { error in
            (error as? AreaNeedsError)?.category == .output && "\(error)".contains("is not an areaneeds report")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: other) == ["keep.txt"])
    }

    @Test func theCommandWritesWhereItIsToldAndSaysWhere() throws {
        let (project, release) = try publish()
        // The project's folder goes with it: keep it to the end of the test.
        defer { withExtendedLifetime(project) {} }
        let output = project.root + "/site/report"
        let result = try Executables.run("areaneeds", ["report", "--release", release.folder, "--output", output])
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.standardOutput == output + "/index.html\n")
        #expect(FileManager.default.fileExists(atPath: output + "/areas/A1.html"))
        #expect(!FileManager.default.fileExists(atPath: release.folder + "/report"))
        // By default, into the release.
        let inside = try Executables.run("areaneeds", ["report", "--release", project.releases + "/latest"])
        #expect(inside.status == 0, "\(inside.transcript)")
        #expect(inside.standardOutput == release.folder + "/report/index.html\n")
    }

    @Test func aTableThatGoesAfterOpeningIsAnErrorNotACrash() throws {
        let (project, release) = try publish()
        // The project's folder goes with it: keep it to the end of the test.
        defer { withExtendedLifetime(project) {} }
        try FileManager.default.removeItem(atPath: release.folder + "/areas.csv")
        #expect {
            try AreaReport(release: release)
        } throws: { error in
            (error as? AreaNeedsError)?.category == .missingInput && "\(error)".contains("areas.csv")
        }
    }

    @Test func aMissingOrCorruptReleaseIsRefusedWithItsExitCode() throws {
        let (project, release) = try publish()
        // The project's folder goes with it: keep it to the end of the test.
        defer { withExtendedLifetime(project) {} }
        let missing = try Executables.run("areaneeds", ["report", "--release", project.root + "/data-out/test/9.9.9"])
        #expect(missing.status == AreaNeedsError.Category.missingInput.exitCode, "\(missing.transcript)")
        // A changed table: the report is not written from a corrupt release.
        try Data("spa_code\n".utf8).write(to: URL(fileURLWithPath: release.folder + "/areas.csv"))
        let corrupt = try Executables.run("areaneeds", ["report", "--release", release.folder])
        #expect(corrupt.status == AreaNeedsError.Category.inputData.exitCode, "\(corrupt.transcript)")
        #expect(corrupt.standardError.contains("does not match its checksum"))
        #expect(!FileManager.default.fileExists(atPath: release.folder + "/report"))
    }

    /// What `--output` may name that is not a folder for a report: each is refused (73)
    /// with a message naming it, and left exactly as it was.
    enum Hostile: String, CaseIterable, Sendable {
        case regularFile = "a regular file"
        case fifo = "a FIFO"
        case device = "a device node"
        case linkToEmptyFolder = "a symbolic link to an empty folder"
        case danglingLink = "a dangling symbolic link"
        case foreignFolder = "a folder holding other files"
        case reportWithLinkedIndex = "a report folder whose index.html is a link"
    }

    @Test(arguments: Hostile.allCases)
    func reportOutputRefusesWhatIsNotAReportFolder(_ hostile: Hostile) throws {
        let (project, release) = try publish()
        defer { withExtendedLifetime(project) {} }
        let elsewhere = project.root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        var output = project.root + "/out"
        var expected = "not a folder"
        switch hostile {
        case .regularFile:
            project.write("out", "keep me\n")
        case .fifo:
            let made = try ChildProcess.run("/usr/bin/env", ["mkfifo", output])
            #expect(made.status == 0, "\(made.transcript)")
        case .device:
            output = "/dev/null"
        case .linkToEmptyFolder:
            try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: elsewhere)
            expected = "symbolic link"
        case .danglingLink:
            try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: elsewhere + "/made-through-link")
            expected = "symbolic link"
        case .foreignFolder:
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            project.write("out/notes.txt", "mine\n")
            expected = "is not an areaneeds report"
        case .reportWithLinkedIndex:
            // A real report elsewhere, its index linked from a folder that is not one.
            let real = try Executables.run("areaneeds", ["report", "--release", release.folder, "--output", elsewhere + "/report"])
            #expect(real.status == 0, "\(real.transcript)")
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            project.write("out/notes.txt", "mine\n")
            try FileManager.default.createSymbolicLink(atPath: output + "/index.html", withDestinationPath: elsewhere + "/report/index.html")
            expected = "is not an areaneeds report"
        }
        let beforeOut = Folder.kind(ofPath: output)
        let beforeElsewhere = try hashes(elsewhere)
        let result = try Executables.run("areaneeds", ["report", "--release", release.folder, "--output", output])
        #expect(result.status == AreaNeedsError.Category.output.exitCode, "\(result.transcript)")
        #expect(result.standardError.contains(output + ": ") && result.standardError.contains(expected), "\(result.standardError)")
        #expect(result.standardError.contains("nothing was written"))
        #expect(!result.standardError.contains("NSCocoaErrorDomain"))
        #expect(Folder.kind(ofPath: output) == beforeOut)
        #expect(try hashes(elsewhere) == beforeElsewhere)
        if hostile == .regularFile { #expect(project.read("out") == "keep me\n") }
        if hostile == .foreignFolder || hostile == .reportWithLinkedIndex {
            #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == (hostile == .foreignFolder ? ["notes.txt"] : ["index.html", "notes.txt"]))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func anEmptyFolderIsFilledAndAReportReplacedWithoutFollowingItsLinks() throws {
        let (project, release) = try publish()
        defer { withExtendedLifetime(project) {} }
        let output = project.root + "/out"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let first = try Executables.run("areaneeds", ["report", "--release", release.folder, "--output", output])
        #expect(first.status == 0, "\(first.transcript)")
        let written = try hashes(output)
        // Links planted inside the report (beside its pages, and in place of a page) go
        // with it when it is replaced; what they point at is left alone.
        try FileManager.default.createDirectory(atPath: project.root + "/elsewhere/folder", withIntermediateDirectories: true)
        project.write("elsewhere/precious.txt", "untouched\n")
        project.write("elsewhere/folder/inner.txt", "untouched\n")
        try FileManager.default.createSymbolicLink(atPath: output + "/planted", withDestinationPath: project.root + "/elsewhere/precious.txt")
        try FileManager.default.createSymbolicLink(atPath: output + "/areas/linked-folder", withDestinationPath: project.root + "/elsewhere/folder")
        try FileManager.default.removeItem(atPath: output + "/areas/A1.html")
        try FileManager.default.createSymbolicLink(atPath: output + "/areas/A1.html", withDestinationPath: project.root + "/elsewhere/precious.txt")
        let again = try Executables.run("areaneeds", ["report", "--release", release.folder, "--output", output])
        #expect(again.status == 0, "\(again.transcript)")
        #expect(try hashes(output) == written)
        #expect(Folder.kind(ofPath: output + "/areas/A1.html") == .file)
        #expect(project.read("elsewhere/precious.txt") == "untouched\n")
        #expect(project.read("elsewhere/folder/inner.txt") == "untouched\n")
    }
}
