import AreaNeedsCore
import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// Every value of a release is of its column's declared type: numbers are finite numbers,
/// integers whole, booleans `true` or `false`, closed sets one of their texts, and each
/// within its column's minimum and maximum. Anything else is refused naming the line and
/// column, never read as missing.
@Suite("A release's values are of their declared types")
struct ReleaseValueTypeTests {
    /// A need row's column, a text put there, and what the error says of it.
    @Test(arguments: [
        (2, "ten", "column value: \"ten\" is not a number"),
        (2, "1e999", "column value: \"1e999\" is not a finite number"),
        (3, "nan", "column numerator: \"nan\" is not a number"),
        (5, "0x1p3", "column ci_lower: \"0x1p3\" is not a number"),
        (7, "2.5", "column need_rank: \"2.5\" is not a whole number, where the column holds whole numbers"),
        (7, "0", "column need_rank: 0 is below the least value allowed, 1"),
        (8, "6", "column need_quintile: 6 is above the greatest value allowed, 5"),
        (8, "first", "column need_quintile: \"first\" is not a number, where the column holds whole numbers"),
        (9, "yes", "column highest_need: \"yes\" is not true or false"),
        (10, "exactish", "column quality: \"exactish\" is none of exact, apportioned, inherited, approximate, proxy"),
        (11, "worser", "column compared_with_county: \"worser\" is none of worse, similar, better"),
    ])
    func aNeedValueOfAnotherTypeIsRefused(column: Int, text: String, message: String) throws {
        var sample = SampleDraft()
        sample.indicatorNeeds[1][column] = text
        let (release, folder) = try EditedRelease.open(sample)
        let error = #expect(throws: AreaNeedsError.self) { try release.indicatorNeeds() }
        #expect(error?.category == .inputData)
        #expect(error?.message.contains("/indicator_needs.csv, line 3, " + message) == true, "\(error?.message ?? "")")
        withExtendedLifetime(folder) {}
    }

    @Test(arguments: [
        (3, "higher-is-bad", "column polarity: \"higher-is-bad\" is none of higher-is-worse, higher-is-better"),
        (2, "two", "column objective_id: \"two\" is not a number, where the column holds whole numbers"),
        (2, "6", "column objective_id: 6 is above the greatest value allowed, 5"),
        (9, "TRUE", "column available: \"TRUE\" is not true or false"),
        (15, "-inf", "column county_value: \"-inf\" is not a number"),
    ])
    func anIndicatorOfAnotherTypeIsRefusedWhenTheReleaseIsOpened(column: Int, text: String, message: String) throws {
        var sample = SampleDraft()
        sample.indicators[1][column] = text
        let folder = try EditedRelease.publish(sample)
        let error = #expect(throws: AreaNeedsError.self) { try Release.open(folder.path + "/1.0.0") }
        #expect(error?.message.contains("/indicators.csv, line 3, " + message) == true, "\(error?.message ?? "")")
    }

    @Test func anAreaPopulationThatIsNotANumberIsRefused() throws {
        var sample = SampleDraft()
        sample.areas[0][4] = "1,000"
        let folder = try EditedRelease.publish(sample)
        let error = #expect(throws: AreaNeedsError.self) { try Release.open(folder.path + "/1.0.0") }
        #expect(error?.message.contains("/areas.csv, line 2, column population: \"1,000\" is not a number") == true, "\(error?.message ?? "")")
    }

    @Test func numbersAsTheReleaseWritesThemAreRead() throws {
        var sample = SampleDraft()
        sample.indicatorNeeds[0] = ["A1", "ind-a", "1.5e-3", "-0.0", "+100", "25000.0", "17", "2", "5", "false", "exact", "better", ""]
        let (release, folder) = try EditedRelease.open(sample)
        let row = try #require(try release.indicatorNeeds().first)
        #expect(row.value == 0.0015 && row.numerator == 0 && row.denominator == 100 && row.ciLower == 25000)
        #expect(row.needRank == 2 && row.needQuintile == 5 && row.highestNeed == false)
        withExtendedLifetime(folder) {}
    }

    @Test func showRefusesAQuintileOutOfRange() throws {
        let project = FixtureProject()
        try project.run()
        var line = 0
        try EditedRelease.edit(project.folder("1.0.0"), "objective_needs") { lines in
            line = 2
            var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[6] = "9"
            lines[1] = fields.joined(separator: ",")
        }
        let result = try Executables.run("areaneeds", ["show", "objective_needs"], in: project.root)
        #expect(result.status == AreaNeedsError.Category.inputData.exitCode, "\(result.transcript)")
        #expect(result.standardError.contains("objective_needs.csv, line \(line), column need_quintile: 9 is above the greatest value allowed, 5"),
                "\(result.standardError)")
    }
}
