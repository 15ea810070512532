import Testing
@testable import AreaNeedsMethods

@Suite("Wilson score intervals as PHEindicatormethods computes them")
struct WilsonIntervalTests {
    @Test func zScoresAreRsQnorm() {
        // PHEindicatormethods: z = qnorm(confidence + (1 - confidence) / 2). R's qnorm (AS 241)
        // gives the double 1.9599639845400536 for 0.975, which R prints as 1.959963984540054 at 16
        // digits, and -1.9599639845400538 for 0.025 (0.025 and 0.975 are not exact complements).
        let z = WilsonInterval.zScore(confidence: 0.95)
        #expect(z == 1.9599639845400536)
        #expect(abs(z - 1.959963984540054) <= 2 * z.ulp)
        #expect(NormalQuantile.value(0.025) == -1.9599639845400538)
        // qnorm(0.999), the z of the 99.8% limits PHE also publishes.
        #expect(WilsonInterval.zScore(confidence: 0.998) == 3.090232306167813)
        // qnorm(0.75), in AS 241's central region.
        #expect(NormalQuantile.value(0.75) == 0.6744897501960817)
        // qnorm(1e-10), in its far tail.
        #expect(abs(NormalQuantile.value(1e-10) - -6.361340902404056) < 1e-14)
        #expect(NormalQuantile.value(0.5) == 0)
        #expect(WilsonInterval.zScore(confidence: 1).isNaN)
        #expect(WilsonInterval.zScore(confidence: 0).isNaN)
    }

    @Test func sixtyFiveOutOfAHundred() throws {
        // wilson_lower(65, 100) and wilson_upper(65, 100), the package's own examples, by hand:
        //   z² = 1.9599639845400536² = 3.8414588206941236
        //   z² + 4·65·(1 - 65/100) = 3.8414588206941236 + 91 = 94.84145882069413
        //   √ = 9.738657957885888;  z·√ = 19.087418855210725
        //   n + z² = 103.84145882069413
        //   lower = (130 + 3.8414588206941236 - 19.087418855210725) / 2 / 103.84145882069413 = 0.55254443296888
        //   upper = (130 + 3.8414588206941236 + 19.087418855210725) / 2 / 103.84145882069413 = 0.73635751756902
        let interval = try #require(WilsonInterval(numerator: 65, denominator: 100))
        #expect(abs(interval.lower - 0.55254443296888) < 1e-13)
        #expect(abs(interval.upper - 0.73635751756902) < 1e-13)
    }

    @Test func agreesWithPublishedROutput() throws {
        // Hmisc::binconf(x = 520, n = 1000), Wilson by default with z = qnorm(0.975), prints
        // PointEst 0.52, Lower 0.4890177, Upper 0.5508292 (seven significant figures).
        let interval = try #require(WilsonInterval(numerator: 520, denominator: 1000))
        #expect(abs(interval.lower - 0.4890177) < 5e-8)
        #expect(abs(interval.upper - 0.5508292) < 5e-8)
    }

    @Test func fractionalCountsFromApportionedAreas() throws {
        // wilson_lower(0.445, 1), one of the package's test inputs: not whole numbers.
        //   z² + 4·0.445·(1 - 0.445) = 3.8414588206941236 + 0.98790 = 4.829358820694123
        //   √ = 2.197580219399083;  z·√ = 4.307178083159832;  n + z² = 4.841458820694124
        //   lower = (0.89 + 3.8414588206941236 - 4.307178083159832) / 2 / 4.841458820694124 = 0.04381744772058822
        //   upper = (0.89 + 3.8414588206941236 + 4.307178083159832) / 2 / 4.841458820694124 = 0.9334621276979156
        let interval = try #require(WilsonInterval(numerator: 0.445, denominator: 1))
        #expect(abs(interval.lower - 0.04381744772058822) < 1e-15)
        #expect(abs(interval.upper - 0.9334621276979156) < 1e-15)
    }

    @Test func wider99Point8PercentLimits() throws {
        let narrow = try #require(WilsonInterval(numerator: 65, denominator: 100, confidence: 0.95))
        let wide = try #require(WilsonInterval(numerator: 65, denominator: 100, confidence: 0.998))
        #expect(wide.lower < narrow.lower && narrow.upper < wide.upper)
    }

    @Test func noneAndAllAreExactlyZeroAndOne() throws {
        // x = 0: lower = (z² - z·√z²) / 2 / (n + z²) = 0; x = n: upper = (2n + 2z²) / 2 / (n + z²) = 1,
        // which the doubles give as 1.0000000000000002 unclamped.
        //   0 of 50: upper = (3.8414588206941236 + 3.8414588206941236) / 2 / 53.84145882069412 = 0.0713475991333587
        let none = try #require(WilsonInterval(numerator: 0, denominator: 50))
        #expect(none.lower == 0)
        #expect(abs(none.upper - 0.0713475991333587) < 1e-15)
        let all = try #require(WilsonInterval(numerator: 50, denominator: 50))
        #expect(all.upper == 1)
        #expect(abs(all.lower - 0.9286524008666414) < 1e-15)
    }

    @Test func onlyProportionsHaveAnInterval() {
        #expect(WilsonInterval(numerator: 1, denominator: 0) == nil)
        #expect(WilsonInterval(numerator: 0, denominator: 0) == nil)
        #expect(WilsonInterval(numerator: 30, denominator: 20) == nil)
        #expect(WilsonInterval(numerator: -1, denominator: 20) == nil)
        #expect(WilsonInterval(numerator: .nan, denominator: 20) == nil)
        #expect(WilsonInterval(numerator: 1, denominator: 20, confidence: 1) == nil)
    }

    @Test func scalesToPercentages() throws {
        let interval = try #require(WilsonInterval(numerator: 1, denominator: 4)?.scaled(by: 100))
        let proportion = try #require(WilsonInterval(numerator: 1, denominator: 4))
        #expect(interval.lower == proportion.lower * 100)
        #expect(interval.upper == proportion.upper * 100)
    }
}
