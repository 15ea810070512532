import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

@Suite("Comparing two releases")
struct ReleaseDiffTests {
    /// Fuel poverty in the fixture is 10% in A1 up to 60% in A6: quintiles 5, 4, 3, 2, 1, 1
    /// (higher is worse). Swapping A3's and A4's figures moves A3 from 3 to 2, into the
    /// highest need, and A4 from 2 to 3, out of it; objective 5 has only this indicator.
    static let swapped = FixtureProject.fuelPoverty(percent: [10, 20, 40, 30, 50, 60])

    /// The fixture published, then published again with the swapped figures.
    static func twoReleases() throws -> FixtureProject {
        let project = FixtureProject()
        try project.run()
        project.write("data-raw/sources/fuel.csv", swapped)
        try project.run()
        return project
    }

    @Test func reportsExactlyTheChangesMade() throws {
        let project = try ReleaseDiffTests.twoReleases()
        let diff = try ReleaseDiff(from: Release.open(project.folder("1.0.0")), to: Release.open(project.folder("1.1.0")))

        #expect(diff.from.version == ReleaseVersion(1, 0, 0) && diff.to.version == ReleaseVersion(1, 1, 0))
        #expect(diff.tablesChanged == ["indicator_needs", "objective_needs"])
        #expect(diff.tablesAdded.isEmpty && diff.tablesRemoved.isEmpty && diff.columnChanges.isEmpty)
        #expect(diff.areasAdded.isEmpty && diff.areasRemoved.isEmpty)
        #expect(diff.indicatorsAdded.isEmpty && diff.indicatorsRemoved.isEmpty)
        #expect(diff.indicatorQuintileChanges == [
            QuintileChange(areaCode: "A3", areaName: "North Three", subject: .indicator(id: "fuel-poverty"),
                           subjectTitle: "Households in fuel poverty", from: 3, to: 2),
            QuintileChange(areaCode: "A4", areaName: "South One", subject: .indicator(id: "fuel-poverty"),
                           subjectTitle: "Households in fuel poverty", from: 2, to: 3),
        ])
        #expect(diff.objectiveQuintileChanges == [
            QuintileChange(areaCode: "A3", areaName: "North Three", subject: .objective(id: 5), subjectTitle: "environment", from: 3, to: 2),
            QuintileChange(areaCode: "A4", areaName: "South One", subject: .objective(id: 5), subjectTitle: "environment", from: 2, to: 3),
        ])
        #expect(diff.indicatorCrossings.map(\.crossing) == [.into, .outOf])
        #expect(diff.objectiveCrossings.map(\.crossing) == [.into, .outOf])
        #expect(diff.valueChanges == [ReleaseDiff.ValueChange(indicatorId: "fuel-poverty", areaCodes: ["A3", "A4"])])

        let text = diff.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(4).joined(separator: "\n")
        #expect(text == """
            Tables changed: indicator_needs, objective_needs
            No tables, columns, areas or indicators added or removed.

            Crossed the highest-need line (into or out of need quintiles 1 and 2):
              A3 North Three: into highest need on fuel-poverty, objective 5 environment
              A4 South One: out of highest need on fuel-poverty, objective 5 environment

            Need quintile changes on indicators (1 = greatest need):
              A3 North Three: fuel-poverty 3 -> 2 (into highest need)
              A4 South One: fuel-poverty 2 -> 3 (out of highest need)

            Need quintile changes on objectives:
              A3 North Three: objective 5 environment 3 -> 2 (into highest need)
              A4 South One: objective 5 environment 2 -> 3 (out of highest need)

            Figures changed:
              fuel-poverty: A3, A4

            """)
    }

    @Test func sameReleaseHasNoDifferences() throws {
        let project = FixtureProject()
        try project.run()
        let release = try Release.open(project.folder("1.0.0"))
        let diff = try ReleaseDiff(from: release, to: release)
        #expect(diff.tablesIdentical)
        #expect(diff.indicatorQuintileChanges.isEmpty && diff.objectiveQuintileChanges.isEmpty && diff.valueChanges.isEmpty)
        #expect(diff.text.hasSuffix("No differences: the two releases hold the same tables, byte for byte.\n"))
    }

    @Test func reportsAreasIndicatorsColumnsAndTablesAddedOrRemoved() throws {
        let folder = ReleasesFolder()
        _ = try folder.writer.publish(SampleDraft().draft)
        var sample = SampleDraft()
        sample.areas.removeLast()
        sample.areas.append(["A3", "Area Three", "D1", "Dale", "300"])
        sample.indicators.removeLast()
        sample.indicators.append(["ind-c", "Indicator C", "2", "higher-is-worse", "%", "rate", "c.csv", "lsoa11", "2025", "true", "", "", "true", "", "", ""])
        sample.schemas["areas"]!.fields.append(.init("region", .string, "The region."))
        for index in sample.areas.indices { sample.areas[index].append("North West") }
        sample.omitted = ["framework"]
        _ = try folder.writer.publish(sample.draft)

        let diff = try ReleaseDiff(from: Release.open(folder.path + "/1.0.0"), to: Release.open(folder.path + "/2.0.0"))
        #expect(diff.areasAdded == [ReleaseDiff.Item(id: "A3", name: "Area Three")])
        #expect(diff.areasRemoved == [ReleaseDiff.Item(id: "A2", name: "Area Two")])
        #expect(diff.indicatorsAdded == [ReleaseDiff.Item(id: "ind-c", name: "Indicator C")])
        #expect(diff.indicatorsRemoved == [ReleaseDiff.Item(id: "ind-b", name: "Indicator B")])
        #expect(diff.columnChanges == [ReleaseDiff.ColumnChange(table: "areas", added: ["region"], removed: [])])
        #expect(diff.tablesRemoved == ["framework"] && diff.tablesAdded.isEmpty)
        // A1 on ind-a is in both and did not move; A2 was removed, so nothing is reported for it.
        #expect(diff.indicatorQuintileChanges.isEmpty)
        #expect(diff.text.contains("Areas added: A3 Area Three\nAreas removed: A2 Area Two\n"))
        #expect(diff.text.contains("Columns added to areas: region\n"))
        #expect(diff.text.contains("Indicators added: ind-c (Indicator C)\nIndicators removed: ind-b (Indicator B)\n"))
    }

    @Test func lostRankCountsAsLeavingTheHighestNeed() throws {
        let folder = ReleasesFolder()
        _ = try folder.writer.publish(SampleDraft().draft)
        var sample = SampleDraft()
        // A2 loses its figure on ind-a (quintile 1 before), A1 gains quintile 2.
        sample.indicatorNeeds[1] = ["A2", "ind-a", "", "", "", "", "", "", "", "", "", ""]
        sample.indicatorNeeds[0] = ["A1", "ind-a", "10", "10", "100", "5", "17", "1", "2", "true", "exact", "better"]
        _ = try folder.writer.publish(sample.draft)
        let diff = try ReleaseDiff(from: Release.open(folder.path + "/1.0.0"), to: Release.open(folder.path + "/1.1.0"))
        #expect(diff.indicatorQuintileChanges == [
            QuintileChange(areaCode: "A1", areaName: "Area One", subject: .indicator(id: "ind-a"), subjectTitle: "Indicator A", from: 5, to: 2),
            QuintileChange(areaCode: "A2", areaName: "Area Two", subject: .indicator(id: "ind-a"), subjectTitle: "Indicator A", from: 1, to: nil),
        ])
        #expect(diff.indicatorQuintileChanges.map(\.crossing) == [.into, .outOf])
        let json = diff.json
        let lost = json["indicator_quintile_changes"]?.array?.last
        #expect(lost?["to_quintile"] == .null)
        #expect(lost?["highest_need_crossing"] == .string("out_of"))
        #expect(diff.text.contains("A2 Area Two: ind-a 1 -> unranked (out of highest need)"))
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let project = try ReleaseDiffTests.twoReleases()
        let diff = try ReleaseDiff(from: Release.open(project.folder("1.0.0")), to: Release.open(project.folder("1.1.0")))
        let json = diff.json
        #expect(json["diff_format"] == .integer(1))
        #expect(json["from"]?["version"] == .string("1.0.0"))
        #expect(json["to"]?["pipeline"] == .string("test"))
        #expect(json["tables_identical"] == .bool(false))
        #expect(json["tables"]?["changed"] == .array([.string("indicator_needs"), .string("objective_needs")]))
        #expect(json["highest_need_crossings"]?["indicators"]?.array?.first == .object([
            "area_code": .string("A3"), "area_name": .string("North Three"),
            "indicator_id": .string("fuel-poverty"), "indicator_title": .string("Households in fuel poverty"),
            "from_quintile": .integer(3), "to_quintile": .integer(2), "highest_need_crossing": .string("into"),
        ]))
        #expect(json["highest_need_crossings"]?["objectives"]?.array?.last == .object([
            "area_code": .string("A4"), "area_name": .string("South One"),
            "objective_id": .integer(5), "objective_name": .string("environment"),
            "from_quintile": .integer(2), "to_quintile": .integer(3), "highest_need_crossing": .string("out_of"),
        ]))
        #expect(json["value_changes"] == .array([.object(["indicator_id": .string("fuel-poverty"), "area_codes": .array([.string("A3"), .string("A4")])])]))
    }
}
