import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsReport
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
}
