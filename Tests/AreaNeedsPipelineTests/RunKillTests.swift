import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// Kills whole runs (`areaneeds run`, every stage, as a child process) with SIGKILL at
/// random moments, with new figures each time so that every stage has work to do, then
/// runs normally: the last run must end with a complete release that verifies, `latest`
/// on it, and the same tables a clean project makes from the same files, so nothing a
/// killed run left in staging leaks into a release.
@Suite("Runs killed at random moments")
struct RunKillTests {
    static let attempts = 12

    @Test func aRunAfterKilledRunsMakesACompleteVerifiedRelease() throws {
        let areaneeds = try Executables.path("areaneeds")
        let project = FixtureProject()
        var random = SeededGenerator(seed: 20_261_126)

        // Two uninterrupted runs give the first releases and how long a run with new
        // figures takes (the second: the first also warms the caches), so the kills can be
        // spread over the whole of one, from the process starting to `latest` moving.
        var duration = 0.0
        for _ in 1...2 {
            writeFigures(project, &random)
            let started = Date()
            let result = try ChildProcess.run(areaneeds, ["run", project.pipelinePath, "--quiet"])
            duration = Date().timeIntervalSince(started)
            #expect(result.status == 0, "\(result.transcript)")
        }

        // Where each kill landed, judged from what it left; printed, never asserted on.
        var landed: [String: Int] = [:]
        for attempt in 1...RunKillTests.attempts {
            writeFigures(project, &random)
            let versionsBefore = ReleaseHistory(folder: project.releases).versions
            let child = Process()
            child.executableURL = URL(fileURLWithPath: areaneeds)
            child.arguments = ["run", project.pipelinePath, "--quiet", "--wait", "30"]
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            let delay = Double(random.next() % 1000) / 1000 * duration * 1.2
            usleep(UInt32(delay * 1_000_000))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            try checkReleases(project, after: "kill \(attempt), \(Int(delay * 1000)) ms into the run")

            let published = ReleaseHistory(folder: project.releases).versions != versionsBefore
            let moment = child.terminationReason == .uncaughtSignal ? (published ? "killed after publishing" : "killed before publishing") : "finished before the kill"
            landed[moment, default: 0] += 1
        }

        // The next run finishes normally.
        writeFigures(project, &random)
        let last = try ChildProcess.run(areaneeds, ["run", project.pipelinePath])
        #expect(last.status == 0, "\(last.transcript)")
        try checkReleases(project, after: "the last run")
        let history = ReleaseHistory(folder: project.releases)
        #expect(history.latest == history.newest)
        let check = try ChildProcess.run("/usr/bin/env", ["sha256sum", "-c", "--quiet", "SHA256SUMS"], in: history.latestLink)
        #expect(check.status == 0, "\(check.transcript)")

        // The release holds what a clean project makes from the same files.
        let clean = FixtureProject()
        for file in ["data-raw/sources/fuel.csv", "data-raw/sources/scores.csv", "data-raw/sources/care.csv"] {
            clean.write(file, project.read(file))
        }
        let reference = try ChildProcess.run(areaneeds, ["run", clean.pipelinePath, "--quiet"])
        #expect(reference.status == 0, "\(reference.transcript)")
        for table in ["indicator_needs.csv", "objective_needs.csv", "areas.csv"] {
            #expect(project.read("data-out/test/latest/" + table) == clean.read("data-out/test/latest/" + table), "\(table) differs from a clean run's")
        }

        // No temporary file of a killed run is left in staging.
        let staging = try FileManager.default.subpathsOfDirectory(atPath: project.releases + "/staging")
        let unexpected = staging.filter { !($0.hasSuffix(".csv") || $0.hasSuffix(".staged") || $0.hasSuffix(".manifest.json") || !$0.contains(".")) }
        #expect(unexpected.isEmpty, "left in staging: \(unexpected)")

        let summary = landed.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print("run kill test: \(RunKillTests.attempts) runs, kills spread over \(Int(duration * 1200)) ms: \(summary); \(history.versions.count) releases in the end")
    }

    /// New figures for every source, so that every stage has work to do.
    private func writeFigures(_ project: FixtureProject, _ random: inout SeededGenerator) {
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(percent: (1...6).map { _ in Int(random.next() % 90) + 5 }))
        project.write("data-raw/sources/scores.csv", FixtureProject.scores().replacingOccurrences(of: "L11,1.1", with: "L11,\(random.next() % 100)"))
        project.write("data-raw/sources/care.csv", FixtureProject.wardCare.replacingOccurrences(of: "W3,30", with: "W3,\(random.next() % 500)"))
    }

    /// Every version folder is a complete release that verifies, and `latest` names one.
    private func checkReleases(_ project: FixtureProject, after moment: String) throws {
        let history = ReleaseHistory(folder: project.releases)
        #expect(!history.versions.isEmpty, "no release after \(moment)")
        for version in history.versions {
            #expect(throws: Never.self, "release \(version) after \(moment)") {
                try ReleaseVerifier.verify(folder: history.path(of: version))
            }
        }
        #expect(history.latest.map { history.versions.contains($0) } == true, "latest is \(String(describing: history.latest)) after \(moment)")
    }
}
