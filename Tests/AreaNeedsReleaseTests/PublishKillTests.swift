import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// Kills the publish stage (the `areaneeds-publish` executable) with SIGKILL at random
/// moments, with new figures each time so every attempt has a release to write, and
/// checks after each kill that the earlier releases and `latest` are intact and that no
/// partial version folder exists; then that the next run cleans up after them all.
@Suite("Publishing killed at random moments")
struct PublishKillTests {
    static let attempts = 24

    @Test func killedPublishingNeverLeavesAPartialRelease() throws {
        let publish = try Executables.path("areaneeds-publish")
        let project = FixtureProject()
        var random = SeededGenerator(seed: 20_261_125)

        // Two uninterrupted runs give the first releases and how long publishing takes
        // (the slower of the two: the machine is shared), so the kills can be spread over
        // the whole of it, from the process starting to `latest` moving.
        var duration = 0.0
        for percent in [[10, 20, 30, 40, 50, 60], [60, 50, 40, 30, 20, 10]] {
            project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(percent: percent))
            try project.run([.ingest, .normalise, .rank])
            let started = Date()
            let result = try ChildProcess.run(publish, [project.pipelinePath, "--quiet"])
            duration = max(duration, Date().timeIntervalSince(started))
            #expect(result.status == 0, "\(result.transcript)")
            try checkReleases(project)
        }
        #expect(project.history.versions == [ReleaseVersion(1, 0, 0), ReleaseVersion(1, 1, 0)])

        // Where each kill landed, judged from what it left; printed, never asserted on.
        var landed: [String: Int] = [:]
        for attempt in 1...PublishKillTests.attempts {
            project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(percent: (1...6).map { _ in Int(random.next() % 90) + 5 }))
            try project.run([.ingest, .normalise, .rank])
            let versionsBefore = project.history.versions
            let leftoversBefore = leftovers(project)

            let child = Process()
            child.executableURL = URL(fileURLWithPath: publish)
            child.arguments = [project.pipelinePath, "--quiet"]
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            let delay = Double(random.next() % 1000) / 1000 * duration * 1.5
            usleep(UInt32(delay * 1_000_000))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            try checkReleases(project, after: "attempt \(attempt), killed after \(Int(delay * 1000)) ms")

            let published = project.history.versions != versionsBefore
            let moment = switch (child.terminationReason == .uncaughtSignal, published) {
            case (false, _): "finished before the kill"
            case (true, true): project.history.latest == project.history.newest ? "killed after publishing" : "killed before moving latest"
            case (true, false): leftovers(project).subtracting(leftoversBefore).isEmpty ? "killed before writing" : "killed while writing"
            }
            landed[moment, default: 0] += 1
        }

        // The next run finishes, tidies every leftover and points `latest` at the newest.
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(percent: [1, 2, 3, 4, 5, 6]))
        try project.run([.ingest, .normalise, .rank])
        let last = try ChildProcess.run(publish, [project.pipelinePath, "--quiet"])
        #expect(last.status == 0, "\(last.transcript)")
        try checkReleases(project)
        #expect(leftovers(project).isEmpty, "left over after a complete run: \(leftovers(project))")
        #expect(project.history.latest == project.history.newest)
        for version in project.history.versions {
            let check = try ChildProcess.run("/usr/bin/env", ["sha256sum", "-c", "--quiet", "SHA256SUMS"], in: project.folder(version.description))
            #expect(check.status == 0, "\(version): \(check.transcript)")
        }
        let summary = landed.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print("kill test: \(PublishKillTests.attempts) publishes, kills spread over \(Int(duration * 1500)) ms: \(summary); "
              + "\(project.history.versions.count) releases in the end")
    }

    /// The temporary folders and links of unfinished runs.
    private func leftovers(_ project: FixtureProject) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: project.releases)) ?? [])
            .filter { $0.hasPrefix(".partial-") || $0.hasPrefix(".latest-") })
    }

    /// Every version folder is a complete release that verifies against its checksums,
    /// and `latest` names one of them.
    private func checkReleases(_ project: FixtureProject, after moment: String = "a complete run") throws {
        let history = project.history
        #expect(!history.versions.isEmpty, "no release after \(moment)")
        for version in history.versions {
            #expect(throws: Never.self, "release \(version) after \(moment)") {
                try ReleaseVerifier.verify(folder: history.path(of: version))
            }
        }
        let latest = history.latest
        #expect(latest.map { history.versions.contains($0) } == true, "latest is \(String(describing: latest)) after \(moment)")
        #expect(throws: Never.self, "opening latest after \(moment)") { _ = try Release.open(history.latestLink) }
        // Anything else in the folder is staging, the lock, or a hidden leftover.
        let names = try FileManager.default.contentsOfDirectory(atPath: history.folder)
        let unexpected = names.filter { name in
            ReleaseVersion(name) == nil && !["latest", "staging", ".lock"].contains(name)
                && !name.hasPrefix(".partial-") && !name.hasPrefix(".latest-")
        }
        #expect(unexpected.isEmpty, "unexpected entries after \(moment): \(unexpected)")
    }
}
