import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// Releases of the fixture project, published by its pipeline run in this process: the
/// layout, the descriptor, provenance, checksums and versions.
@Suite("Published releases of a pipeline")
struct PublishedReleaseTests {
    let project = FixtureProject()

    static let tables = ["areas", "objectives", "outcomes", "indicators", "indicator_needs", "objective_needs", "framework", "area_lookup"]

    @Test func releaseHoldsEveryTableItsWorkbookAndDatabaseWithItsRecords() throws {
        try project.run()
        let expected = PublishedReleaseTests.tables.map { $0 + ".csv" }
            + ["test-1.0.0.xlsx", "test-1.0.0.sqlite", "SHA256SUMS", "datapackage.json", "provenance.json"]
        #expect(visibleNames(project.folder("1.0.0")) == expected.sorted())
        #expect(visibleNames(project.releases) == ["1.0.0", "latest", "staging"])
        // Nothing of the workbook's making is left behind.
        #expect(project.list("data-out/test/1.0.0").filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func gzipCopiesAreMadeWhenThePipelineAsksForThem() throws {
        project.write("pipelines/test.yml", FixtureProject.pipeline.replacingOccurrences(
            of: "release:\n  label: test\n", with: "release:\n  label: test\n  editions: [csv, csv.gz]\n"))
        #expect(FixtureProject.pipeline.contains("release:\n  label: test\n"))
        try project.run()
        let expected = PublishedReleaseTests.tables.flatMap { [$0 + ".csv", $0 + ".csv.gz"] }
            + ["SHA256SUMS", "datapackage.json", "provenance.json"]
        #expect(visibleNames(project.folder("1.0.0")) == expected.sorted())
        let package = try readJSON(project.folder("1.0.0") + "/datapackage.json")
        #expect(package["areaneeds"]?["compressed_copies"]?.string != nil)
        #expect(package["areaneeds"]?["editions"]?.array?.isEmpty == true)
        // Each compressed copy holds exactly the plain table.
        for table in PublishedReleaseTests.tables {
            let path = project.folder("1.0.0") + "/" + table + ".csv"
            let unzipped = try ChildProcess.run("/usr/bin/env", ["gzip", "-dc", path + ".gz"])
            #expect(unzipped.status == 0)
            #expect(unzipped.standardOutput == (try String(contentsOfFile: path, encoding: .utf8)), "\(table).csv.gz")
        }
    }

    @Test func sameInputsGiveByteIdenticalTablesAndOneVersion() throws {
        try project.run()
        let first = try snapshot(project.folder("1.0.0"))
        // Forced, so every stage really runs again and the writer compares the tables.
        let again = try project.run(force: true)
        #expect(again.release == .unchanged(.first))
        #expect(project.history.versions == [.first])
        #expect(try snapshot(project.folder("1.0.0")) == first)

        // A second project with the same inputs, elsewhere, writes the same table bytes.
        let other = FixtureProject()
        try other.run()
        let second = try snapshot(other.folder("1.0.0"))
        let tableFiles = first.keys.filter { $0.hasSuffix(".csv") }
        #expect(tableFiles.count == 8)
        for name in tableFiles {
            #expect(first[name] == second[name], "\(name) differs between two runs of the same inputs")
        }
    }

    @Test func changedSourceIsAMinorVersionAndLeavesTheFirstAlone() throws {
        try project.run()
        let first = try snapshot(project.folder("1.0.0"))
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(changing: 2))
        #expect(try project.run().release == .published(ReleaseVersion(1, 1, 0), change: .data))
        #expect(project.history.versions == [ReleaseVersion(1, 0, 0), ReleaseVersion(1, 1, 0)])
        #expect(project.history.latest == ReleaseVersion(1, 1, 0))
        #expect(try snapshot(project.folder("1.0.0")) == first)
    }

    @Test func changedSourceAsACorrectionIsAPatchVersion() throws {
        try project.run()
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(changing: 2))
        #expect(try project.run(correction: true).release == .published(ReleaseVersion(1, 0, 1), change: .correction))
    }

    @Test func changedGeographyIsAMajorVersion() throws {
        try project.run()
        project.write("data-raw/geography/areas.csv", FixtureProject.areas.replacingOccurrences(of: "North Two", with: "Northern Two"))
        #expect(try project.run().release == .published(ReleaseVersion(2, 0, 0), change: .schemaOrGeography))
        #expect(project.history.latest == ReleaseVersion(2, 0, 0))
    }

    @Test func checksumsVerifyWithSha256sum() throws {
        try project.run()
        let folder = project.folder("1.0.0")
        let check = try ChildProcess.run("/usr/bin/env", ["sha256sum", "-c", "SHA256SUMS"], in: folder)
        #expect(check.status == 0, "\(check.transcript)")
        let lines = check.standardOutput.split(separator: "\n")
        #expect(lines.count == 12, "eight tables, the workbook, the database, the descriptor and provenance")
        #expect(lines.allSatisfy { $0.hasSuffix(": OK") })
        try ReleaseVerifier.verify(folder: folder)

        // A changed byte fails both the real tool and ours, which names the file.
        let copy = try copyOf(folder)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try corrupt(copy + "/indicator_needs.csv")
        let broken = try ChildProcess.run("/usr/bin/env", ["sha256sum", "-c", "--quiet", "SHA256SUMS"], in: copy)
        #expect(broken.status != 0)
        #expect(broken.standardOutput.contains("indicator_needs.csv: FAILED"))
        let error = #expect(throws: AreaNeedsError.self) { try ReleaseVerifier.verify(folder: copy) }
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("indicator_needs.csv: does not match its checksum") == true)
    }

    @Test func descriptorDescribesEveryTableAndItsFile() throws {
        try project.run()
        let folder = project.folder("1.0.0")
        let package = try readJSON(folder + "/datapackage.json")
        #expect(package["name"]?.string == "areaneeds-test")
        #expect(package["version"]?.string == "1.0.0")
        #expect(package["profile"]?.string == "tabular-data-package")
        let created = package["created"]?.string ?? ""
        #expect(created.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil, "created is RFC 3339 in UTC: \(created)")
        #expect(package["licenses"]?.array?.first?["name"]?.string?.isEmpty == false)
        #expect(package["sources"]?.array?.map { $0["path"]?.string } == ["fuel.csv", "scores.csv", "pay.csv", "care.csv"])

        let resources = package["resources"]?.array ?? []
        #expect(resources.compactMap { $0["name"]?.string } == PublishedReleaseTests.tables)
        for resource in resources {
            let name = resource["name"]?.string ?? "?"
            let path = folder + "/" + (resource["path"]?.string ?? "")
            #expect(resource["path"]?.string == name + ".csv")
            #expect(resource["mediatype"]?.string == "text/csv")
            #expect(resource["encoding"]?.string == "utf-8")
            #expect(resource["bytes"] == .integer(try Data(contentsOf: URL(fileURLWithPath: path)).count), "\(name) bytes")
            #expect(resource["hash"]?.string == "sha256:" + (try sha256(path)), "\(name) hash")
            // The schema's fields are the file's header, in order.
            let header = try String(contentsOfFile: path, encoding: .utf8).prefix { $0 != "\n" }
            let fields = resource["schema"]?["fields"]?.array?.compactMap { $0["name"]?.string } ?? []
            #expect(fields.joined(separator: ",") == header, "\(name) fields")
            #expect(resource["schema"]?["primaryKey"]?.array?.isEmpty == false, "\(name) primary key")
        }
        let needs = resources.first { $0["name"]?.string == "indicator_needs" }?["schema"]
        #expect(needs?["primaryKey"] == .array([.string("spa_code"), .string("indicator_id")]))
        #expect(needs?["foreignKeys"]?.array?.compactMap { $0["reference"]?["resource"]?.string } == ["areas", "indicators"])
        let quintile = needs?["fields"]?.array?.first { $0["name"]?.string == "need_quintile" }
        #expect(quintile?["type"]?.string == "integer")
        #expect(quintile?["constraints"] == .object(["minimum": .integer(1), "maximum": .integer(5)]))
    }

    @Test func packageNameStaysTheSameAcrossVersions() throws {
        try project.run()
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(changing: 2))
        try project.run()
        let first = try readJSON(project.folder("1.0.0") + "/datapackage.json")
        let second = try readJSON(project.folder("1.1.0") + "/datapackage.json")
        #expect(first["name"] == second["name"])
        #expect(second["version"]?.string == "1.1.0")
    }

    @Test func provenanceRecordsTheToolThePipelineAndEveryInput() throws {
        try project.run()
        let provenance = try readJSON(project.folder("1.0.0") + "/provenance.json")
        #expect(provenance["version"]?.string == "1.0.0")
        #expect(provenance["tool_version"]?.string == ToolVersion.current)
        #expect(provenance["pipeline_file"]?["sha256"]?.string == (try sha256(project.pipelinePath)))
        let sources = provenance["sources"]?.array ?? []
        #expect(sources.compactMap { $0["indicator_id"]?.string } == ["fuel-poverty", "barriers", "pay", "carers"])
        let fuel = sources.first { $0["indicator_id"]?.string == "fuel-poverty" }
        #expect(fuel?["sha256"]?.string == (try sha256(project.root + "/data-raw/sources/fuel.csv")))
        #expect(fuel?["vintage"]?.string == "2020")
        #expect(fuel?["bytes"] == .integer(FixtureProject.fuelPoverty().utf8.count))
    }
}
