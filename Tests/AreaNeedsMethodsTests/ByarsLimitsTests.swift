import Testing
import AreaNeedsMethods

@Suite("Byar's limits of a count")
struct ByarsLimitsTests {
    @Test func aHundredEventsByHand() throws {
        // z = 1.959963984540054; 1 - 1/900 - z/30 = 0.9335567560708872; cubed × 100:
        //   lower = 81.36210549052788
        // 1 - 1/909 + z/(3√101) = 1.0639077918586493; cubed × 101:
        //   upper = 121.62793757920647
        let lower = try #require(ByarsLimits.lower(100))
        let upper = try #require(ByarsLimits.upper(100))
        #expect(abs(lower - 81.36210549052788) < 1e-10)
        #expect(abs(upper - 121.62793757920647) < 1e-10)
    }

    @Test func approximatesTheExactPoissonLimits() throws {
        // Exact 95% limits for 65 events: qchisq(0.025, 130) / 2 = 50.1656 and
        // qchisq(0.975, 132) / 2 = 82.8478 (Garwood); Byar's is within 0.01 of both.
        #expect(abs(try #require(ByarsLimits.lower(65)) - 50.1656) < 0.01)
        #expect(abs(try #require(ByarsLimits.upper(65)) - 82.8478) < 0.01)
    }

    @Test func widerAtHigherConfidenceAndForFractionalCounts() throws {
        let narrow = try #require(ByarsLimits.lower(12.5))
        let wide = try #require(ByarsLimits.lower(12.5, confidence: 0.998))
        #expect(wide < narrow && narrow < 12.5)
        #expect(try #require(ByarsLimits.upper(12.5, confidence: 0.998)) > (try #require(ByarsLimits.upper(12.5))))
    }

    @Test func noLowerLimitBelowZero() {
        // byars_lower sets negative limits to NA; at 99.8% one event gives one.
        #expect(ByarsLimits.lower(1, confidence: 0.998) == nil)
        #expect(ByarsLimits.upper(0) != nil)
    }
}
