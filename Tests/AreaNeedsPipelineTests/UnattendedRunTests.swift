import AreaNeedsCore
import Foundation
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
        #expect(result.errors.contains("another run of this pipeline holds the lock"))
        #expect(result.errors.contains("pid \(getpid())"))
        #expect(!project.list("data-out/test").contains("latest"))
        withExtendedLifetime(lock) {}
    }

    @Test func aSecondRunWaitsForTheFirst() throws {
        let pipeline = try Pipeline.load(path: project.pipelinePath)
        let lock = try PipelineLock.acquire(for: pipeline)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { lock.release() }
        let result = try Executables.run("areaneeds", ["run", project.pipelinePath, "--wait", "30"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(project.list("data-out/test").contains("1.0.0"))
    }

    @Test func aLockLeftByAKilledRunIsTakenOver() throws {
        // A killed run leaves its lock file, but the kernel has released its lock.
        try FileManager.default.createDirectory(atPath: project.releases, withIntermediateDirectories: true)
        project.write("data-out/test/.lock", "pid 999999, started 2026-01-01T00:00:00Z\n")
        let result = try Executables.run("areaneeds", ["run", project.pipelinePath])
        #expect(result.status == 0, "\(result.errors)")
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
        #expect(result.output.isEmpty && result.errors.isEmpty)
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
        #expect(result.errors.contains("failed with exit code 65"))
        #expect(result.errors.contains("expected a number"))
    }

    private func cronRefresh(logs: String) throws -> Executables.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FixtureProject.repository + "/scripts/cron-refresh")
        process.arguments = [project.pipelinePath]
        var environment = ProcessInfo.processInfo.environment
        environment["AREANEEDS_LOG_DIR"] = logs
        environment["AREANEEDS_BIN"] = Executables.folder + "/areaneeds"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Executables.Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                                  errors: String(decoding: errorData, as: UTF8.self))
    }
}

/// Exit statuses gathered from several threads.
final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int32] = []
    func append(_ status: Int32) { lock.withLock { list.append(status) } }
    var values: [Int32] { lock.withLock { list } }
}
