import AreaNeedsRelease
import AreaNeedsReport
import Testing

/// The area pages' advice, from the `advise` logic: objectives by the area's need, with the framework.
@Suite("Advice on the area pages")
struct FrameworkAdvisorTests {
    @Test func objectivesComeInOrderOfNeedWithTheirOutcomesAndMeasures() throws {
        let release = ReportedRelease.sample.release
        let advisor = try FrameworkAdvisor(release: release)
        let needs = try release.objectiveNeeds()
        let outcomes = try release.outcomes()
        let measures = try release.framework()
        for area in try release.areas() {
            let advice = try advisor.advice(forArea: area.code)
            #expect(advice.areaCode == area.code)
            #expect(advice.objectives.map(\.id).sorted() == [1, 2, 3, 4, 5])
            let expected = needs.filter { $0.areaCode == area.code }
                .sorted { ($0.needQuintile ?? 9, $0.needRank ?? 999, $0.objectiveId) < ($1.needQuintile ?? 9, $1.needRank ?? 999, $1.objectiveId) }
                .map(\.objectiveId)
            #expect(advice.objectives.map(\.id) == expected, "\(area.code)")
            for objective in advice.objectives {
                let need = try #require(needs.first { $0.areaCode == area.code && $0.objectiveId == objective.id })
                #expect(objective.needQuintile == need.needQuintile && objective.highestNeed == (need.highestNeed ?? false))
                #expect(objective.rankedAreas == 34)
                #expect(objective.outcomes.map(\.id) == outcomes.filter { $0.objectiveId == objective.id }.map(\.id))
                for outcome in objective.outcomes {
                    #expect(outcome.exampleMeasures == measures.filter { $0.outcomeId == outcome.id }
                        .sorted { $0.measureNumber < $1.measureNumber }.map(\.exampleMeasure))
                }
            }
        }
    }

    @Test func tiesOnQuintileGoToTheLowerNeedRank() throws {
        let release = ReportedRelease.sample.release
        let advisor = try FrameworkAdvisor(release: release)
        // Somewhere in the sample an area has two objectives in the same quintile.
        var compared = 0
        for area in try release.areas() {
            let objectives = try advisor.advice(forArea: area.code).objectives
            for (a, b) in zip(objectives, objectives.dropFirst()) where a.needQuintile == b.needQuintile {
                #expect((a.needRank ?? 0) <= (b.needRank ?? 0))
                compared += 1
            }
        }
        #expect(compared > 0)
    }

    @Test func anUnknownAreaIsAnError() throws {
        let advisor = try FrameworkAdvisor(release: ReportedRelease.sample.release)
        #expect(throws: (any Error).self) { try advisor.advice(forArea: "NOPE") }
    }
}
