import AreaNeedsAssess
import AreaNeedsCore
import AreaNeedsRelease
import Testing

/// Every branch of the rules over a real release written by `FixtureRelease` (see its
/// table of quintiles).
@Suite("The 5%/10% decision over a release")
struct AssessmentTests {
    let fixture: FixtureRelease
    let release: NeedsRelease

    init() throws {
        fixture = FixtureRelease.sharedWithThreshold
        release = try NeedsRelease.open(fixture.latest)
    }

    func assess(_ areas: String, _ objectives: String, _ impact: Impact, value: Double? = nil, threshold: Double? = nil) throws -> Assessment {
        let request = try AssessmentRequest(
            areas: try AreaSelection.resolve([areas], in: release),
            objectives: try ObjectiveSelection.resolve([objectives], in: release),
            impact: impact, value: value, threshold: threshold)
        return Assessment(request, in: release)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var areas: String
        var objectives: String
        var impact: Impact
        var value: Double? = nil
        var threshold: Double? = nil
        var weighting: Int
        /// significant_impact, multiple_objectives, highest_needs_communities, above_threshold.
        var met: [Bool?]
        var refer = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "county, three objectives, significant: 10%", areas: "county", objectives: "1,2,5", impact: .significant,
             weighting: 10, met: [true, true, true, nil]),
        Case(name: "county, five objectives, some: 5%", areas: "county", objectives: "1,2,3,4,5", impact: .some,
             weighting: 5, met: [false, true, true, nil]),
        Case(name: "county, one objective, significant: minimum 5%, Procurement Board", areas: "county", objectives: "3", impact: .significant,
             weighting: 5, met: [true, false, true, nil], refer: true),
        Case(name: "an area in quintile 4-5 everywhere, some, objectives 1 and 3: 5%", areas: "SPA07", objectives: "1,3", impact: .some,
             weighting: 5, met: [false, true, false, nil]),
        Case(name: "an area in quintile 4-5 everywhere, significant: 5%", areas: "SPA07", objectives: "1,3", impact: .significant,
             weighting: 5, met: [true, true, false, nil]),
        Case(name: "an area in quintile 4-5 everywhere, five objectives, significant: 5%", areas: "SPA08", objectives: "1,2,3,4,5", impact: .significant,
             weighting: 5, met: [true, true, false, nil]),
        Case(name: "highest needs on both objectives, significant: 10%", areas: "SPA01", objectives: "1,2", impact: .significant,
             weighting: 10, met: [true, true, true, nil]),
        Case(name: "highest needs on both objectives, some: 5%", areas: "SPA01", objectives: "employment,living-standards", impact: .some,
             weighting: 5, met: [false, true, true, nil]),
        Case(name: "highest needs on one of two objectives: 5%", areas: "SPA04", objectives: "3,5", impact: .significant,
             weighting: 5, met: [true, true, false, nil]),
        Case(name: "highest needs on two objectives in different areas: 10%", areas: "SPA04,SPA05", objectives: "3,5", impact: .significant,
             weighting: 10, met: [true, true, true, nil]),
        Case(name: "a district by name, five objectives: 10%", areas: "burnley", objectives: "1,2,3,4,5", impact: .significant,
             weighting: 10, met: [true, true, true, nil]),
        Case(name: "a district in quintile 4-5, by code: 5%", areas: "E07000119", objectives: "1,2,3,4,5", impact: .significant,
             weighting: 5, met: [true, true, false, nil]),
        Case(name: "one objective in the highest needs: minimum 5%, Procurement Board", areas: "SPA01", objectives: "1", impact: .significant,
             weighting: 5, met: [true, false, false, nil], refer: true),
        Case(name: "every area named one by one is county-wide", areas: "Burnley,Chorley,Fylde,Hyndburn", objectives: "3,4", impact: .significant,
             weighting: 10, met: [true, true, true, nil]),
        Case(name: "below the release's threshold: not required", areas: "SPA01", objectives: "1,2", impact: .significant, value: 150_000,
             weighting: 0, met: [true, true, true, false]),
        Case(name: "below the threshold with one objective: not required, no referral", areas: "SPA01", objectives: "1", impact: .some, value: 150_000,
             weighting: 0, met: [false, false, false, false]),
        Case(name: "at the threshold: required", areas: "SPA01", objectives: "1,2", impact: .significant, value: 200_000,
             weighting: 10, met: [true, true, true, true]),
        Case(name: "above the threshold, some: 5%", areas: "SPA07", objectives: "1,3", impact: .some, value: 1_000_000,
             weighting: 5, met: [false, true, false, true]),
        Case(name: "below an overriding threshold: not required", areas: "county", objectives: "1,2,5", impact: .significant, value: 300_000, threshold: 500_000,
             weighting: 0, met: [true, true, true, false]),
    ]

    @Test(arguments: cases)
    func decision(_ test: Case) throws {
        let assessment = try assess(test.areas, test.objectives, test.impact, value: test.value, threshold: test.threshold)
        #expect(assessment.weightingPercent == test.weighting)
        #expect(assessment.criteria.map(\.id) == Criterion.ID.allCases)
        #expect(assessment.criteria.map(\.met) == test.met)
        #expect(assessment.referToProcurementBoard == test.refer)
        // The decision names the referral whenever there are too few objectives; below the
        // threshold it does so for information only.
        #expect(assessment.decision.contains("refer the contract to the Procurement Board") == (test.met[1] == false))
    }

    @Test func belowThresholdStillGivesTheRulesForInformation() throws {
        let assessment = try assess("SPA01", "1,2", .significant, value: 150_000)
        #expect(assessment.outcome.rulesWeightingPercent == 10)
        #expect(assessment.decision.hasPrefix("No social value weighting is required"))
        #expect(assessment.decision.contains("£150,000") && assessment.decision.contains("£200,000"))
        #expect(assessment.decision.contains("For information, at or above the threshold: 10%"))
        #expect(assessment.text.hasPrefix("Social value weighting: not required"))
    }

    @Test func thresholdComesFromTheReleaseUnlessOverridden() throws {
        let fromRelease = try assess("SPA01", "1,2", .significant)
        #expect(fromRelease.threshold == 200_000)
        #expect(fromRelease.thresholdSource == "fixture threshold")
        #expect(fromRelease.criteria[3].detail.contains("no contract value given"))
        #expect(fromRelease.decision.contains("assumes the contract's value is at or above the procurement threshold of £200,000"))
        let overridden = try assess("SPA01", "1,2", .significant, threshold: 500_000)
        #expect(overridden.threshold == 500_000)
        #expect(overridden.thresholdSource.contains("in place of the release's £200,000"))
    }

    @Test func highestNeedsDetailNamesTheObjectivesReached() throws {
        let assessment = try assess("SPA04", "3,5", .significant)
        let detail = assessment.criteria[2].detail
        #expect(detail == "highest needs in the served area on 1 of 2 chosen objectives (at least two are needed): 3 community-sector: 1 of 1 areas in quintile 1-2; 5 environment: none (best quintile 4)")
    }

    @Test(arguments: [(-1.0, nil as Double?), (.nan, nil), (1, -5), (1, .infinity)])
    func impossibleAmountsAreCommandLineErrors(value: Double, threshold: Double?) throws {
        let areas = try AreaSelection.resolve(["SPA01"], in: release)
        let objectives = try ObjectiveSelection.resolve(["1,2"], in: release)
        #expect(throws: AreaNeedsError.self) {
            _ = try AssessmentRequest(areas: areas, objectives: objectives, impact: .some, value: value, threshold: threshold)
        }
        do {
            _ = try AssessmentRequest(areas: areas, objectives: objectives, impact: .some, value: value, threshold: threshold)
        } catch {
            #expect(error.category == .usage)
        }
    }
}
