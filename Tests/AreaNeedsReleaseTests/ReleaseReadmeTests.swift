import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// `data-out/README.md`, the page for the people who import releases, kept in step with
/// what is published: its tables are generated from `ReleaseSchema`, and every field of
/// the diff's JSON is documented.
@Suite("The release README")
struct ReleaseReadmeTests {
    static let path = FixtureProject.repository + "/data-out/README.md"

    /// Set AREANEEDS_UPDATE_README=1 to rewrite the generated part instead of failing.
    @Test func tablesAreGeneratedFromTheSchema() throws {
        let readme = try String(contentsOfFile: ReleaseReadmeTests.path, encoding: .utf8)
        guard let start = readme.range(of: ReleaseSchema.markdownStart),
              let end = readme.range(of: ReleaseSchema.markdownEnd + "\n", range: start.upperBound..<readme.endIndex) else {
            Issue.record("data-out/README.md has lost the marks around its generated tables: \(ReleaseSchema.markdownStart)")
            return
        }
        let generated = ReleaseSchema.documented.markdown
        if ProcessInfo.processInfo.environment["AREANEEDS_UPDATE_README"] == "1" {
            try readme.replacingCharacters(in: start.lowerBound..<end.upperBound, with: generated)
                .write(toFile: ReleaseReadmeTests.path, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(readme[start.lowerBound..<end.upperBound]) == generated, """
            data-out/README.md is out of step with ReleaseSchema; rewrite its tables with
            AREANEEDS_UPDATE_README=1 swift test --skip-build --filter ReleaseReadmeTests
            """)
    }

    @Test func everyTableAndColumnIsDocumented() throws {
        let readme = try String(contentsOfFile: ReleaseReadmeTests.path, encoding: .utf8)
        for table in ReleaseSchema.documented.tables {
            #expect(readme.contains("### `\(table.fileName)`"), "\(table.fileName)")
            for field in table.fields {
                #expect(readme.contains("| `\(field.name)` | \(field.type.rawValue) |"), "\(table.name).\(field.name)")
            }
        }
    }

    @Test func everyDiffJSONFieldIsDocumented() throws {
        // A diff with one of everything, so every field appears in its JSON.
        let folder = ReleasesFolder()
        _ = try folder.writer.publish(SampleDraft().draft)
        var sample = SampleDraft()
        sample.areas.append(["A3", "Area Three", "D1", "Dale", "300"])
        sample.indicators.append(["ind-c", "Indicator C", "2", "higher-is-worse", "%", "rate", "c.csv", "lsoa11", "2025", "true", "", "", "true", "", "", "", ""])
        sample.schemas["areas"]!.fields.append(.init("region", .string, "The region."))
        for index in sample.areas.indices { sample.areas[index].append("North West") }
        sample.indicatorNeeds[0] = ["A1", "ind-a", "30", "30", "100", "20", "40", "1", "1", "true", "exact", "worse", ""]
        sample.objectiveNeeds[0] = ["A1", "1", "1", "1", "1", "1", "1", "true"]
        _ = try folder.writer.publish(sample.draft)
        let diff = try ReleaseDiff(from: Release.open(folder.path + "/1.0.0"), to: Release.open(folder.path + "/2.0.0"))

        var keys: Set<String> = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let object):
                keys.formUnion(object.keys)
                object.values.forEach(collect)
            case .array(let array): array.forEach(collect)
            default: break
            }
        }
        collect(diff.json)
        #expect(keys.count > 25)
        let readme = try String(contentsOfFile: ReleaseReadmeTests.path, encoding: .utf8)
        for key in keys.sorted() {
            #expect(readme.contains("`\(key)`"), "the diff's JSON field \(key) is not in data-out/README.md")
        }
    }
}
