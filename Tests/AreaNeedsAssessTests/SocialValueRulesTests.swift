import Testing
import AreaNeedsAssess

@Suite("The rules of section 5, on their own")
struct SocialValueRulesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var impact: Impact
        var objectives: Int
        var withHighestNeeds: Int
        var countyWide = false
        var value: Double? = nil
        var weighting: Int
        var rules: Int
        var refer = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "significant, two objectives, both reached", impact: .significant, objectives: 2, withHighestNeeds: 2, weighting: 10, rules: 10),
        Case(name: "significant, five objectives, two reached", impact: .significant, objectives: 5, withHighestNeeds: 2, weighting: 10, rules: 10),
        Case(name: "significant, two objectives, one reached", impact: .significant, objectives: 2, withHighestNeeds: 1, weighting: 5, rules: 5),
        Case(name: "significant, two objectives, none reached", impact: .significant, objectives: 2, withHighestNeeds: 0, weighting: 5, rules: 5),
        Case(name: "significant, county-wide, none counted", impact: .significant, objectives: 3, withHighestNeeds: 0, countyWide: true, weighting: 10, rules: 10),
        Case(name: "some, two objectives, both reached", impact: .some, objectives: 2, withHighestNeeds: 2, weighting: 5, rules: 5),
        Case(name: "some, county-wide", impact: .some, objectives: 5, withHighestNeeds: 5, countyWide: true, weighting: 5, rules: 5),
        Case(name: "significant, one objective, county-wide", impact: .significant, objectives: 1, withHighestNeeds: 1, countyWide: true, weighting: 5, rules: 5, refer: true),
        Case(name: "some, one objective", impact: .some, objectives: 1, withHighestNeeds: 0, weighting: 5, rules: 5, refer: true),
        Case(name: "below the threshold", impact: .significant, objectives: 2, withHighestNeeds: 2, value: 99_999, weighting: 0, rules: 10),
        Case(name: "below the threshold, one objective", impact: .some, objectives: 1, withHighestNeeds: 0, value: 1, weighting: 0, rules: 5),
        Case(name: "at the threshold", impact: .significant, objectives: 2, withHighestNeeds: 2, value: 100_000, weighting: 10, rules: 10),
        Case(name: "zero value", impact: .some, objectives: 2, withHighestNeeds: 0, value: 0, weighting: 0, rules: 5),
    ]

    @Test(arguments: cases)
    func weighting(_ test: Case) {
        let outcome = SocialValueRules.apply(.init(
            impact: test.impact, objectives: test.objectives, objectivesWithHighestNeeds: test.withHighestNeeds,
            countyWide: test.countyWide, value: test.value, threshold: 100_000))
        #expect(outcome.weightingPercent == test.weighting)
        #expect(outcome.rulesWeightingPercent == test.rules)
        #expect(outcome.referToProcurementBoard == test.refer)
        #expect(outcome.weightingRequired == (test.weighting != 0))
        #expect(outcome.aboveThreshold == test.value.map { $0 >= 100_000 })
        #expect(outcome.multipleObjectives == (test.objectives >= 2))
    }
}
