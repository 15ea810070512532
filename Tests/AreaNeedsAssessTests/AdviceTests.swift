import AreaNeedsAssess
import Foundation
import Testing

@Suite("Advice: objectives ranked by need, with the framework's measures")
struct AdviceTests {
    let fixture: FixtureRelease
    let release: NeedsRelease

    init() throws {
        fixture = FixtureRelease.shared
        release = try NeedsRelease.open(fixture.latest)
    }

    func advise(_ areas: String) throws -> Advice {
        Advice(for: try AreaSelection.resolve([areas], in: release), in: release)
    }

    @Test(arguments: [
        // Burnley: objectives 1, 2 and 4 reach quintile 1 with mean need rank 2; 5 reaches 1
        // with mean 3; 3 is at best quintile 3.
        ("Burnley", [1, 2, 4, 5, 3]),
        // SPA07: quintile 4 on 2 (rank 7) and 3 (rank 8), quintile 5 on the rest (rank 9).
        ("SPA07", [2, 3, 1, 4, 5]),
        // SPA04 and SPA05: 5 reaches quintile 1, 3 quintile 2; the rest quintile 3, by mean rank.
        ("SPA04,SPA05", [5, 3, 2, 1, 4]),
    ])
    func ranking(_ areas: String, _ expected: [Int]) throws {
        let advice = try advise(areas)
        #expect(advice.objectives.map(\.objective.id) == expected)
        #expect(advice.objectives.map(\.position) == [1, 2, 3, 4, 5])
    }

    @Test func eachObjectiveCarriesOutcomesPrioritiesAndMeasures() throws {
        let advice = try advise("Burnley")
        let employment = try #require(advice.objectives.first { $0.objective.id == 1 })
        #expect(employment.bestQuintile == 1 && employment.meanNeedRank == 2)
        #expect(employment.highestNeedAreas.map(\.code) == ["SPA01", "SPA02", "SPA03"])
        #expect(employment.outcomes.map(\.outcome.id) == [1, 2, 3])
        #expect(employment.outcomes[0].outcome.corporatePriorities.count == 4)
        #expect(employment.outcomes[0].exampleMeasures.first == "Recruitment of local community")
        #expect(employment.outcomes[0].exampleMeasures.count == 9)
        let text = advice.text.flattened
        #expect(text.hasPrefix("Social value objectives for 3 areas (SPA01 Burnley North, SPA02 Burnley Central, SPA03 Burnley South), greatest need first:"))
        #expect(text.contains("1. Objective 1: Promote training and employment opportunities for the people of Lancashire (employment)"))
        #expect(text.contains("Need: quintile 1 at worst, mean need rank 2 of 10; quintile 1-2 in SPA01 Burnley North, SPA02 Burnley Central, SPA03 Burnley South"))
        #expect(text.contains("Quintile by area: SPA01 1, SPA02 2, SPA03 1"))
        #expect(text.contains("- Recruitment of apprentices"))
        #expect(text.contains("- Promote the living wage."))
    }

    @Test func jsonCarriesTheRankingAndTheFramework() throws {
        let advice = try advise("SPA07")
        #expect(advice.text.flattened.contains("1. Objective 2: Raise the living standard of local residents (living-standards) Need: quintile 4, need rank 7 of 10 Indicators:"))
        let json = try #require(try JSONSerialization.jsonObject(with: advice.json.encoded()) as? [String: Any])
        #expect(Set(json.keys) == ["format_version", "areas", "objectives", "notes", "release"])
        let objectives = try #require(json["objectives"] as? [[String: Any]])
        #expect(objectives.map { $0["objective_id"] as? Int } == [2, 3, 1, 4, 5])
        #expect(objectives[0]["best_quintile"] as? Int == 4 && objectives[0]["mean_need_rank"] as? Double == 7)
        let outcomes = try #require(objectives[0]["outcomes"] as? [[String: Any]])
        #expect(outcomes.first?["outcome_id"] as? Int == 4)
        #expect((outcomes.first?["example_measures"] as? [String])?.first == "Work towards paying staff the Living Wage")
        #expect((outcomes.first?["corporate_priorities"] as? [String]) == [
            "Promote the living wage.", "Support Lancashire Enterprise Partnership to improve the economy and reduce deprivation.",
        ])
    }
}
