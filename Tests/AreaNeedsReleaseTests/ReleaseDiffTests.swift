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

    static func standing(_ value: Double?, _ rank: Int?, _ quintile: Int?) -> NeedChange.Standing {
        NeedChange.Standing(value: value, rank: rank, quintile: quintile)
    }

    @Test func reportsEveryFigureWithItsOldAndNewValueRankAndQuintile() throws {
        let project = try ReleaseDiffTests.twoReleases()
        let diff = try ReleaseDiff(from: Release.open(project.folder("1.0.0")), to: Release.open(project.folder("1.1.0")))

        #expect(diff.from.version == ReleaseVersion(1, 0, 0) && diff.to.version == ReleaseVersion(1, 1, 0))
        // The county's fuel poverty is unchanged (the same households in all); its figures move.
        #expect(diff.tablesChanged == ["indicator_needs", "objective_needs"])
        #expect(diff.tablesAdded.isEmpty && diff.tablesRemoved.isEmpty && diff.columnChanges.isEmpty)
        #expect(diff.areasAdded.isEmpty && diff.areasRemoved.isEmpty && diff.indicatorsRedefined.isEmpty)
        // By hand: 10% to 60% rank A6 1 ... A1 6; with six areas ranks 1-2 are quintile 1,
        // 3 quintile 2, 4 quintile 3. A3 (30%, rank 4, quintile 3) and A4 (40%, rank 3,
        // quintile 2) swap figures.
        let fuel = NeedChange.Subject.indicator(id: "fuel-poverty")
        #expect(diff.indicatorChanges == [
            NeedChange(areaCode: "A3", areaName: "North Three", subject: fuel, subjectTitle: "Households in fuel poverty",
                       from: Self.standing(30, 4, 3), to: Self.standing(40, 3, 2)),
            NeedChange(areaCode: "A4", areaName: "South One", subject: fuel, subjectTitle: "Households in fuel poverty",
                       from: Self.standing(40, 3, 2), to: Self.standing(30, 4, 3)),
        ])
        // Objective 5 has only fuel poverty: its mean need rank is that rank.
        #expect(diff.objectiveChanges == [
            NeedChange(areaCode: "A3", areaName: "North Three", subject: .objective(id: 5), subjectTitle: "environment",
                       from: Self.standing(4, 4, 3), to: Self.standing(3, 3, 2)),
            NeedChange(areaCode: "A4", areaName: "South One", subject: .objective(id: 5), subjectTitle: "environment",
                       from: Self.standing(3, 3, 2), to: Self.standing(4, 4, 3)),
        ])
        #expect(diff.indicatorCrossings.map(\.crossing) == [.into, .outOf])
        #expect(diff.objectiveCrossings.map(\.crossing) == [.into, .outOf])
        #expect(diff.valueChanges.map(\.areaCode) == ["A3", "A4"])

        let text = diff.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(4).joined(separator: "\n")
        #expect(text == """
            1 area crossed into the highest-need fifths on 1 objective; 1 area crossed out of the highest-need fifths on 1 objective; 2 figures changed on 1 indicator.

            Crossed the highest-need line on objectives (into or out of need quintiles 1 and 2):
              A3 North Three: objective 5 environment: rank 4 -> 3, quintile 3 -> 2 (into highest need)
              A4 South One: objective 5 environment: rank 3 -> 4, quintile 2 -> 3 (out of highest need)

            Crossed the highest-need line on indicators:
              A3 North Three: fuel-poverty: 30% -> 40%, rank 4 -> 3, quintile 3 -> 2 (into highest need)
              A4 South One: fuel-poverty: 40% -> 30%, rank 3 -> 4, quintile 2 -> 3 (out of highest need)

            Figures changed (old -> new; need rank 1 = greatest need):
              fuel-poverty (Households in fuel poverty):
                A3 North Three: 30% -> 40%, rank 4 -> 3, quintile 3 -> 2 (into highest need)
                A4 South One: 40% -> 30%, rank 3 -> 4, quintile 2 -> 3 (out of highest need)

            Objective need moved:
              A3 North Three: objective 5 environment: rank 4 -> 3, quintile 3 -> 2 (into highest need)
              A4 South One: objective 5 environment: rank 3 -> 4, quintile 2 -> 3 (out of highest need)

            Ranks moved by other areas' figures (own figure unchanged):
              none

            Tables changed: indicator_needs, objective_needs
            No tables, columns, areas or indicators added, removed or redefined.

            """)
    }

    @Test func ranksMovedByAnotherAreasCorrectionAreToldApart() throws {
        // A1's figure corrected from 10% to 55%: it moves to rank 2, and A5, A4, A3 and A2
        // each move down one rank without a change of their own.
        let project = FixtureProject()
        try project.run()
        project.write("data-raw/sources/fuel.csv", FixtureProject.fuelPoverty(percent: [55, 20, 30, 40, 50, 60]))
        try project.run(correction: true)
        let diff = try ReleaseDiff(from: Release.open(project.folder("1.0.0")), to: Release.open(project.folder("1.0.1")))
        #expect(diff.valueChanges.map(\.areaCode) == ["A1"])
        let corrected = try #require(diff.valueChanges.first)
        #expect(corrected.from == Self.standing(10, 6, 5))
        #expect(abs(corrected.to.value! - 55) < 1e-9 && corrected.to.rank == 2 && corrected.to.quintile == 1)
        let others = diff.indicatorChanges.filter { !$0.valueChanged }
        #expect(others.map(\.areaCode) == ["A2", "A3", "A4", "A5"])
        #expect(others.map { $0.to.rank! - $0.from.rank! } == [1, 1, 1, 1])
        #expect(diff.summary.hasPrefix("1 area crossed into the highest-need fifths on 1 objective; 1 area crossed out of"))
        #expect(diff.text.contains("A1 North One: 10% -> 55%, rank 6 -> 2, quintile 5 -> 1 (into highest need)"))
        #expect(diff.text.contains("  fuel-poverty: 4 areas moved (A2 5 -> 6, A3 4 -> 5, A4 3 -> 4, A5 2 -> 3)\n"))
        #expect(diff.text.contains("    A5 South Two: rank 2 -> 3, quintile 1 -> 2\n"))
        #expect(diff.text.contains("    A4 South One: rank 3 -> 4, quintile 2 -> 3 (out of highest need)\n"))
    }

    @Test func sameReleaseHasNoDifferences() throws {
        let project = FixtureProject()
        try project.run()
        let release = try Release.open(project.folder("1.0.0"))
        let diff = try ReleaseDiff(from: release, to: release)
        #expect(diff.tablesIdentical)
        #expect(diff.indicatorChanges.isEmpty && diff.objectiveChanges.isEmpty && diff.valueChanges.isEmpty)
        #expect(diff.text.hasSuffix("No differences: the two releases hold the same tables, byte for byte.\n"))
    }

    @Test func reportsAreasIndicatorsColumnsAndTablesAddedOrRemoved() throws {
        let folder = ReleasesFolder()
        _ = try folder.writer.publish(SampleDraft().draft)
        var sample = SampleDraft()
        sample.areas.removeLast()
        sample.areas.append(["A3", "Area Three", "D1", "Dale", "300"])
        sample.indicators.removeLast()
        sample.indicators.append(["ind-c", "Indicator C", "2", "higher-is-worse", "%", "rate", "c.csv", "lsoa11", "2025", "true", "", "", "true", "", "", "", ""])
        sample.schemas["areas"]!.fields.append(.init("region", .string, "The region."))
        for index in sample.areas.indices { sample.areas[index].append("North West") }
        sample.omitted = ["framework"]
        // Rows only for the areas and indicators the release lists, as its foreign keys require.
        sample.indicatorNeeds.removeAll { $0[0] == "A2" || $0[1] == "ind-b" }
        sample.objectiveNeeds.removeAll { $0[0] == "A2" }
        sample.lookup[1][2] = "A3"
        _ = try folder.writer.publish(sample.draft)

        let diff = try ReleaseDiff(from: Release.open(folder.path + "/1.0.0"), to: Release.open(folder.path + "/2.0.0"))
        #expect(diff.areasAdded == [ReleaseDiff.Item(id: "A3", name: "Area Three")])
        #expect(diff.areasRemoved == [ReleaseDiff.Item(id: "A2", name: "Area Two")])
        #expect(diff.indicatorsAdded == [ReleaseDiff.Item(id: "ind-c", name: "Indicator C")])
        #expect(diff.indicatorsRemoved == [ReleaseDiff.Item(id: "ind-b", name: "Indicator B")])
        #expect(diff.columnChanges == [ReleaseDiff.ColumnChange(table: "areas", added: ["region"], removed: [])])
        #expect(diff.tablesRemoved == ["framework"] && diff.tablesAdded.isEmpty)
        // A1 on ind-a is in both and did not move; A2 was removed, so nothing is reported for it.
        #expect(diff.indicatorChanges.isEmpty)
        #expect(diff.text.contains("Areas added: A3 Area Three\nAreas removed: A2 Area Two\n"))
        #expect(diff.text.contains("Columns added to areas: region\n"))
        #expect(diff.text.contains("Indicators added: ind-c (Indicator C)\nIndicators removed: ind-b (Indicator B)\n"))
    }

    @Test func indicatorsRedefinedAreNamedWithWhatChanged() throws {
        let folder = ReleasesFolder()
        _ = try folder.writer.publish(SampleDraft().draft)
        var sample = SampleDraft()
        sample.indicators[1][3] = "higher-is-worse"
        sample.indicators[1][5] = "average-rank"
        sample.indicators[1][6] = "b2.csv"
        _ = try folder.writer.publish(sample.draft)
        let diff = try ReleaseDiff(from: Release.open(folder.path + "/1.0.0"), to: Release.open(folder.path + "/1.1.0"))
        #expect(diff.indicatorsRedefined == [IndicatorRedefinition(indicatorId: "ind-b", title: "Indicator B", changes: [
            .init(field: "polarity", from: "higher-is-better", to: "higher-is-worse"),
            .init(field: "aggregation", from: "weighted-mean", to: "average-rank"),
            .init(field: "source", from: "b.csv", to: "b2.csv"),
        ])])
        #expect(diff.text.contains("Indicator redefined: ind-b (Indicator B): polarity higher-is-better -> higher-is-worse; aggregation weighted-mean -> average-rank; source b.csv -> b2.csv\n"))
        #expect(diff.summary.contains("indicators: 1 redefined"))
    }

    @Test func lostRankCountsAsLeavingTheHighestNeed() throws {
        let folder = ReleasesFolder()
        _ = try folder.writer.publish(SampleDraft().draft)
        var sample = SampleDraft()
        // A2 loses its figure on ind-a (quintile 1 before), A1 gains quintile 2.
        sample.indicatorNeeds[1] = ["A2", "ind-a", "", "", "", "", "", "", "", "", "", "", ""]
        sample.indicatorNeeds[0] = ["A1", "ind-a", "10", "10", "100", "5", "17", "1", "2", "true", "exact", "better", ""]
        _ = try folder.writer.publish(sample.draft)
        let diff = try ReleaseDiff(from: Release.open(folder.path + "/1.0.0"), to: Release.open(folder.path + "/1.1.0"))
        #expect(diff.indicatorChanges.map(\.areaCode) == ["A1", "A2"])
        #expect(diff.indicatorChanges.map(\.to) == [Self.standing(10, 1, 2), Self.standing(nil, nil, nil)])
        #expect(diff.indicatorChanges.map(\.crossing) == [.into, .outOf])
        let json = diff.json
        let lost = json["indicator_changes"]?.array?.last
        #expect(lost?["to"]?["quintile"] == .null && lost?["to"]?["value"] == .null)
        #expect(lost?["highest_need_crossing"] == .string("out_of"))
        #expect(diff.text.contains("A2 Area Two: 20% -> no figure, rank 1 -> unranked, quintile 1 -> unranked (out of highest need)"))
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let project = try ReleaseDiffTests.twoReleases()
        let diff = try ReleaseDiff(from: Release.open(project.folder("1.0.0")), to: Release.open(project.folder("1.1.0")))
        let json = diff.json
        #expect(json["diff_format"] == .integer(2))
        #expect(json["summary"] == .string(diff.summary))
        #expect(json["from"]?["version"] == .string("1.0.0"))
        #expect(json["to"]?["pipeline"] == .string("test"))
        #expect(json["tables_identical"] == .bool(false))
        #expect(json["tables"]?["changed"] == .array([.string("indicator_needs"), .string("objective_needs")]))
        #expect(json["highest_need_crossings"]?["indicators"]?.array?.first == .object([
            "area_code": .string("A3"), "area_name": .string("North Three"),
            "indicator_id": .string("fuel-poverty"), "indicator_title": .string("Households in fuel poverty"),
            "from": .object(["value": .number(30), "rank": .integer(4), "quintile": .integer(3)]),
            "to": .object(["value": .number(40), "rank": .integer(3), "quintile": .integer(2)]),
            "value_changed": .bool(true), "highest_need_crossing": .string("into"),
        ]))
        #expect(json["highest_need_crossings"]?["objectives"]?.array?.last?["highest_need_crossing"] == .string("out_of"))
        #expect(json["objective_changes"]?.array?.count == 2)
        #expect(json["indicators"]?["redefined"] == .array([]))
    }
}
