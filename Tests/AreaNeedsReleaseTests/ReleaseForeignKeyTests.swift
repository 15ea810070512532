import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// Every foreign key of a release resolves: a need row for an area `areas.csv` does not
/// list, or an indicator `indicators.csv` does not, is refused naming the line, the column
/// and the table it should be in.
@Suite("A release's foreign keys resolve")
struct ReleaseForeignKeyTests {
    @Test func anAreaAbsentFromTheAreasIsRefused() throws {
        var sample = SampleDraft()
        sample.indicatorNeeds[3][0] = "A9"
        let (release, folder) = try EditedRelease.open(sample)
        let error = #expect(throws: AreaNeedsError.self) { try release.indicatorNeeds() }
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("/indicator_needs.csv, line 5, column spa_code: A9 is not in areas.csv (spa_code)") == true, "\(error?.message ?? "")")
        withExtendedLifetime(folder) {}
    }

    @Test func anIndicatorAbsentFromTheIndicatorsIsRefused() throws {
        var sample = SampleDraft()
        sample.indicatorNeeds[2][1] = "ind-z"
        let (release, folder) = try EditedRelease.open(sample)
        let error = #expect(throws: AreaNeedsError.self) { try release.indicatorNeeds() }
        #expect(error?.message.contains("/indicator_needs.csv, line 4, column indicator_id: ind-z is not in indicators.csv (indicator_id)") == true,
                "\(error?.message ?? "")")
        withExtendedLifetime(folder) {}
    }

    @Test func everyOtherForeignKeyIsChecked() throws {
        var objective = SampleDraft()
        objective.objectiveNeeds[1][0] = "A3"
        let objectiveFolder = try EditedRelease.publish(objective)
        #expect(EditedRelease.readingError(objectiveFolder.path + "/1.0.0")?.message
            .contains("/objective_needs.csv, line 3, column spa_code: A3 is not in areas.csv (spa_code)") == true)

        var lookup = SampleDraft()
        lookup.lookup[1][2] = "A7"
        let lookupFolder = try EditedRelease.publish(lookup)
        #expect(EditedRelease.readingError(lookupFolder.path + "/1.0.0")?.message
            .contains("/area_lookup.csv, line 3, column spa_code: A7 is not in areas.csv (spa_code)") == true)

        var measure = SampleDraft()
        measure.replaced = ["framework": [["1", "2", "1", "An outcome", "A measure"]]]
        let measureFolder = try EditedRelease.publish(measure)
        #expect(EditedRelease.readingError(measureFolder.path + "/1.0.0")?.message
            .contains("/framework.csv, line 2, column outcome_id: 2 is not in outcomes.csv (outcome_id)") == true)
    }

    @Test func aTableReferredToButAbsentIsRefused() throws {
        var sample = SampleDraft()
        sample.omitted = ["outcomes"]
        let (release, folder) = try EditedRelease.open(sample)
        let error = #expect(throws: AreaNeedsError.self) { try release.framework() }
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("table framework refers to outcomes (outcome_id), which the release does not have") == true, "\(error?.message ?? "")")
        withExtendedLifetime(folder) {}
    }

    @Test func assessRefusesANeedRowOfAnUnknownArea() throws {
        let project = FixtureProject()
        try project.run()
        var line = 0
        try EditedRelease.edit(project.folder("1.0.0"), "indicator_needs") { lines in
            line = lines.firstIndex { $0.hasPrefix("A2,") }! + 1
            lines[line - 1] = "A99" + lines[line - 1].dropFirst(2)
        }
        let result = try Executables.run("areaneeds", ["assess", "--areas", "A1,A2", "--objectives", "2,3", "--impact", "significant"], in: project.root)
        #expect(result.status == AreaNeedsError.Category.inputData.exitCode, "\(result.transcript)")
        #expect(result.standardError.contains("indicator_needs.csv, line \(line), column spa_code: A99 is not in areas.csv (spa_code)"), "\(result.standardError)")
    }
}
