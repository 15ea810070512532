import AreaNeedsCore
import Foundation
import AreaNeedsTestSupport
import Testing

/// Runs as cron makes them: one at a time per pipeline, quiet on success, logged.
@Suite("Unattended runs")
struct UnattendedRunTests {
    let project = FixtureProject()

    @Test func aSecondRunExitsWithTheLockCodeNamingTheHolder() throws {
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let lock = try PipelineLock.acquire(for: pipeline)
        let result = try Executables.run("areaneeds", ["run", project.pipelinePath])
        #expect(result.status == 75)
        #expect(result.standardError.contains("another run of this pipeline holds the lock"))
        #expect(result.standardError.contains("pid \(getpid())"))
        #expect(!project.list("data-out/test").contains("latest"))
        withExtendedLifetime(lock) {}
    }

    @Test func aSecondRunWaitsForTheFirst() throws {
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let lock = try PipelineLock.acquire(for: pipeline)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { lock.release() }
        let result = try Executables.run("areaneeds", ["run", project.pipelinePath, "--wait", "30"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(project.list("data-out/test").contains("1.0.0"))
    }

    @Test func aLockLeftByAKilledRunIsTakenOver() throws {
        // A killed run leaves its lock file, but the kernel has released its lock.
        try FileManager.default.createDirectory(atPath: project.releases, withIntermediateDirectories: true)
        project.write("data-out/test/.lock", "pid 999999, started 2026-01-01T00:00:00Z\n")
        let result = try Executables.run("areaneeds", ["run", project.pipelinePath])
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func twoConcurrentRunsLeaveOneConsistentRelease() throws {
        let group = DispatchGroup()
        let statuses = Statuses()
        let pipelinePath = project.pipelinePath
        for _ in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                let status = (try? Executables.run("areaneeds", ["run", pipelinePath]))?.status ?? -1
                statuses.append(status)
                group.leave()
            }
        }
        group.wait()
        // Each either published, found it up to date, or found the lock held.
        #expect(statuses.values.allSatisfy { $0 == 0 || $0 == 75 }, "\(statuses.values)")
        #expect(statuses.values.contains(0))
        #expect(project.list("data-out/test").filter { $0.first?.isNumber == true } == ["1.0.0"])
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["sha256sum", "--quiet", "-c", "SHA256SUMS"]
        check.currentDirectoryURL = URL(fileURLWithPath: project.releases + "/latest")
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
    }

    @Test func cronRefreshIsSilentOnSuccessAndLogs() throws {
        let logs = project.root + "/logs"
        let result = try cronRefresh(logs: logs)
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty && result.standardError.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: logs)
        #expect(files.count == 1 && files[0].hasPrefix("test-"))
        let log = try String(contentsOfFile: logs + "/" + files[0], encoding: .utf8)
        #expect(log.contains("publish: released test 1.0.0"))
        #expect(log.contains("== exit 0"))
    }

    @Test func cronRefreshReportsFailureWithTheRunsExitCode() throws {
        project.write("data-raw/sources/scores.csv", "LSOA code,Score,Population\nL11,three,1500\n")
        let result = try cronRefresh(logs: project.root + "/logs")
        #expect(result.status == 65)
        #expect(result.standardError.contains("failed with exit code 65"))
        #expect(result.standardError.contains("expected a number"))
    }

    private func cronRefresh(logs: String) throws -> ChildProcess.Result {
        try ChildProcess.run(FixtureProject.repository + "/scripts/cron-refresh", [project.pipelinePath], environment: [
            "AREANEEDS_LOG_DIR": logs,
            "AREANEEDS_BIN": try Executables.path("areaneeds"),
        ])
    }
}

/// Exit statuses gathered from several threads.
final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int32] = []
    func append(_ status: Int32) { lock.withLock { list.append(status) } }
    var values: [Int32] { lock.withLock { list } }
}
