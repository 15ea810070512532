import AreaNeedsAssess
import AreaNeedsCore
import AreaNeedsRelease
import Foundation
import Testing

/// Answers over a release that does not rank every objective everywhere (`FixtureRelease.withGaps`:
/// objective 4 ranked nowhere, objective 1 not in SPA02, objective 3 not in SPA09): missing
/// data is never read as "not met".
@Suite("Answers that turn on objectives the release does not rank")
struct UndeterminedTests {
    let release: NeedsRelease

    init() throws {
        release = try NeedsRelease.open(FixtureRelease.withGaps.latest)
    }

    func assess(_ areas: String, _ objectives: String, _ impact: Impact = .significant, value: Double? = 500_000) throws -> Assessment {
        let request = try AssessmentRequest(
            areas: try AreaSelection.resolve([areas], in: release),
            objectives: try ObjectiveSelection.resolve([objectives], in: release),
            impact: impact, value: value)
        return Assessment(request, in: release)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var areas: String
        var objectives: String
        var impact: Impact = .significant
        var value: Double? = 500_000
        /// nil: undetermined.
        var weighting: Int?
        /// significant_impact, multiple_objectives, highest_needs_communities, above_threshold.
        var met: [Bool?]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "one objective reached, one unranked: undetermined", areas: "SPA01", objectives: "1,4",
             weighting: nil, met: [true, true, nil, true]),
        Case(name: "both objectives unranked in the area: undetermined", areas: "SPA02", objectives: "1,4",
             weighting: nil, met: [true, true, nil, true]),
        Case(name: "unranked in one area, low need in the other: undetermined", areas: "SPA02,SPA07", objectives: "1,4",
             weighting: nil, met: [true, true, nil, true]),
        Case(name: "objective unranked in the only area, the other reached: undetermined", areas: "SPA09", objectives: "3,5",
             weighting: nil, met: [true, true, nil, true]),
        Case(name: "no value and an unknown: undetermined", areas: "SPA01", objectives: "1,4", value: nil,
             weighting: nil, met: [true, true, nil, nil]),
        Case(name: "two reached beside an unranked one: 10%", areas: "SPA01", objectives: "1,2,4",
             weighting: 10, met: [true, true, true, true]),
        Case(name: "unranked in one area but reached in another: 10%", areas: "SPA02,SPA06", objectives: "1,3",
             weighting: 10, met: [true, true, true, true]),
        Case(name: "one unranked cannot make two: 5%", areas: "SPA07", objectives: "3,4,5",
             weighting: 5, met: [true, true, false, true]),
        Case(name: "some impact: 5% whatever the unranked objective shows", areas: "SPA01", objectives: "1,4", impact: .some,
             weighting: 5, met: [false, true, nil, true]),
        Case(name: "one objective, unranked: minimum 5%, Procurement Board", areas: "SPA01", objectives: "4",
             weighting: 5, met: [true, false, false, true]),
        Case(name: "county-wide reaches the highest needs by definition: 10%", areas: "county", objectives: "1,4",
             weighting: 10, met: [true, true, true, true]),
        Case(name: "below the threshold: not required, whatever is unknown", areas: "SPA01", objectives: "1,4", value: 100_000,
             weighting: 0, met: [true, true, nil, false]),
    ]

    @Test(arguments: cases)
    func decision(_ test: Case) throws {
        let assessment = try assess(test.areas, test.objectives, test.impact, value: test.value)
        #expect(assessment.weightingPercent == test.weighting)
        #expect(assessment.isDecided == (test.weighting != nil))
        #expect(assessment.criteria.map(\.met) == test.met)
        #expect(assessment.outcome.possibleWeightingPercents == (test.weighting.map { [$0] } ?? [5, 10]))
        // Every unknown criterion says why; known ones do not.
        for criterion in assessment.criteria {
            #expect((criterion.reason != nil) == (criterion.met == nil), "\(criterion.id)")
        }
        let headline = assessment.text.split(separator: "\n").first.map(String.init) ?? ""
        if test.weighting == nil {
            #expect(headline == "Social value weighting: cannot be decided from this release (5% or 10%: see below)")
            #expect(assessment.decision.hasPrefix("Cannot be decided from this release"))
            #expect(assessment.decision.contains("5% otherwise"))
        } else {
            #expect(!assessment.text.contains("cannot be decided"))
        }
    }

    @Test func theAnswerNamesWhatIsMissingAndEachOutcome() throws {
        let one = try assess("SPA01", "1,4")
        #expect(one.decision.contains("does not rank 4 equity in the areas served"))
        #expect(one.decision.contains("10% if 4 equity reaches the highest needs (quintile 1 or 2) in these areas (1 employment already does), 5% otherwise"))
        #expect(one.criteria[2].reason == "4 equity has no ranked indicator in SPA01: the release cannot tell whether they are among the communities with the highest needs")
        let both = try assess("SPA02", "1,4")
        #expect(both.decision.contains("10% if both 1 employment and 4 equity reach the highest needs"))
        #expect(both.unknownObjectives.map(\.objective.id) == [1, 4])
        // SPA02 is ranked on objective 3, in quintile 4: not reached, so both unranked ones are needed.
        let three = try assess("SPA02", "1,3,4")
        #expect(three.unknownObjectives.map(\.objective.id) == [1, 4])
        #expect(three.decision.contains("10% if both 1 employment and 4 equity reach"))
        // SPA09 reaches objective 5 (quintile 2): any one of the unranked would do.
        let any = try assess("SPA09", "3,4,5")
        #expect(any.decision.contains("10% if any of 3 community-sector or 4 equity reaches the highest needs"))
    }

    @Test func evidenceSaysNotRankedRatherThanNo() throws {
        let assessment = try assess("SPA01", "1,4")
        let equity = try #require(assessment.evidence.first { $0.objective.id == 4 })
        #expect(equity.highestNeed == nil && equity.quintile == nil)
        #expect(assessment.text.contains("4 equity: not ranked: no data (unknown, not \"no need\")"))
        #expect(!assessment.text.contains("highest needs: no"))
        // Indicators with no figures at all are listed once, with the pipeline's words.
        #expect(assessment.text.components(separatedBy: "No published source for these areas").count - 1 == 1)
        let summary = try #require(assessment.summaries.first { $0.objective.id == 4 })
        #expect(summary.reach == .unknown && summary.unrankedAreas.map(\.code) == ["SPA01"])
    }

    @Test func jsonOfAnUndeterminedAnswer() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: try assess("SPA01", "1,4").json.encoded()) as? [String: Any])
        #expect(json["format_version"] as? Int == 2)
        #expect(json["status"] as? String == "undetermined")
        #expect(json["weighting_percent"] is NSNull)
        #expect(json["rules_weighting_percent"] is NSNull)
        #expect(json["possible_weighting_percent"] as? [Int] == [5, 10])
        let criteria = try #require(json["criteria"] as? [[String: Any]])
        #expect(criteria[2]["met"] is NSNull)
        #expect((criteria[2]["reason"] as? String)?.contains("4 equity has no ranked indicator in SPA01") == true)
        #expect(criteria[0]["reason"] is NSNull)
        let evidence = try #require(json["evidence"] as? [String: Any])
        let objectives = try #require(evidence["objectives"] as? [[String: Any]])
        #expect(objectives.map { $0["highest_needs"] as? String } == ["reached", "unknown"])
        #expect(objectives[1]["unranked_area_codes"] as? [String] == ["SPA01"])
        let needs = try #require(evidence["needs"] as? [[String: Any]])
        #expect(needs[0]["highest_need"] as? Bool == true)
        #expect(needs[1]["highest_need"] is NSNull)
    }
}
