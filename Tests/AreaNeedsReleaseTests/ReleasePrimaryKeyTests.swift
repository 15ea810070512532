import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// A release whose checksums were made to match after a row was repeated is refused when
/// the table is read, naming the table, the key and both lines: the later row no longer
/// wins and shows an area in another quintile.
@Suite("A release's keys are unique")
struct ReleasePrimaryKeyTests {
    @Test func aRepeatedNeedRowIsRefusedNamingTheKeyAndBothLines() throws {
        var sample = SampleDraft()
        // A1 on ind-a again, now in quintile 1.
        sample.indicatorNeeds.append(["A1", "ind-a", "10", "10", "100", "5", "17", "1", "1", "true", "exact", "better", ""])
        let (release, folder) = try EditedRelease.open(sample)
        let error = #expect(throws: AreaNeedsError.self) { try release.indicatorNeeds() }
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("/indicator_needs.csv, line 6: repeats the key of line 2 (spa_code A1, indicator_id ind-a): "
            + "each spa_code and indicator_id may appear once in indicator_needs.csv") == true, "\(error?.message ?? "")")
        #expect(error?.message.hasPrefix("release draft 1.0.0: ") == true)
        withExtendedLifetime(folder) {}
    }

    @Test func aRepeatedAreaIsRefusedWhenTheReleaseIsOpened() throws {
        var sample = SampleDraft()
        sample.areas.append(["A1", "Area One Again", "D1", "Dale", "150"])
        let folder = try EditedRelease.publish(sample)
        let error = #expect(throws: AreaNeedsError.self) { try Release.open(folder.path + "/1.0.0") }
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("/areas.csv, line 4: repeats the key of line 2 (spa_code A1)") == true, "\(error?.message ?? "")")
    }

    @Test func repeatedKeysOfEveryOtherTableAreRefused() throws {
        var objective = SampleDraft()
        objective.objectiveNeeds.append(["A2", "2", "1", "0", "2", "2", "5", "false"])
        let objectiveFolder = try EditedRelease.publish(objective)
        let objectiveError = EditedRelease.readingError(objectiveFolder.path + "/1.0.0")
        #expect(objectiveError?.message.contains("/objective_needs.csv, line 6: repeats the key of line 5 (spa_code A2, objective_id 2)") == true,
                "\(objectiveError?.message ?? "")")

        var indicator = SampleDraft()
        indicator.indicators.append(indicator.indicators[0])
        let indicatorFolder = try EditedRelease.publish(indicator)
        let indicatorError = EditedRelease.readingError(indicatorFolder.path + "/1.0.0")
        #expect(indicatorError?.message.contains("/indicators.csv, line 4: repeats the key of line 2 (indicator_id ind-a)") == true,
                "\(indicatorError?.message ?? "")")

        var lookup = SampleDraft()
        lookup.lookup.append(["lsoa11", "L1", "A1", "0.5"])
        let lookupFolder = try EditedRelease.publish(lookup)
        let lookupError = EditedRelease.readingError(lookupFolder.path + "/1.0.0")
        #expect(lookupError?.message.contains("/area_lookup.csv, line 4: repeats the key of line 2 (geography lsoa11, small_area_code L1, spa_code A1)") == true,
                "\(lookupError?.message ?? "")")
    }

    @Test func aUniqueColumnIsCheckedAsAKey() throws {
        var sample = SampleDraft()
        // Objectives' short names are unique as well as their ids.
        var objectives = SampleDraft.objectives
        objectives[4][1] = "objective-1"
        sample.replaced = ["objectives": objectives]
        let folder = try EditedRelease.publish(sample)
        let error = #expect(throws: AreaNeedsError.self) { try Release.open(folder.path + "/1.0.0") }
        #expect(error?.message.contains("/objectives.csv, line 6: repeats the key of line 2 (short_name objective-1)") == true, "\(error?.message ?? "")")
    }

    @Test func aKeyDroppedFromTheDescriptorIsStillChecked() throws {
        var sample = SampleDraft()
        sample.indicatorNeeds.append(["A2", "ind-b", "4.5", "", "", "", "", "2", "5", "false", "exact", "", ""])
        let folder = try EditedRelease.publish(sample)
        let path = folder.path + "/1.0.0"
        try EditedRelease.reseal(path) { descriptor in
            guard case .array(let resources)? = descriptor["resources"] else { return }
            descriptor["resources"] = .array(resources.map { resource in
                guard case .object(var fields) = resource, case .object(var schema)? = fields["schema"] else { return resource }
                schema["primaryKey"] = nil
                schema["foreignKeys"] = nil
                fields["schema"] = .object(schema)
                return .object(fields)
            })
        }
        let error = EditedRelease.readingError(path)
        #expect(error?.message.contains("/indicator_needs.csv, line 6: repeats the key of line 5 (spa_code A2, indicator_id ind-b)") == true,
                "\(error?.message ?? "")")
    }

    /// The fixture's release with A1's fuel poverty row repeated at the end, in quintile 1.
    static func repeatedRow() throws -> (project: FixtureProject, first: Int, repeated: Int) {
        let project = FixtureProject()
        try project.run()
        var first = 0
        var repeated = 0
        try EditedRelease.edit(project.folder("1.0.0"), "indicator_needs") { lines in
            first = lines.firstIndex { $0.hasPrefix("A1,fuel-poverty,") }! + 1
            var fields = lines[first - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[8] = fields[8] == "1" ? "5" : "1"
            lines.append(fields.joined(separator: ","))
            repeated = lines.count
        }
        return (project, first, repeated)
    }

    @Test(arguments: [
        ["assess", "--areas", "A1,A2,A4", "--objectives", "2,3,5", "--impact", "significant"],
        ["advise", "--areas", "A1,A2"],
        ["show", "indicator_needs"],
        ["report"],
    ])
    func commandsRefuseARepeatedRow(arguments: [String]) throws {
        let (project, first, repeated) = try Self.repeatedRow()
        let result = try Executables.run("areaneeds", arguments, in: project.root)
        #expect(result.status == AreaNeedsError.Category.inputData.exitCode, "\(result.transcript)")
        #expect(result.standardError.contains("indicator_needs.csv, line \(repeated): repeats the key of line \(first) (spa_code A1, indicator_id fuel-poverty)"),
                "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: project.folder("1.0.0") + "/report"))
    }
}
