import AreaNeedsCore
import AreaNeedsRelease
import Foundation
import Testing

/// Versions and immutability, on drafts written straight through `ReleaseWriter`.
@Suite("Writing releases: versions and immutability")
struct ReleaseWriterTests {
    let folder = ReleasesFolder()

    @discardableResult
    func publish(_ sample: SampleDraft, correction: Bool = false, version: ReleaseVersion? = nil) throws -> ReleaseWriter.Outcome {
        try folder.writer.publish(sample.draft, correction: correction, version: version)
    }

    @Test func firstReleaseIsOneZeroZeroAndLatestNamesIt() throws {
        #expect(try publish(SampleDraft()) == .published(.first, change: nil))
        #expect(visibleNames(folder.path) == ["1.0.0", "latest"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/latest") == "1.0.0")
        try ReleaseVerifier.verify(folder: folder.path + "/1.0.0")
    }

    @Test func identicalTablesMakeNoNewVersion() throws {
        try publish(SampleDraft())
        let before = try snapshot(folder.path)
        #expect(try publish(SampleDraft()) == .unchanged(.first))
        #expect(try snapshot(folder.path) == before)
    }

    @Test func changedDataIsAMinorVersion() throws {
        try publish(SampleDraft())
        let first = try snapshot(folder.path + "/1.0.0")
        var sample = SampleDraft()
        sample.indicatorNeeds[0][2] = "11"
        #expect(try publish(sample) == .published(ReleaseVersion(1, 1, 0), change: .data))
        #expect(try snapshot(folder.path + "/1.0.0") == first, "an earlier release is never written into")
        #expect(folder.history.latest == ReleaseVersion(1, 1, 0))
    }

    @Test func correctionIsAPatchVersion() throws {
        try publish(SampleDraft())
        var sample = SampleDraft()
        sample.indicators[0][1] = "Indicator A, title corrected"
        #expect(try publish(sample, correction: true) == .published(ReleaseVersion(1, 0, 1), change: .correction))
    }

    @Test func addedColumnIsAMajorVersion() throws {
        try publish(SampleDraft())
        var sample = SampleDraft()
        sample.schemas["indicators"]!.fields.append(.init("licence", .string, "The source's licence."))
        for index in sample.indicators.indices { sample.indicators[index].append("OGL") }
        #expect(try publish(sample) == .published(ReleaseVersion(2, 0, 0), change: .schemaOrGeography))
    }

    @Test func changedColumnTypeIsAMajorVersionEvenWithTheSameBytes() throws {
        try publish(SampleDraft())
        var sample = SampleDraft()
        sample.schemas["areas"]!.fields[4].type = .integer
        #expect(try publish(sample) == .published(ReleaseVersion(2, 0, 0), change: .schemaOrGeography))
    }

    @Test func changedForeignKeyIsAMajorVersion() throws {
        try publish(SampleDraft())
        var sample = SampleDraft()
        sample.schemas["indicators"]!.foreignKeys = []
        #expect(try publish(sample) == .published(ReleaseVersion(2, 0, 0), change: .schemaOrGeography))
    }

    @Test func removedTableIsAMajorVersion() throws {
        try publish(SampleDraft())
        var sample = SampleDraft()
        sample.omitted = ["framework"]
        #expect(try publish(sample) == .published(ReleaseVersion(2, 0, 0), change: .schemaOrGeography))
    }

    @Test func changedAreasAreAMajorVersion() throws {
        try publish(SampleDraft())
        var sample = SampleDraft()
        sample.areas[1][1] = "Area Two, renamed"
        #expect(try publish(sample) == .published(ReleaseVersion(2, 0, 0), change: .schemaOrGeography))
    }

    @Test func changedLookupIsAMajorVersionEvenAsACorrection() throws {
        try publish(SampleDraft())
        var sample = SampleDraft()
        sample.lookup.append(["lsoa11", "L3", "A2", "1"])
        #expect(try publish(sample, correction: true) == .published(ReleaseVersion(2, 0, 0), change: .schemaOrGeography))
    }

    @Test func publishingOverAnExistingVersionFailsAndChangesNothing() throws {
        try publish(SampleDraft())
        var sample = SampleDraft()
        sample.indicatorNeeds[0][2] = "11"
        try publish(sample)
        let before = try snapshot(folder.path)
        sample.indicatorNeeds[0][2] = "12"
        let error = #expect(throws: AreaNeedsError.self) { try publish(sample, version: ReleaseVersion(1, 0, 0)) }
        #expect(error?.category == .output)
        #expect(error?.message.contains("release 1.0.0 already exists") == true)
        #expect(error?.message.contains("never rewritten") == true)
        // Same files, same bytes, `latest` unmoved, and no temporary folder left behind.
        #expect(try snapshot(folder.path) == before)
    }

    @Test func somethingElseInTheWayOfTheNextVersionIsRefused() throws {
        try publish(SampleDraft())
        _ = FileManager.default.createFile(atPath: folder.path + "/1.1.0", contents: Data("not a release\n".utf8))
        let before = try snapshot(folder.path)
        var sample = SampleDraft()
        sample.indicatorNeeds[0][2] = "11"
        let error = #expect(throws: AreaNeedsError.self) { try publish(sample) }
        #expect(error?.message.contains("not a release is in the way of release 1.1.0") == true)
        #expect(try snapshot(folder.path) == before)
    }

    @Test func anOlderRequestedVersionLeavesLatestOnTheNewest() throws {
        try publish(SampleDraft())
        var sample = SampleDraft()
        sample.areas[0][1] = "Renamed"
        try publish(sample)
        sample.indicatorNeeds[0][2] = "11"
        #expect(try publish(sample, version: ReleaseVersion(1, 0, 1)) == .published(ReleaseVersion(1, 0, 1), change: .data))
        #expect(folder.history.latest == ReleaseVersion(2, 0, 0))
    }

    @Test func leftoversOfDeadRunsAreRemovedAndLatestRepaired() throws {
        try publish(SampleDraft())
        var sample = SampleDraft()
        sample.indicatorNeeds[0][2] = "11"
        try publish(sample)
        // What a run killed at the worst moments leaves: a half-written release, a new
        // link not yet renamed over `latest`, and `latest` still on the older release.
        let dead = try deadProcessID()
        let partial = folder.path + "/.partial-\(dead)-0badf00d"
        try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: partial + "/areas.csv", contents: Data("spa_code\n".utf8))
        #expect(symlink("1.1.0", folder.path + "/.latest-\(dead)") == 0)
        #expect(unlink(folder.path + "/latest") == 0 && symlink("1.0.0", folder.path + "/latest") == 0)

        try folder.writer.tidy()
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() == ["1.0.0", "1.1.0", "latest"])
        #expect(folder.history.latest == ReleaseVersion(1, 1, 0))
    }

    /// The id of a process that has exited and been reaped.
    private func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
