import AreaNeedsAssess
import AreaNeedsMethods
import AreaNeedsRelease
import Foundation
import Testing

@Suite("The evidence behind an answer, as text and JSON")
struct EvidenceTests {
    let fixture: FixtureRelease
    let release: NeedsRelease

    init() throws {
        fixture = FixtureRelease.shared
        release = try NeedsRelease.open(fixture.latest)
    }

    func assess(_ areas: String, _ objectives: String, _ impact: Impact, value: Double? = nil) throws -> Assessment {
        Assessment(try AssessmentRequest(
            areas: try AreaSelection.resolve([areas], in: release),
            objectives: try ObjectiveSelection.resolve([objectives], in: release),
            impact: impact, value: value), in: release)
    }

    /// The JSON as Foundation objects, as a tool would read it.
    func object(_ value: JSONValue) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: value.encoded()) as? [String: Any])
    }

    @Test func eachAreaAndObjectiveWithItsIndicators() throws {
        let assessment = try assess("SPA07", "1,3", .some)
        #expect(assessment.evidence.map { "\($0.area.code)/\($0.objective.id)/\($0.quintile.map(String.init) ?? "-")" } == ["SPA07/1/5", "SPA07/3/4"])
        let employment = assessment.evidence[0]
        #expect(employment.indicators.map(\.indicator.id) == ["ks2-attainment", "neet"])
        #expect(employment.indicators[0].need?.needQuintile == 5 && employment.indicators[0].need?.quality == .exact)
        #expect(employment.indicators[1].missing)
        let text = assessment.text.flattened
        #expect(text.contains("SPA07 Fylde North (Fylde)"))
        #expect(text.contains("1 employment: quintile 5, need rank 9; 0 of 1 ranked indicators in quintile 1-2"))
        #expect(text.contains("quintile 5, rank 9, exact: Educational attainment key stage 2 [ks2-attainment] = 58%"))
        #expect(text.contains("missing: Young people not in employment, education or training [neet]"))
        #expect(text.contains("no figures in this release (below): wellbeing"))
        #expect(text.contains("Indicators with no figures in this release: Self reported wellbeing [wellbeing]: No published source for these areas"))
        #expect(text.contains("quintile 4, rank 8, apportioned: People providing 50+ hours unpaid care per week [unpaid-care] = 34%"))
        #expect(text.contains("Release: fixture 1.0.0 (SYNTHETIC figures: not for real decisions), \(fixture.folder)"))
    }

    @Test func everyQualityFlagIsShown() throws {
        let text = try assess("SPA01", "2,4", .significant).text.flattened
        #expect(text.contains("inherited: Median annual income [median-income] = £42"))
        #expect(text.contains("approximate: Life expectancy at birth (males) [life-expectancy-male] = 42 years"))
        #expect(text.contains("[met] Communities with the highest needs: highest needs in the served area on 2 of 2 chosen objectives"))
        #expect(text.hasPrefix("Social value weighting: 10% of the award criteria 10% of the award criteria on social value"))
    }

    @Test func countyWideTextSummarisesPerObjective() throws {
        let assessment = try assess("county", "1,2,5", .significant)
        let text = assessment.text.flattened
        #expect(text.contains("1 employment: 4 of 10 served areas in quintile 1-2 (indicators: ks2-attainment, neet)"))
        #expect(text.contains("quintile 1: SPA01 Burnley North, SPA03 Burnley South"))
        #expect(text.contains("quintile 2: SPA02 Burnley Central, SPA06 Chorley South"))
        #expect(text.contains("quintiles 3-5: 6 areas (3: 2, 4: 2, 5: 2)"))
        #expect(!text.contains("[ks2-attainment]"))
        #expect(assessment.text.split(separator: "\n").allSatisfy { $0.count <= 96 })
        // The JSON still carries every area on every objective.
        #expect(assessment.evidence.count == 30)
    }

    @Test func jsonCarriesTheDocumentedFields() throws {
        let json = try object(try assess("SPA07", "1,3", .some, value: 250_000).json)
        #expect(Set(json.keys) == ["format_version", "status", "weighting_percent", "possible_weighting_percent", "weighting_required",
                                   "rules_weighting_percent", "refer_to_procurement_board", "decision", "criteria", "request",
                                   "evidence", "notes", "release"])
        #expect(json["format_version"] as? Int == 2 && json["status"] as? String == "decided")
        #expect(json["weighting_percent"] as? Int == 5 && json["possible_weighting_percent"] as? [Int] == [5])
        #expect(json["refer_to_procurement_board"] as? Bool == false)
        let criteria = try #require(json["criteria"] as? [[String: Any]])
        #expect(criteria.map { $0["id"] as? String } == ["significant_impact", "multiple_objectives", "highest_needs_communities", "above_threshold"])
        #expect(criteria.map { $0["met"] as? Bool } == [false, true, false, true])
        #expect(criteria.allSatisfy { Set($0.keys) == ["id", "description", "met", "detail", "reason"] })
        #expect(criteria.allSatisfy { $0["reason"] is NSNull })
        let release = try #require(json["release"] as? [String: Any])
        #expect(release["pipeline"] as? String == "fixture" && release["version"] as? String == "1.0.0")
        #expect(release["synthetic"] as? Bool == true && release["folder"] as? String == fixture.folder)
        let request = try #require(json["request"] as? [String: Any])
        #expect(request["value"] as? Double == 250_000 && request["impact"] as? String == "some")
        #expect(request["area_codes"] as? [String] == ["SPA07"] && request["objectives"] as? [Int] == [1, 3])
        let evidence = try #require(json["evidence"] as? [String: Any])
        let needs = try #require(evidence["needs"] as? [[String: Any]])
        #expect(needs.count == 2)
        #expect(needs[0]["area_code"] as? String == "SPA07" && needs[0]["need_quintile"] as? Int == 5 && needs[0]["highest_need"] as? Bool == false)
        let indicators = try #require(needs[0]["indicators"] as? [[String: Any]])
        let neet = try #require(indicators.first { $0["indicator_id"] as? String == "neet" })
        #expect(neet["missing"] as? Bool == true)
        #expect(neet["value"] is NSNull && neet["quality"] is NSNull && neet["need_quintile"] is NSNull)
        let objectives = try #require(evidence["objectives"] as? [[String: Any]])
        #expect(objectives.map { $0["indicator_ids"] as? [String] } == [["ks2-attainment", "neet"], ["unpaid-care", "wellbeing"]])
        #expect(objectives.map { $0["highest_needs"] as? String } == ["not_reached", "not_reached"])
        #expect(objectives.allSatisfy { ($0["unranked_area_codes"] as? [String])?.isEmpty == true })
    }

    @Test func jsonOfAnAnswerWithoutValueOrWeighting() throws {
        let noValue = try object(try assess("SPA01", "1,2", .significant).json)
        #expect((noValue["criteria"] as? [[String: Any]])?[3]["met"] is NSNull)
        #expect(((noValue["criteria"] as? [[String: Any]])?[3]["reason"] as? String)?.contains("no contract value given") == true)
        #expect((noValue["request"] as? [String: Any])?["value"] is NSNull)
        let below = try object(try assess("SPA01", "1,2", .significant, value: 10).json)
        #expect(below["weighting_percent"] as? Int == 0)
        #expect(below["weighting_required"] as? Bool == false)
        #expect(below["rules_weighting_percent"] as? Int == 10)
        let single = try object(try assess("SPA01", "1", .significant).json)
        #expect(single["weighting_percent"] as? Int == 5 && single["refer_to_procurement_board"] as? Bool == true)
    }

    @Test func notesSayWhatWasSurprising() throws {
        let assessment = try assess("county,SPA01", "1,employment,2", .significant)
        #expect(assessment.notes.contains("`county` already includes SPA01: every area of the release is served"))
        #expect(assessment.notes.contains("objective 1 is named 2 times (1, employment): it counts once"))
        #expect(assessment.notes.contains { $0.contains("SYNTHETIC") })
    }
}
